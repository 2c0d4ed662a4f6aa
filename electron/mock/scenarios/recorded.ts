import { closeSync, fstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { MockConfig } from '../../../shared/model/mock.ts';
import { parseRecording, type RecordedEvent } from '../../record/recording-file.ts';
import type { Scenario } from '../scenario.ts';

/**
 * `x-mock: { scenario: recorded, file: ..., timing: original | rate }`: plays a stream saved by
 * `sse-studio record`, over and over, with the recorded names and data. `original` keeps the
 * recorded gaps between events (a loop restarts after the recording's average gap); `rate` plays
 * at `rate` events/s, else at the recording's average rate. The mock assigns ids as for any stream.
 * A file that cannot be read makes every event fail with the reason (shown in the mock's status).
 */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function recordedScenario(config: Pick<MockConfig, 'file' | 'timing' | 'rate'>): Scenario {
  const loaded = loadRecording(config.file);
  if (typeof loaded === 'string') {
    return {
      rate: 1,
      next: () => {
        throw new Error(loaded);
      },
    };
  }
  const events = loaded;
  const span = (events[events.length - 1] as RecordedEvent).atMs - (events[0] as RecordedEvent).atMs;
  const averageGap = events.length > 1 ? span / (events.length - 1) : 1000;
  const rate = Math.min(1000, Math.max(0.1, 1000 / Math.max(1, averageGap)));
  const at = (seq: number) => events[(seq - 1) % events.length] as RecordedEvent;
  const scenario: Scenario = {
    rate,
    next(seq) {
      const e = at(seq);
      return e.event === undefined ? { data: e.data } : { event: e.event, data: e.data };
    },
  };
  if (config.timing === 'rate') return config.rate !== undefined ? { ...scenario, rate: config.rate } : scenario;
  return {
    ...scenario,
    delayMs(seq) {
      const index = (seq - 1) % events.length;
      if (index === 0) return seq === 1 ? 0 : Math.max(1, averageGap);
      return (events[index] as RecordedEvent).atMs - (events[index - 1] as RecordedEvent).atMs;
    },
  };
}

function loadRecording(file: string | undefined): RecordedEvent[] | string {
  if (!file) return 'scenario "recorded" needs file: the recording to play.';
  try {
    // The real file must be a regular one within the size limit (a device such as /dev/zero reports
    // size 0 and never ends), checked before opening it and again on the opened file.
    const real = realpathSync(file);
    const stat = statSync(real);
    if (!stat.isFile()) return `The recording ${file} is not a regular file.`;
    if (stat.size > MAX_FILE_BYTES) return `The recording ${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB.`;
    const fd = openSync(real, 'r');
    let text: string;
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile() || opened.size > MAX_FILE_BYTES) return `The recording ${file} is not a regular file of at most ${MAX_FILE_BYTES / 1024 / 1024} MiB.`;
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    const parsed = parseRecording(text);
    return parsed.ok ? parsed.value.events : `The recording ${file} cannot be played: ${parsed.message}.`;
  } catch (err) {
    return `The recording ${file} cannot be read: ${(err as Error).message}`;
  }
}
