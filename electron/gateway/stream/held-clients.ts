import type { HistoryEntry } from './replay-history.ts';
import type { Subscriber } from './subscriber.ts';
import { wholeId } from './id-continuity.ts';

/**
 * Shared mode: a client that reconnects with a Last-Event-ID the stream has not reached yet — it
 * joined while the upstream was connecting with another client's older id, or its numeric id is
 * ahead of the stream — must not be sent the events up to its id again, nor told of a gap. Its
 * response opens at once; it waits (at most HOLD_MS) until the history holds its id, then gets the
 * events after it and goes live. If the stream passes its (numeric) id without it, or the wait ends,
 * it gets what arrived meanwhile — numeric ids at or below its own left out — after a gap notice.
 */
export const HOLD_MS = 5000;

export interface HeldClient {
  sub: Subscriber;
  lastEventId: string;
  /** History sequence number of the first event that arrived while it waited. */
  fromSeq: number;
  until: number;
}

export type HoldOutcome =
  | { kind: 'wait' }
  | { kind: 'found' }
  /** The stream passed the id without it, or the wait ended: these entries, after a gap notice. */
  | { kind: 'release'; entries: HistoryEntry[]; gap: boolean };

/** -1 / 0 / 1 when both ids are plain integers (a behind b / equal / ahead), else undefined. */
export function compareNumericIds(a: string | undefined, b: string | undefined): number | undefined {
  const x = wholeId(a);
  const y = wholeId(b);
  return x === undefined || y === undefined ? undefined : Math.sign(x - y);
}

/**
 * What to do with a held client now. `has`: whether the history holds its id; `since`: the events
 * that arrived while it waited (asked for only on release); `lastId`: the stream's newest id.
 */
export function holdOutcome(held: HeldClient, has: boolean, since: () => HistoryEntry[], lastId: string | undefined, now: number): HoldOutcome {
  if (has) return { kind: 'found' };
  const passed = compareNumericIds(lastId, held.lastEventId) === 1;
  if (!passed && now < held.until) return { kind: 'wait' };
  const entries = since().filter((e) => compareNumericIds(e.id, held.lastEventId) !== -1 && e.id !== held.lastEventId);
  // The next event follows the client's id: nothing is missing, only the wait is over.
  const first = wholeId(entries[0]?.id);
  const own = wholeId(held.lastEventId);
  const follows = first !== undefined && own !== undefined && first === own + 1;
  return { kind: 'release', entries, gap: !follows };
}
