import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewerEvent } from '../../shared/api/contract.ts';
import { recordingHandlers } from './recording-handlers.ts';

/** recordings.save writes only into a real `recordings/` folder inside the project. */
let parent: string;
beforeAll(async () => {
  parent = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-recording-save-'));
});
afterAll(async () => {
  await fs.rm(parent, { recursive: true, force: true });
});

const events: ViewerEvent[] = [
  { seq: 1, id: '1', type: 'tick', data: '{"p":1}', receivedAt: 1_000 },
  { seq: 2, id: '2', type: 'tick', data: '{"p":2}', receivedAt: 1_100 },
];
const save = (root: string, fileName: string) =>
  recordingHandlers({ root: () => root, events: () => ({ events }), url: () => 'http://127.0.0.1:1/ticks' })['recordings.save']({ subscriptionId: 's1', fileName });

describe('recordings.save', () => {
  it('writes into the project\'s own recordings folder', async () => {
    const root = path.join(parent, 'plain');
    await fs.mkdir(root);
    const saved = await save(root, 'morning');
    expect(saved).toMatchObject({ ok: true, value: { file: 'recordings/morning.json', events: 2 } });
    expect(JSON.parse(await fs.readFile(path.join(root, 'recordings', 'morning.json'), 'utf8'))).toMatchObject({ sseStudioRecording: 1 });
  });

  it('refuses a recordings folder that is a symlink out of the project, and writes nothing there', async () => {
    const root = path.join(parent, 'linked');
    const outside = path.join(parent, 'elsewhere');
    await fs.mkdir(root);
    await fs.mkdir(outside);
    await fs.symlink(outside, path.join(root, 'recordings'));
    const saved = await save(root, 'morning');
    expect(saved).toMatchObject({ ok: false, error: { code: 'write_failed', message: expect.stringMatching(/recordings\/ is a symbolic link/) } });
    expect(await fs.readdir(outside)).toEqual([]);
  });
});
