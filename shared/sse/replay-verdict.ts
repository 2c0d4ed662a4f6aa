/**
 * The replay verdict: after a subscriber was dropped on purpose (or by accident), which event ids
 * were missed while it was away, which came back by replay, and whether any event was lost,
 * duplicated or delivered out of order. Green only when none was.
 *
 * Input is what a client saw (a `StreamLog`: connections opened with the Last-Event-ID they sent,
 * events with their ids, drops), plus — when known — the source's truth: the ids it produced in
 * order, or the promise that its ids are consecutive integers. Without truth, a client can tell
 * duplicates (and the order of repeated ids) but not a lost event: a gap in ids may be the
 * source's numbering. The verdict says what it could and could not check.
 *
 * SSE rules this follows (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * an event without `id` keeps the last event id (it cannot be checked here); an empty `id:` resets
 * the last event id, so the client reconnects without Last-Event-ID: ids are compared afresh after
 * it (a new "epoch"). A numeric id going back to 0/1 (or below where the epoch started) is read as
 * the source restarting its numbering — also a new epoch — rather than as a pile of duplicates.
 *
 * Pure: no clocks, no I/O. Times in the log are epoch milliseconds and are only compared.
 */

// ---- input ----------------------------------------------------------------------------------

export type DropCause = 'client-drop' | 'server-closed' | 'network-error';

export type StreamLogEntry =
  /**
   * A connection opened (200 + text/event-stream); `lastEventId` is the Last-Event-ID it sent,
   * `requestedAt` when the request went out (events sent before it were surely missed).
   */
  | { kind: 'open'; connection: number; at: number; lastEventId?: string | undefined; requestedAt?: number | undefined }
  /** An event; `id` undefined when it had no id field, '' for an empty `id:` (a reset). */
  | { kind: 'event'; connection: number; id?: string | undefined; type?: string | undefined; receivedAt: number; sentAt?: number | undefined }
  /** An open connection ended. */
  | { kind: 'drop'; connection: number; at: number; cause: DropCause; detail?: string | undefined }
  /** The source (backend) dropped while the client may have stayed connected (the gateway resumed it). */
  | { kind: 'source-drop'; at: number; detail: string };

export type StreamLog = readonly StreamLogEntry[];

/** What the source produced: its ids in order, or the promise that ids count up by one. */
export type SourceTruth =
  /** Numeric ids counting up by `step` (default 1): 1, 2, 3 ... or, one symbol of a shared counter, 1, 5, 9 ... */
  | { kind: 'consecutive'; step?: number }
  | { kind: 'ids'; ids: readonly string[] };

export interface VerdictOptions {
  truth?: SourceTruth | undefined;
  /**
   * Events right after a reconnect that arrive back to back (each within this many ms of the one
   * before, the first within it of the open) count as the replay, unless they carry a send time
   * (then: sent before the reconnect's request went out). Default 3 ms: a gateway or backend writes
   * its replay in one go, right after the headers, while a live event after a reconnect comes when
   * the source makes it. A guess: a live event that happens to come within it counts as replayed.
   * Only "replayed" (and "missed") depend on it; lost, duplicated and out of order do not.
   */
  replayBurstMs?: number;
  /** Longest id list kept in the verdict (counts stay exact). Default 1000. */
  maxListed?: number;
  /** Log entries forgotten before this log (bounded recorders), for the notes. */
  forgottenEntries?: number;
}

// ---- output ---------------------------------------------------------------------------------

/** How ids could be judged: by the source's list, as consecutive numbers, as numbers, as opaque strings, or not at all. */
export type IdScheme = 'truth' | 'consecutive' | 'numeric' | 'opaque' | 'none';

export interface DropWindow {
  /** 1-based, in log order. */
  index: number;
  /** `reconnect`: the client's connection ended and reopened; `source`: the backend dropped behind the gateway. */
  kind: 'reconnect' | 'source';
  cause: DropCause | 'source-drop';
  detail: string | undefined;
  droppedAt: number;
  /** When the new connection opened (reconnect) or the first event after the source drop came; undefined if never. */
  resumedAt: number | undefined;
  /** Events received before the drop. */
  eventsBefore: number;
  /** The last id received before the drop. */
  lastIdBefore: string | undefined;
  /** The Last-Event-ID the reconnect sent (null: sent none). Undefined for source drops. */
  lastEventIdSent: string | null | undefined;
  /** Ids the source produced while the client was away (null: cannot tell without truth). */
  missed: string[] | null;
  missedCount: number | null;
  /** Ids that came back by replay: new ids after the reconnect, before the first live event. */
  replayed: string[];
  replayedCount: number;
  /** The first live event after the seam (its id). */
  firstLiveId: string | undefined;
  lost: string[];
  lostCount: number;
  duplicated: string[];
  outOfOrder: string[];
  /** Ids where numbering restarted at this seam. */
  resets: string[];
}

export interface IdReset {
  how: 'empty-id' | 'numbering-restarted';
  at: number;
  /** The highest id before the reset. */
  fromId: string | undefined;
  /** The id that restarted the numbering ('' for an empty `id:`). */
  toId: string;
}

export interface ReplayVerdict {
  status: 'green' | 'red';
  /** One line in words. */
  summary: string;
  /** Why it is red, in words (empty when green). */
  reasons: string[];
  /** What could not be checked, and why. */
  notes: string[];
  scheme: IdScheme;
  checked: { lost: boolean; duplicates: boolean; order: boolean };
  counts: {
    events: number;
    withoutId: number;
    connections: number;
    drops: number;
    missed: number | null;
    replayed: number;
    lost: number;
    duplicated: number;
    outOfOrder: number;
    unexpected: number;
    resets: number;
  };
  windows: DropWindow[];
  /** Anomalies not at a drop's seam: while the client was connected. */
  whileConnected: { lost: string[]; lostCount: number; duplicated: string[]; outOfOrder: string[] };
  lost: string[];
  duplicated: string[];
  outOfOrder: string[];
  /** Ids the source (truth) never produced. */
  unexpected: string[];
  resets: IdReset[];
}

// ---- computation ----------------------------------------------------------------------------

const DEFAULT_BURST_MS = 3;
const DEFAULT_MAX_LISTED = 1000;
const NUMERIC_ID = /^\d{1,15}$/;

type EventEntry = Extract<StreamLogEntry, { kind: 'event' }>;

/** A drop window's place in the log: anomalies between `start` and `end` belong to it. */
interface Seam {
  window: DropWindow;
  start: number;
  end: number;
  /** Log positions of the replayed events. */
  replay: Set<number>;
  firstLive: number | undefined;
}

interface Gap {
  epoch: Epoch;
  from: number;
  to: number;
  pos: number;
}

interface Epoch {
  firstRank: number | undefined;
  maxRank: number | undefined;
  /** id -> log position of its first arrival (-1: the Last-Event-ID the client started from). */
  seen: Map<string, number>;
  ranks: number[];
  nextOpaqueRank: number;
}

export function computeReplayVerdict(log: StreamLog, options: VerdictOptions = {}): ReplayVerdict {
  const maxListed = options.maxListed ?? DEFAULT_MAX_LISTED;
  const events = log.filter((e): e is EventEntry => e.kind === 'event');
  const { scheme, truthIndex, truthIds, schemeNote } = chooseScheme(events, options.truth);
  const gapsCount = scheme === 'consecutive' || scheme === 'truth';
  const seams = findSeams(log, options.replayBurstMs ?? DEFAULT_BURST_MS);
  // Numeric ids map to ranks 0, 1, 2 ... along the source's step (off-step ids have no rank).
  const step = scheme === 'consecutive' && options.truth?.kind === 'consecutive' ? Math.max(1, Math.floor(options.truth.step ?? 1)) : 1;
  const firstNumeric = events.find((e) => e.id !== undefined && NUMERIC_ID.test(e.id))?.id;
  const offset = firstNumeric === undefined ? 0 : Number(firstNumeric) % step;
  const numericRank = (n: number): number | undefined => ((n - offset) % step === 0 ? (n - offset) / step : undefined);
  const idOfRank = (rank: number): string => (scheme === 'truth' ? (truthIds[rank] as string) : String(rank * step + offset));

  const newEpoch = (): Epoch => ({ firstRank: undefined, maxRank: undefined, seen: new Map(), ranks: [], nextOpaqueRank: 0 });
  let epoch = newEpoch();
  const epochAt = new Map<number, { epoch: Epoch; maxRank: number | undefined }>();
  const rankAt = new Map<number, { epoch: Epoch; rank: number }>();
  const gaps: Gap[] = [];
  const duplicated: Array<{ id: string; pos: number }> = [];
  const outOfOrder: Array<{ id: string; pos: number }> = [];
  const unexpected: string[] = [];
  const resets: IdReset[] = [];
  let withoutId = 0;
  let connections = 0;
  let lastId: string | undefined;
  let eventsSoFar = 0;
  let previousWasDuplicate: string | undefined;
  const seamByStart = new Map(seams.map((s) => [s.start, s]));

  const rankOf = (id: string): number | undefined => {
    if (scheme === 'truth') return truthIndex.get(id);
    if (scheme === 'consecutive' || scheme === 'numeric') return numericRank(Number(id));
    return epoch.nextOpaqueRank++;
  };

  log.forEach((entry, pos) => {
    const seam = seamByStart.get(pos);
    if (seam) {
      seam.window.eventsBefore = eventsSoFar;
      seam.window.lastIdBefore = lastId;
      epochAt.set(pos, { epoch, maxRank: epoch.maxRank });
    }
    if (entry.kind === 'open') {
      connections++;
      // The id a client resumes from counts as had: the source should start after it.
      const from = entry.lastEventId;
      if (from && connections === 1 && scheme !== 'opaque' && scheme !== 'none') {
        const rank = scheme === 'truth' ? truthIndex.get(from) : NUMERIC_ID.test(from) ? numericRank(Number(from)) : undefined;
        if (rank !== undefined) {
          epoch.seen.set(from, -1);
          epoch.maxRank = rank;
        }
      } else if (from && connections === 1) {
        epoch.seen.set(from, -1);
      }
      return;
    }
    if (entry.kind !== 'event') return;
    eventsSoFar++;
    const id = entry.id;
    if (id === undefined) {
      withoutId++;
      return;
    }
    if (id === '') {
      resets.push({ how: 'empty-id', at: entry.receivedAt, fromId: lastId, toId: '' });
      epoch = newEpoch();
      lastId = undefined;
      previousWasDuplicate = undefined;
      return;
    }
    const numeric = scheme === 'consecutive' || scheme === 'numeric';
    if (numeric && epoch.maxRank !== undefined) {
      const n = Number(id);
      const rank = numericRank(n);
      // Back by more than one step, to 0/1 or below where this epoch began: a restart, not a swap.
      if (rank !== undefined && rank < epoch.maxRank - 1 && (n <= 1 || (epoch.firstRank !== undefined && rank < epoch.firstRank))) {
        resets.push({ how: 'numbering-restarted', at: entry.receivedAt, fromId: idOfRank(epoch.maxRank), toId: id });
        epoch = newEpoch();
      }
    }
    lastId = id;
    const firstPos = epoch.seen.get(id);
    if (firstPos !== undefined) {
      duplicated.push({ id, pos });
      // Ids sent again must come back in the order they first came (checkable without truth).
      const previousFirst = previousWasDuplicate === undefined ? undefined : epoch.seen.get(previousWasDuplicate);
      if (previousFirst !== undefined && firstPos < previousFirst) outOfOrder.push({ id, pos });
      previousWasDuplicate = id;
      return;
    }
    previousWasDuplicate = undefined;
    const rank = rankOf(id);
    epoch.seen.set(id, pos);
    if (rank === undefined) {
      unexpected.push(id);
      return;
    }
    rankAt.set(pos, { epoch, rank });
    epoch.ranks.push(rank);
    if (epoch.maxRank === undefined) {
      epoch.firstRank = rank;
      epoch.maxRank = rank;
      return;
    }
    epoch.firstRank ??= rank;
    if (rank > epoch.maxRank) {
      if (gapsCount && rank > epoch.maxRank + 1) gaps.push({ epoch, from: epoch.maxRank + 1, to: rank - 1, pos });
      epoch.maxRank = rank;
    } else {
      outOfOrder.push({ id, pos });
    }
  });

  // Lost = in a gap and never received later (a late arrival was out of order, not lost).
  const sorted = new Map<Epoch, number[]>();
  const receivedIn = (e: Epoch, from: number, to: number): number[] => {
    let ranks = sorted.get(e);
    if (!ranks) sorted.set(e, (ranks = [...e.ranks].sort((a, b) => a - b)));
    return ranks.slice(lowerBound(ranks, from), lowerBound(ranks, to + 1));
  };
  const lostAt: Array<{ pos: number; ids: string[]; count: number }> = [];
  for (const gap of gaps) {
    const late = new Set(receivedIn(gap.epoch, gap.from, gap.to));
    const count = gap.to - gap.from + 1 - late.size;
    if (count <= 0) continue;
    const ids: string[] = [];
    for (let r = gap.from; r <= gap.to && ids.length < maxListed; r++) if (!late.has(r)) ids.push(idOfRank(r));
    lostAt.push({ pos: gap.pos, ids, count });
  }

  // Attribute each anomaly to the seam it happened at, or to "while connected".
  const seamOf = (pos: number) => seams.find((s) => pos >= s.start && pos <= s.end);
  const whileConnected = { lost: [] as string[], lostCount: 0, duplicated: [] as string[], outOfOrder: [] as string[] };
  for (const l of lostAt) {
    const seam = seamOf(l.pos);
    const target = seam ? seam.window : whileConnected;
    pushCapped(target.lost, l.ids, maxListed);
    target.lostCount += l.count;
  }
  for (const d of duplicated) pushUnique(seamOf(d.pos)?.window.duplicated ?? whileConnected.duplicated, d.id, maxListed);
  for (const o of outOfOrder) pushUnique(seamOf(o.pos)?.window.outOfOrder ?? whileConnected.outOfOrder, o.id, maxListed);

  // Per seam: what was missed (with truth) and what came back by replay.
  for (const seam of seams) {
    const w = seam.window;
    for (const pos of seam.replay) {
      const entry = log[pos] as EventEntry;
      if (entry.id && rankAt.has(pos)) {
        w.replayedCount++;
        if (w.replayed.length < maxListed) w.replayed.push(entry.id);
      }
    }
    const live = seam.firstLive === undefined ? undefined : (log[seam.firstLive] as EventEntry);
    w.firstLiveId = live?.id;
    for (const r of resets) if (r.at >= w.droppedAt && (live === undefined || r.at <= live.receivedAt) && w.resumedAt !== undefined) w.resets.push(r.toId);
    if (!gapsCount) continue;
    const before = epochAt.get(seam.start);
    const liveRank = seam.firstLive === undefined ? undefined : rankAt.get(seam.firstLive);
    if (!before || before.maxRank === undefined || w.resets.length) {
      w.missed = null;
      w.missedCount = null;
      continue;
    }
    // Up to the first live event; with none (the stream ended in the replay), up to the last replayed.
    let to: number | undefined;
    if (liveRank && liveRank.epoch === before.epoch) to = liveRank.rank - 1;
    else if (!liveRank) for (const pos of seam.replay) {
      const r = rankAt.get(pos);
      if (r && r.epoch === before.epoch) to = Math.max(to ?? r.rank, r.rank);
    }
    const from = before.maxRank + 1;
    w.missed = [];
    w.missedCount = to === undefined || to < from ? 0 : to - from + 1;
    for (let r = from; to !== undefined && r <= to && w.missed.length < maxListed; r++) w.missed.push(idOfRank(r));
  }

  const windows = seams.map((s) => s.window);
  const lostCount = lostAt.reduce((sum, l) => sum + l.count, 0);
  const lost: string[] = [];
  for (const l of lostAt) pushCapped(lost, l.ids, maxListed);
  const checked = { lost: gapsCount, duplicates: scheme !== 'none', order: scheme !== 'none' && scheme !== 'opaque' };
  const counts: ReplayVerdict['counts'] = {
    events: events.length,
    withoutId,
    connections,
    drops: windows.length,
    missed: gapsCount ? windows.reduce((sum, w) => sum + (w.missedCount ?? 0), 0) : null,
    replayed: windows.reduce((sum, w) => sum + w.replayedCount, 0),
    lost: lostCount,
    duplicated: duplicated.length,
    outOfOrder: outOfOrder.length,
    unexpected: unexpected.length,
    resets: resets.length,
  };
  const verdict: ReplayVerdict = {
    status: lostCount || duplicated.length || outOfOrder.length || unexpected.length ? 'red' : 'green',
    summary: '',
    reasons: [],
    notes: [],
    scheme,
    checked,
    counts,
    windows,
    whileConnected,
    lost,
    duplicated: unique(duplicated.map((d) => d.id), maxListed),
    outOfOrder: unique(outOfOrder.map((o) => o.id), maxListed),
    unexpected: unique(unexpected, maxListed),
    resets,
  };
  verdict.reasons = reasonsFor(verdict);
  verdict.notes = notesFor(verdict, schemeNote, options.forgottenEntries ?? 0, maxListed);
  verdict.summary = summaryOf(verdict);
  return verdict;
}

// ---- scheme ---------------------------------------------------------------------------------

function chooseScheme(events: EventEntry[], truth: SourceTruth | undefined): { scheme: IdScheme; truthIndex: Map<string, number>; truthIds: readonly string[]; schemeNote: string | undefined } {
  const ids = events.map((e) => e.id).filter((id): id is string => id !== undefined && id !== '');
  const none = { truthIndex: new Map<string, number>(), truthIds: [] as string[] };
  if (truth?.kind === 'ids') {
    const truthIndex = new Map<string, number>();
    truth.ids.forEach((id, i) => {
      if (!truthIndex.has(id)) truthIndex.set(id, i);
    });
    return { scheme: 'truth', truthIndex, truthIds: truth.ids, schemeNote: undefined };
  }
  if (ids.length === 0) return { scheme: 'none', ...none, schemeNote: undefined };
  const numeric = ids.every((id) => NUMERIC_ID.test(id));
  if (truth?.kind === 'consecutive') {
    if (numeric) return { scheme: 'consecutive', ...none, schemeNote: undefined };
    return { scheme: 'opaque', ...none, schemeNote: 'The source was said to count ids up by one, but some ids are not numbers: they are compared as plain strings.' };
  }
  return { scheme: numeric ? 'numeric' : 'opaque', ...none, schemeNote: undefined };
}

// ---- seams ----------------------------------------------------------------------------------

/**
 * Finds the drop windows and their seams. The replay is the run of events right after a reconnect
 * that were sent before it opened (by their own send time) or, without one, that arrived in one
 * burst; the first event after that run is the first live one.
 */
function findSeams(log: StreamLog, burstMs: number): Seam[] {
  const seams: Seam[] = [];
  let pendingDrop: { pos: number; entry: Extract<StreamLogEntry, { kind: 'drop' }> } | undefined;
  let opened = 0;
  const window = (kind: DropWindow['kind'], cause: DropWindow['cause'], detail: string | undefined, droppedAt: number): DropWindow => ({
    index: 0,
    kind,
    cause,
    detail,
    droppedAt,
    resumedAt: undefined,
    eventsBefore: 0,
    lastIdBefore: undefined,
    lastEventIdSent: undefined,
    missed: null,
    missedCount: null,
    replayed: [],
    replayedCount: 0,
    firstLiveId: undefined,
    lost: [],
    lostCount: 0,
    duplicated: [],
    outOfOrder: [],
    resets: [],
  });

  log.forEach((entry, pos) => {
    if (entry.kind === 'drop') {
      pendingDrop = { pos, entry };
    } else if (entry.kind === 'open') {
      opened++;
      if (opened === 1 && !pendingDrop) return;
      const start = pendingDrop?.pos ?? pos;
      const w = window('reconnect', pendingDrop?.entry.cause ?? 'network-error', pendingDrop?.entry.detail, pendingDrop?.entry.at ?? entry.at);
      w.resumedAt = entry.at;
      w.lastEventIdSent = entry.lastEventId ? entry.lastEventId : null;
      pendingDrop = undefined;
      seams.push(scanSeam(log, w, start, pos, { openedAt: entry.at, requestedAt: entry.requestedAt ?? entry.at }, burstMs, entry.connection));
    } else if (entry.kind === 'source-drop') {
      const w = window('source', 'source-drop', entry.detail, entry.at);
      seams.push(scanSourceSeam(log, w, pos, burstMs));
    }
  });
  if (pendingDrop) {
    // Dropped and never reopened (the log ended while waiting): a window without a seam.
    const w = window('reconnect', pendingDrop.entry.cause, pendingDrop.entry.detail, pendingDrop.entry.at);
    seams.push({ window: w, start: pendingDrop.pos, end: pendingDrop.pos, replay: new Set(), firstLive: undefined });
  }
  seams.sort((a, b) => a.start - b.start);
  seams.forEach((s, i) => (s.window.index = i + 1));
  return seams;
}

function scanSeam(log: StreamLog, w: DropWindow, start: number, from: number, times: { openedAt: number; requestedAt: number }, burstMs: number, connection: number): Seam {
  const replay = new Set<number>();
  let previous = times.openedAt;
  let end = from;
  let firstLive: number | undefined;
  for (let i = from + 1; i < log.length; i++) {
    const e = log[i] as StreamLogEntry;
    if (e.kind === 'open' || e.kind === 'drop') break;
    if (e.kind !== 'event' || e.connection !== connection) continue;
    end = i;
    const sentBefore = e.sentAt === undefined ? undefined : e.sentAt < times.requestedAt;
    if (sentBefore ?? e.receivedAt - previous <= burstMs) {
      replay.add(i);
      previous = e.receivedAt;
      continue;
    }
    firstLive = i;
    break;
  }
  return { window: w, start, end, replay, firstLive };
}

/**
 * Behind a gateway the client sees no reconnect when the backend drops: the first event after the
 * drop is where the stream resumed (nothing is "replayed" to the client), and a backend that resends
 * what it had sends it in one burst, which is the seam.
 */
function scanSourceSeam(log: StreamLog, w: DropWindow, start: number, burstMs: number): Seam {
  let firstLive: number | undefined;
  let end = start;
  let previous: number | undefined;
  for (let i = start + 1; i < log.length; i++) {
    const e = log[i] as StreamLogEntry;
    if (e.kind !== 'event') continue;
    if (previous !== undefined && e.receivedAt - previous > burstMs) break;
    if (firstLive === undefined) {
      firstLive = i;
      w.resumedAt = e.receivedAt;
    }
    end = i;
    previous = e.receivedAt;
  }
  return { window: w, start, end, replay: new Set(), firstLive };
}

// ---- words ----------------------------------------------------------------------------------

function reasonsFor(v: ReplayVerdict): string[] {
  const reasons: string[] = [];
  for (const w of v.windows) {
    const where = `drop ${w.index} (${causeWords(w)})`;
    if (w.lostCount) reasons.push(`${where}: ${plural(w.lostCount, 'event')} lost, never received: ${formatIds(w.lost, w.lostCount)}`);
    if (w.duplicated.length) reasons.push(`${where}: received twice across the seam: ${formatIds(w.duplicated)}`);
    if (w.outOfOrder.length) reasons.push(`${where}: out of order at the seam: ${formatIds(w.outOfOrder)}`);
  }
  const c = v.whileConnected;
  if (c.lostCount) reasons.push(`${plural(c.lostCount, 'event')} lost while connected (a gap in the ids, no drop seen by the client): ${formatIds(c.lost, c.lostCount)}`);
  if (c.duplicated.length) reasons.push(`received twice while connected: ${formatIds(c.duplicated)}`);
  if (c.outOfOrder.length) reasons.push(`out of order while connected: ${formatIds(c.outOfOrder)}`);
  if (v.unexpected.length) reasons.push(`${plural(v.counts.unexpected, 'event')} with ids the source never produced: ${formatIds(v.unexpected, v.counts.unexpected)}`);
  return reasons;
}

function notesFor(v: ReplayVerdict, schemeNote: string | undefined, forgotten: number, maxListed: number): string[] {
  const notes: string[] = [];
  if (schemeNote) notes.push(schemeNote);
  if (v.scheme === 'numeric') notes.push('No source truth: ids are numbers, so duplicates and order are checked, but a gap is not counted as lost (the source may skip numbers).');
  if (v.scheme === 'opaque') notes.push('Ids are not numbers and no source truth was given: only duplicates (and the order in which repeated ids come back) can be checked; lost events and order cannot.');
  if (v.scheme === 'none' && v.counts.events) notes.push('No event carried an id: nothing can be checked, and a reconnecting client cannot resume (it has no Last-Event-ID to send).');
  if (v.scheme !== 'none' && v.counts.withoutId) notes.push(`${plural(v.counts.withoutId, 'event')} had no id: not checked (after one, a reconnect resumes from the last id before it).`);
  for (const r of v.resets) {
    notes.push(r.how === 'empty-id'
      ? `An empty \`id:\` reset the last event id${r.fromId ? ` after ${r.fromId}` : ''}: a reconnect then sends no Last-Event-ID, and ids are compared afresh.`
      : `Ids restarted at ${r.toId} after ${r.fromId} (the source restarted its numbering): ids are compared afresh from there.`);
  }
  for (const w of v.windows) if (w.resumedAt === undefined && w.kind === 'reconnect') notes.push(`Drop ${w.index} had not reconnected when the log ended.`);
  if (forgotten) notes.push(`The first ${forgotten} log entries were forgotten (bounded log): duplicates of their ids are not seen.`);
  const capped = [v.lost, v.duplicated, v.outOfOrder].some((list) => list.length >= maxListed);
  if (capped) notes.push(`Id lists are cut at ${maxListed}; the counts are exact.`);
  return notes;
}

function summaryOf(v: ReplayVerdict): string {
  const c = v.counts;
  const parts = [plural(c.events, 'event'), plural(c.drops, 'drop'), `${c.replayed} replayed`];
  if (v.status === 'green') {
    const checkedWhat = v.checked.lost
      ? 'nothing lost, duplicated or out of order'
      : v.checked.order
        ? 'no duplicates or reordering (lost events not checkable)'
        : v.checked.duplicates
          ? 'no duplicates (lost events and order not checkable)'
          : 'nothing checkable (no ids)';
    return `green: ${parts.join(', ')}; ${checkedWhat}`;
  }
  const bad = [c.lost && `${c.lost} lost`, c.duplicated && `${c.duplicated} duplicated`, c.outOfOrder && `${c.outOfOrder} out of order`, c.unexpected && `${c.unexpected} unexpected`].filter(Boolean);
  return `red: ${bad.join(', ')} (${parts.join(', ')})`;
}

function causeWords(w: DropWindow): string {
  switch (w.cause) {
    case 'client-drop':
      return 'client drop';
    case 'server-closed':
      return 'server closed the stream';
    case 'network-error':
      return 'connection lost';
    case 'source-drop':
      return w.detail ?? 'backend drop';
  }
}

/**
 * `58-70, 75, 80, 81` for numeric runs, `17-113 by 4` for runs with a constant step, ids as they
 * are otherwise; `... (N in all)` when cut.
 */
export function formatIds(ids: readonly string[], total = ids.length, max = 12): string {
  const parts: string[] = [];
  let i = 0;
  while (i < ids.length && parts.length < max) {
    const start = ids[i] as string;
    let j = i;
    if (NUMERIC_ID.test(start) && i + 1 < ids.length && NUMERIC_ID.test(ids[i + 1] as string)) {
      const step = Number(ids[i + 1]) - Number(start);
      if (step > 0) while (j + 1 < ids.length && ids[j + 1] === String(Number(ids[j]) + step)) j++;
      const run = j - i + 1;
      if (run >= 3) {
        parts.push(`${start}-${ids[j]}${step === 1 ? '' : ` by ${step}`}`);
        i = j + 1;
        continue;
      }
      j = i;
    }
    parts.push(start);
    i = j + 1;
  }
  const shown = parts.join(', ');
  return i < ids.length || total > ids.length ? `${shown}, ... (${total} in all)` : shown;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function pushCapped(target: string[], ids: readonly string[], max: number): void {
  for (const id of ids) {
    if (target.length >= max) return;
    target.push(id);
  }
}

function pushUnique(target: string[], id: string, max: number): void {
  if (target.length < max && !target.includes(id)) target.push(id);
}

function unique(ids: readonly string[], max: number): string[] {
  return [...new Set(ids)].slice(0, max);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
