import { DEFAULT_MAX_STREAMS, DEFAULT_OUTAGE_SECONDS, DEFAULT_RUNTIME, DEFAULT_STREAM_HISTORY_BYTES } from '../../../shared/model/runtime.ts';
import { formatBytes } from '../metrics/format-metric.ts';

/**
 * What an empty field means, said at the field: the gateway's default for that setting (read from
 * the shared defaults, so the text cannot drift from what the gateway does).
 */
const count = (n: number) => n.toLocaleString('en-US');

export const DEFAULT_SHOWN = {
  'replay.maxEvents': `${count(DEFAULT_RUNTIME.replay.maxEvents)} events`,
  'replay.maxBytes': formatBytes(DEFAULT_STREAM_HISTORY_BYTES),
  'replay.maxAgeSeconds': `${count(DEFAULT_RUNTIME.replay.maxAgeSeconds)} s`,
  lingerSeconds: `${DEFAULT_RUNTIME.lingerSeconds} s`,
  heartbeatSeconds: `${DEFAULT_RUNTIME.heartbeatSeconds} s`,
  outageSeconds: `${DEFAULT_OUTAGE_SECONDS} s`,
  maxStreams: `${count(DEFAULT_MAX_STREAMS)} streams`,
  maxEventBytes: formatBytes(DEFAULT_RUNTIME.maxEventBytes),
  subscriberQueueEvents: `${count(DEFAULT_RUNTIME.subscriberQueueEvents)} events`,
} as const;

/** "What it does. Empty = default: 60 s" */
export function defaultHint(field: keyof typeof DEFAULT_SHOWN, what: string): string {
  return `${what}. Empty = default: ${DEFAULT_SHOWN[field]}`;
}
