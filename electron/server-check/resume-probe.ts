import type { StreamLogEntry } from '../../shared/sse/replay-verdict.ts';
import type { HostAllowlist } from './host-allowlist.ts';
import { openFollowing } from './open-following.ts';
import type { OpenStreamOptions } from './open-stream.ts';
import { captureStream, type StreamCapture } from './stream-capture.ts';

/**
 * The resume probe: a second client that drops its own connection at random points, N times, and
 * reconnects with Last-Event-ID, as a browser's EventSource would. Before reconnecting it waits
 * until the undisturbed connection (the ground truth) has seen at least one new event, so that
 * something was surely missed while it was away. What it saw is a StreamLog for the replay verdict.
 */
export interface ResumeProbeResult {
  log: StreamLogEntry[];
  /** Drops done (each followed by a reconnect attempt). */
  drops: number;
  /** Statuses of the reconnects that did not open a stream (204 = told to stop). */
  refused: Array<{ status: number; detail: string }>;
  /** Why it did fewer drops than asked, if it did. */
  shortfall: string | undefined;
  /** Why the probe cut a connection or stopped logging to bound its memory, if it did. */
  limit: string | undefined;
}

export interface ResumeProbeInput {
  url: URL;
  options: OpenStreamOptions;
  allowlist: HostAllowlist;
  drops: number;
  /** The undisturbed connection. */
  truth: StreamCapture;
  deadline: number;
  /** Stop (or a new run) ends the probe: no reconnect after it. */
  signal?: AbortSignal;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const POLL_MS = 10;
const TAIL_EVENTS = 2;
/** Entries kept in the log; past it the probe stops (a server sending that many events in one run is judged on those). */
export const MAX_LOG_ENTRIES = 100_000;

export async function runResumeProbe(input: ResumeProbeInput): Promise<ResumeProbeResult> {
  const random = input.random ?? Math.random;
  const sleep = input.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const log: StreamLogEntry[] = [];
  const refused: ResumeProbeResult['refused'] = [];
  let connection = 0;
  let lastId: string | undefined;
  let drops = 0;
  let capture: StreamCapture | undefined;

  let limit: string | undefined;
  const note = (entry: StreamLogEntry) => {
    if (log.length < MAX_LOG_ENTRIES) return void log.push(entry);
    if (limit === undefined) {
      limit = `stopped after ${MAX_LOG_ENTRIES} log entries: the check keeps at most that many`;
      capture?.close();
    }
  };
  const stopped = () => input.signal?.aborted === true || limit !== undefined;
  const connect = async (lastEventId: string | undefined): Promise<StreamCapture | string> => {
    if (stopped()) return 'stopped';
    const requestedAt = Date.now();
    const headers = lastEventId === undefined ? input.options.headers : { ...input.options.headers, 'last-event-id': lastEventId };
    let opened;
    try {
      opened = await openFollowing(input.url, { ...input.options, headers }, input.allowlist);
    } catch (err) {
      return `reconnect failed: ${(err as Error).message}`;
    }
    const { answer } = opened;
    if (stopped()) {
      answer.close();
      return 'stopped';
    }
    if (answer.status !== 200) {
      refused.push({ status: answer.status, detail: `answered ${answer.status}` });
      answer.close();
      return `reconnect answered ${answer.status}`;
    }
    connection++;
    const n = connection;
    note({ kind: 'open', connection: n, at: answer.answeredAt, lastEventId, requestedAt });
    const c = captureStream(answer);
    c.onEvent((e) => {
      // An empty id resets the last event id; an id with NUL is ignored (as EventSource does).
      if (e.id !== undefined && !e.id.includes('\0')) lastId = e.id === '' ? undefined : e.id;
      note({ kind: 'event', connection: n, id: e.id, type: e.event, receivedAt: e.receivedAt });
    });
    c.onEnd(() => {
      const cut = c.limit();
      if (cut) limit ??= `connection ${n}: ${cut.reason}`;
      if (c.endedBy() !== 'client') note({ kind: 'drop', connection: n, at: c.endedAt() ?? Date.now(), cause: 'server-closed' });
    });
    return c;
  };
  const waitUntil = async (done: () => boolean): Promise<boolean> => {
    while (!done()) {
      if (Date.now() >= input.deadline || stopped()) return false;
      await sleep(POLL_MS);
    }
    return true;
  };

  const first = await connect(undefined);
  if (typeof first === 'string') return { log, drops, refused, shortfall: first, limit };
  capture = first;
  let shortfall: string | undefined;
  // Drops at random points spread over the first 70% of the run (one in each slice), each after at
  // least one event on the connection, so the history a resume needs spans the run, not its first second.
  const slice = (Math.max(0, input.deadline - Date.now()) * 0.7) / Math.max(1, input.drops);
  const start = Date.now();
  for (let i = 0; i < input.drops; i++) {
    const dropAt = start + slice * (i + random());
    const target = capture.eventCount() + 1;
    const current: StreamCapture = capture;
    if (!(await waitUntil(() => (current.eventCount() >= target && Date.now() >= dropAt) || current.endedAt() !== undefined))) {
      if (stopped()) break;
      shortfall = `only ${drops} of ${input.drops} drops fit in the run (too few events in the time: try a longer --duration)`;
      break;
    }
    if (stopped()) break;
    if (current.endedAt() === undefined) {
      current.close();
      note({ kind: 'drop', connection, at: Date.now(), cause: 'client-drop' });
    }
    drops++;
    const truthBefore = input.truth.eventCount();
    if (!(await waitUntil(() => input.truth.eventCount() > truthBefore || input.truth.endedAt() !== undefined))) {
      if (stopped()) break;
      shortfall = `drop ${drops}: no new event on the undisturbed connection before the run ended`;
    }
    const next = await connect(lastId);
    if (typeof next === 'string') {
      if (!stopped()) shortfall = `drop ${drops}: ${next}`;
      break;
    }
    capture = next;
    if (shortfall) break;
  }
  if (input.signal?.aborted && drops < input.drops) shortfall ??= `stopped after ${drops} of ${input.drops} drops`;
  // Let the last seam show its first live events.
  const last = capture;
  const tail = last.eventCount() + TAIL_EVENTS;
  await waitUntil(() => last.eventCount() >= tail || last.endedAt() !== undefined || Date.now() >= input.deadline);
  last.close();
  return { log, drops, refused, shortfall, limit };
}
