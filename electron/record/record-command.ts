import { promises as fs } from 'node:fs';
import path from 'node:path';
import { replaceFileAtomic, writeNewFileAtomic } from '../project/atomic-write.ts';
import { optionsOrExit } from '../cli/command-args.ts';
import { parseRecordArgs, RECORD_USAGE } from './record-args.ts';
import { recordStream } from './record-stream.ts';
import { suggestMessages, suggestionYaml } from './message-suggestion.ts';
import { recordingText } from './recording-file.ts';

/** `sse-studio record <url> --events N | --seconds S --out FILE`: exit 0 recorded, 1 failed, 2 usage. */
export async function runRecord(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const o = optionsOrExit(parseRecordArgs(argv), 'record', RECORD_USAGE, out, err);
  if (typeof o === 'number') return o;
  const target = path.resolve(o.out);
  if (!o.force && (await exists(target))) {
    err(`sse-studio record: ${target} exists: pick another --out or add --force to replace it.`);
    return 1;
  }
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const limits = [o.events !== undefined ? `${o.events} events` : '', o.seconds !== undefined ? `${o.seconds} s` : ''].filter(Boolean).join(' or ');
    out(`recording ${o.url} until ${limits} (Ctrl+C stops early and keeps what came)`);
    const { recording, stoppedBy } = await recordStream({ ...o, signal: abort.signal });
    if (recording.events.length === 0) {
      err(`sse-studio record: no event came from ${o.url} (${stoppedBy === 'server' ? 'the server ended the stream' : 'stopped'}): nothing written.`);
      return 1;
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    await (o.force ? replaceFileAtomic(target, recordingText(recording)) : writeNewFileAtomic(target, recordingText(recording)));
    const events = recording.events;
    const names = [...new Set(events.map((e) => e.event ?? 'message'))];
    const span = ((events[events.length - 1]?.atMs ?? 0) / 1000).toFixed(1);
    out(`recorded ${events.length} events (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}) over ${span} s to ${target}`);
    out(`play it from the mock: on the topic's channel, beside the document, set`);
    out(`  x-mock: { scenario: recorded, file: ${path.basename(target)}, timing: original }`);
    const suggestions = suggestMessages(events);
    if (suggestions.length) {
      out(`and, if you like, these messages for the channel: examples and a payload schema inferred from the ${suggestions.reduce((n, s) => n + s.samples, 0)} JSON events`);
      for (const line of suggestionYaml(suggestions).trimEnd().split('\n')) out(`  ${line}`);
    }
    return 0;
  } catch (error) {
    err(`sse-studio record: ${(error as Error).message}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}
