import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { StudioHandlers, ViewerEvent } from '../../shared/api/contract.ts';
import { fail, ok } from '../../shared/result.ts';
import { writeNewFileAtomic } from '../project/atomic-write.ts';
import { suggestMessages, suggestionYaml } from './message-suggestion.ts';
import { recordingText, type Recording } from './recording-file.ts';

/**
 * `recordings.save`: the viewer's Record button. The session's kept events (names, ids, data, the
 * times they came) become a recording in the project's `recordings/` folder, for the mock's
 * `recorded` scenario. Never overwrites; the name is kept to a plain file name.
 */
export type RecordingMethods = 'recordings.save';

export interface RecordingHandlerDeps {
  root(): string;
  events(subscriptionId: string): { events: ViewerEvent[] } | undefined;
  url(subscriptionId: string): string | undefined;
}

export const RECORDINGS_FOLDER = 'recordings';

export function recordingHandlers(deps: RecordingHandlerDeps): Pick<StudioHandlers, RecordingMethods> {
  return {
    'recordings.save': async ({ subscriptionId, fileName }) => {
      const base = fileName.trim().replace(/\.json$/i, '');
      if (!/^[\w.-]{1,80}$/.test(base) || base.startsWith('.')) return fail('bad_name', 'Name the recording with letters, digits, "-", "_" or "." (e.g. prices-morning).', [{ field: 'fileName', message: 'Letters, digits, -, _ and . only.' }]);
      const kept = deps.events(subscriptionId);
      if (!kept) return fail('not_found', `There is no subscription "${subscriptionId}": open the stream again.`);
      if (kept.events.length === 0) return fail('empty', 'No event has come yet: wait for some, then record.');
      const first = kept.events[0] as ViewerEvent;
      const recording: Recording = {
        sseStudioRecording: 1,
        source: deps.url(subscriptionId) ?? '',
        recordedAt: new Date(first.receivedAt).toISOString(),
        events: kept.events.map((e) => ({ atMs: Math.max(0, e.receivedAt - first.receivedAt), ...(e.type !== 'message' ? { event: e.type } : {}), ...(e.id !== undefined ? { id: e.id } : {}), data: e.data })),
      };
      const folder = path.join(deps.root(), RECORDINGS_FOLDER);
      const relative = `${RECORDINGS_FOLDER}/${base}.json`;
      try {
        await fs.mkdir(folder, { recursive: true });
        const outside = await leavesProject(folder, deps.root());
        if (outside) return fail('write_failed', `Could not write ${relative}: ${outside}`);
        await writeNewFileAtomic(path.join(folder, `${base}.json`), recordingText(recording));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fail('exists', `${relative} exists: pick another name.`, [{ field: 'fileName', message: 'Taken: pick another name.' }]);
        return fail('write_failed', `Could not write ${relative}: ${(err as Error).message}`);
      }
      const suggestions = suggestMessages(recording.events);
      return ok({ file: relative, events: recording.events.length, xMock: `x-mock: { scenario: recorded, file: ${relative}, timing: original }`, ...(suggestions.length ? { messagesYaml: suggestionYaml(suggestions) } : {}) });
    },
  };
}

/** Why the recordings folder may not be written to: a symlink, or (through a symlinked parent) outside the project. */
async function leavesProject(folder: string, root: string): Promise<string | undefined> {
  if ((await fs.lstat(folder)).isSymbolicLink()) return `${RECORDINGS_FOLDER}/ is a symbolic link; SSE Studio writes recordings only into a real folder inside the project.`;
  const rel = path.relative(await fs.realpath(root), await fs.realpath(folder));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return `${RECORDINGS_FOLDER}/ leads outside the project folder.`;
  return undefined;
}
