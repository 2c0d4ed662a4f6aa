import { createHostAllowlist } from '../server-check/host-allowlist.ts';
import { openFollowing } from '../server-check/open-following.ts';
import { captureStream } from '../server-check/stream-capture.ts';
import { MAX_RECORDED_EVENTS, type RecordedEvent, type Recording } from './recording-file.ts';

/**
 * Records a live SSE stream: connects once (as a browser would, to the named host only), keeps each
 * event's name, id, data and arrival time, and stops by itself after `events` events or `seconds`
 * seconds, whichever comes first (or when the server ends the stream, or on `signal`).
 */
export interface RecordOptions {
  url: string;
  headers: Record<string, string>;
  http2: boolean;
  insecure: boolean;
  events: number | undefined;
  seconds: number | undefined;
  allowHosts?: string[];
  onEvent?: (count: number) => void;
  signal?: AbortSignal;
}

export interface RecordResult {
  recording: Recording;
  /** Why it stopped. */
  stoppedBy: 'events' | 'seconds' | 'server' | 'signal';
}

const ANSWER_TIMEOUT_MS = 10_000;

export async function recordStream(options: RecordOptions): Promise<RecordResult> {
  const url = new URL(options.url);
  const opened = await openFollowing(url, { headers: options.headers, http2: options.http2, insecure: options.insecure, timeoutMs: ANSWER_TIMEOUT_MS }, createHostAllowlist(url, options.allowHosts ?? []));
  const { answer } = opened;
  const type = answer.headers['content-type'] ?? '';
  if (answer.status !== 200 || !/^\s*text\/event-stream\s*(;|$)/i.test(type)) {
    answer.close();
    throw new Error(`${url.href} answered ${answer.status}${type ? ` (${type})` : ''}, not an event stream: nothing to record.`);
  }
  const capture = captureStream(answer);
  const limit = Math.min(options.events ?? MAX_RECORDED_EVENTS, MAX_RECORDED_EVENTS);
  const recordedAt = new Date().toISOString();
  const events: RecordedEvent[] = [];
  let first: number | undefined;
  const stoppedBy = await new Promise<RecordResult['stoppedBy']>((resolve) => {
    const timer = options.seconds === undefined ? undefined : setTimeout(() => resolve('seconds'), options.seconds * 1000);
    const finish = (why: RecordResult['stoppedBy']) => {
      clearTimeout(timer);
      resolve(why);
    };
    options.signal?.addEventListener('abort', () => finish('signal'), { once: true });
    capture.onEnd(() => finish('server'));
    capture.onEvent((e) => {
      if (events.length >= limit) return;
      first ??= e.receivedAt;
      events.push({ atMs: e.receivedAt - first, ...(e.event !== undefined ? { event: e.event } : {}), ...(e.id !== undefined ? { id: e.id } : {}), data: e.data });
      options.onEvent?.(events.length);
      if (events.length >= limit) finish('events');
    });
  });
  capture.close();
  return { recording: { sseStudioRecording: 1, source: url.href, recordedAt, events }, stoppedBy };
}
