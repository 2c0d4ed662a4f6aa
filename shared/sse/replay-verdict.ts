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

import { readGapNotice } from './gap-notice.ts';

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
  | { kind: 'source-drop'; at: number; detail: string }
  /** A (re)connect request went out with this Last-Event-ID (undefined: none). */
  | { kind: 'attempt'; at: number; lastEventId?: string | undefined }
  /** The subscription failed for good (a 401, a 503, a wrong content type ...): no reconnect. */
  | { kind: 'fail'; at: number; detail: string; status?: number | undefined }
  /**
   * The gateway announced a hole in the stream with a `: gap:` comment (its history did not reach
   * back, or the backend did not resume): events around here were lost before they reached it.
   */
  | { kind: 'gap'; at: number; connection: number; detail: string };

export type StreamLog = readonly StreamLogEntry[];

/** What the source produced: its ids in order, or the promise that ids count up by one. */
export type SourceTruth =
  /** Numeric ids counting up by `step` (default 1): 1, 2, 3 ... or, one symbol of a shared counter, 1, 5, 9 ... */
  | { kind: 'consecutive'; step?: number }
  | { kind: 'ids'; ids: readonly string[] }
  /**
   * The record of a source that saw every event: the mock (what it produced for this stream) or
   * the gateway (what it received). One segment per run of the source: a restarted mock numbers
   * afresh, and the client's ids restarting move the verdict to the next segment. A segment that
   * is not `complete` lost its oldest ids (bounded history): ids before it are not judged.
   */
  | { kind: 'record'; source: 'mock' | 'gateway'; segments: ReadonlyArray<RecordSegment> };

export interface RecordSegment {
  ids: readonly string[];
  complete: boolean;
  /**
   * Ids after which the recorder reconnected to its own source (the gateway to the backend): the
   * record cannot tell whether the source resumed there, unless the ids follow on (n, n + 1).
   */
  resumedAfter?: readonly string[];
}

/** Which rule judged the lost events: a source's record, the numeric-id heuristic, or only what the client saw. */
export type VerdictRule = 'mock-record' | 'gateway-record' | 'source-ids' | 'numeric-ids' | 'client-only';

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
  /** How many of the lost the gateway announced as lost at the source (the backend did not resume). */
  lostAtSource: number;
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

export type VerdictStatus = 'green' | 'red' | 'unknown';

export interface ReplayVerdict {
  /**
   * red: events were lost, duplicated or out of order (with the ids). unknown (grey): something
   * could not be checked — `unknown` says why. green: every drop was checked against evidence.
   */
  status: VerdictStatus;
  /** Why the verdict is unknown (empty unless it is). */
  unknown: string[];
  rule: VerdictRule;
  /** The rule in words, for people. */
  ruleWords: string;
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
    lostAtSource: number;
  };
  windows: DropWindow[];
  /** Anomalies not at a drop's seam: while the client was connected. */
  whileConnected: { lost: string[]; lostCount: number; lostAtSource: number; duplicated: string[]; outOfOrder: string[] };
  lost: string[];
  duplicated: string[];
  outOfOrder: string[];
  /** Ids the source (truth) never produced. */
  unexpected: string[];
  resets: IdReset[];
  /**
   * Lost at the source (the backend did not resume): holes the gateway announced with a `: gap:`
   * comment, with the ids when a record names them.
   */
  lostAtSource: { announced: Array<{ at: number; detail: string; cause: 'gateway' | 'source' }>; ids: string[]; count: number };
  /** The last Last-Event-ID the client sent (null: none), as its connection log says. */
  lastEventIdSent: string | null;
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
  /** The gateway announced it (`: gap:`): lost at the source. */
  atSource: boolean;
}

interface Epoch {
  /** Truth segment this epoch is judged against (record truth). */
  segment: number;
  firstNumeric: number | undefined;
  maxNumeric: number | undefined;
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
  const { scheme, segments, schemeNote } = chooseScheme(events, options.truth);
  const gapsCount = scheme === 'consecutive' || scheme === 'truth';
  const seams = findSeams(log, options.replayBurstMs ?? DEFAULT_BURST_MS);
  // Numeric ids map to ranks 0, 1, 2 ... along the source's step (off-step ids have no rank).
  const step = scheme === 'consecutive' && options.truth?.kind === 'consecutive' ? Math.max(1, Math.floor(options.truth.step ?? 1)) : 1;
  const firstNumeric = events.find((e) => e.id !== undefined && NUMERIC_ID.test(e.id))?.id;
  const offset = firstNumeric === undefined ? 0 : Number(firstNumeric) % step;
  const numericRank = (n: number): number | undefined => ((n - offset) % step === 0 ? (n - offset) / step : undefined);
  const idOfRank = (e: Epoch, rank: number): string => (scheme === 'truth' ? (segments[e.segment]?.ids[rank] as string) : String(rank * step + offset));
  const segmentHolding = (id: string, from: number): number | undefined => {
    for (let i = from; i < segments.length; i++) if (segments[i]?.index.has(id)) return i;
    return undefined;
  };

  const epochs: Epoch[] = [];
  const newEpoch = (segment = 0): Epoch => {
    const e: Epoch = { segment, firstNumeric: undefined, maxNumeric: undefined, firstRank: undefined, maxRank: undefined, seen: new Map(), ranks: [], nextOpaqueRank: 0 };
    epochs.push(e);
    return e;
  };
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
  let announcedGap = false;
  /** A `: gap:` notice waiting for the next event, which may contradict it (ids that follow on). */
  let pendingGap: { at: number; detail: string; cause: 'gateway' | 'source'; prevId: string | undefined; matched?: boolean } | undefined;
  let currentNotice: typeof pendingGap;
  const contradicted: string[] = [];
  let beforeRecord = 0;
  let lastAttempt: Extract<StreamLogEntry, { kind: 'attempt' }> | undefined;
  let failure: Extract<StreamLogEntry, { kind: 'fail' }> | undefined;
  const announced: Array<{ at: number; detail: string; cause: 'gateway' | 'source'; matched?: boolean }> = [];
  const seamByStart = new Map(seams.map((s) => [s.start, s]));

  const rankOf = (id: string): number | undefined => {
    if (scheme === 'truth') return segments[epoch.segment]?.index.get(id);
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
    if (entry.kind === 'attempt') {
      lastAttempt = entry;
      return;
    }
    if (entry.kind === 'fail') {
      failure = entry;
      return;
    }
    if (entry.kind === 'gap') {
      if (pendingGap) announced.push(pendingGap);
      pendingGap = { at: entry.at, detail: entry.detail, cause: readGapNotice(entry.detail)?.cause ?? 'source', prevId: lastId };
      return;
    }
    if (entry.kind === 'open') {
      connections++;
      // The id a client resumes from counts as had: the source should start after it.
      const from = entry.lastEventId;
      if (from && connections === 1 && scheme === 'truth') {
        const segment = segmentHolding(from, 0);
        if (segment !== undefined) {
          epoch.segment = segment;
          epoch.seen.set(from, -1);
          epoch.maxRank = segments[segment]?.index.get(from);
        }
      } else if (from && connections === 1 && scheme !== 'opaque' && scheme !== 'none') {
        const rank = NUMERIC_ID.test(from) ? numericRank(Number(from)) : undefined;
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
    if (pendingGap) {
      // Ids that follow on across the notice (n, n + 1) show nothing was skipped: the notice is not evidence.
      const follows = pendingGap.prevId !== undefined && NUMERIC_ID.test(pendingGap.prevId) && NUMERIC_ID.test(id) && Number(id) === Number(pendingGap.prevId) + 1;
      if (follows) contradicted.push(pendingGap.detail);
      else {
        announced.push(pendingGap);
        announcedGap = pendingGap.cause === 'source';
        currentNotice = pendingGap;
      }
      pendingGap = undefined;
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
        resets.push({ how: 'numbering-restarted', at: entry.receivedAt, fromId: idOfRank(epoch, epoch.maxRank), toId: id });
        epoch = newEpoch();
      }
    }
    if (scheme === 'truth') {
      // A record with several runs of the source: ids restarting (or only found in a later run) move on to it.
      const n = NUMERIC_ID.test(id) ? Number(id) : undefined;
      const inCurrent = segments[epoch.segment]?.index.has(id) === true;
      const later = segmentHolding(id, epoch.segment + 1);
      const restarted = n !== undefined && epoch.maxNumeric !== undefined && n < epoch.maxNumeric - 1 && (n <= 1 || (epoch.firstNumeric !== undefined && n < epoch.firstNumeric));
      if (later !== undefined && (!inCurrent || restarted)) {
        if (epoch.maxRank === undefined && epoch.seen.size === 0) epoch.segment = later;
        else {
          resets.push({ how: 'numbering-restarted', at: entry.receivedAt, fromId: epoch.maxRank === undefined ? undefined : idOfRank(epoch, epoch.maxRank), toId: id });
          epoch = newEpoch(later);
        }
      }
      if (n !== undefined) {
        epoch.firstNumeric ??= n;
        epoch.maxNumeric = Math.max(epoch.maxNumeric ?? n, n);
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
    const gapAnnounced = announcedGap;
    announcedGap = false;
    const notice = currentNotice;
    currentNotice = undefined;
    if (rank === undefined) {
      // An id older than a record that forgot its start is not judged; any other is unexpected.
      if (scheme === 'truth' && epoch.maxRank === undefined && segments[epoch.segment]?.complete === false) beforeRecord++;
      else unexpected.push(id);
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
      if (gapsCount && rank > epoch.maxRank + 1) {
        gaps.push({ epoch, from: epoch.maxRank + 1, to: rank - 1, pos, atSource: gapAnnounced });
        if (notice) notice.matched = true;
      }
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
  const lostAt: Array<{ pos: number; ids: string[]; count: number; atSource: boolean }> = [];
  const atSource = { ids: [] as string[], count: 0 };
  for (const gap of gaps) {
    const late = new Set(receivedIn(gap.epoch, gap.from, gap.to));
    const count = gap.to - gap.from + 1 - late.size;
    if (count <= 0) continue;
    const ids: string[] = [];
    for (let r = gap.from; r <= gap.to && ids.length < maxListed; r++) if (!late.has(r)) ids.push(idOfRank(gap.epoch, r));
    // Lost either way; the gateway's announcement says where: the backend did not resume.
    if (gap.atSource) {
      pushCapped(atSource.ids, ids, maxListed);
      atSource.count += count;
    }
    lostAt.push({ pos: gap.pos, ids, count, atSource: gap.atSource });
  }

  // Attribute each anomaly to the seam it happened at, or to "while connected".
  const seamOf = (pos: number) => seams.find((s) => pos >= s.start && pos <= s.end);
  const whileConnected = { lost: [] as string[], lostCount: 0, lostAtSource: 0, duplicated: [] as string[], outOfOrder: [] as string[] };
  for (const l of lostAt) {
    const seam = seamOf(l.pos);
    const target = seam ? seam.window : whileConnected;
    pushCapped(target.lost, l.ids, maxListed);
    target.lostCount += l.count;
    if (l.atSource) target.lostAtSource += l.count;
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
    for (let r = from; to !== undefined && r <= to && w.missed.length < maxListed; r++) w.missed.push(idOfRank(before.epoch, r));
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
    lostAtSource: atSource.count,
  };
  if (pendingGap) announced.push(pendingGap);
  // Announced by the gateway but not named by a record: still a loss (at the source, or the gateway's).
  // A gateway record cannot name what the gateway never received; the mock's record can.
  const recordSource = options.truth?.kind === 'record' ? options.truth.source : undefined;
  const unnamed = announced.filter((a) => !a.matched);
  const sourceLoss = atSource.count > 0 || (!gapsCount ? announced.length > 0 : recordSource === 'gateway' && unnamed.length > 0);
  // Where the recorder reconnected to its source and the ids do not show it resumed: the record cannot vouch for it.
  const unsure: string[] = [];
  segments.forEach((segment, index) => {
    for (const after of segment.resumedAfter ?? []) {
      const rank = segment.index.get(after);
      const next = rank === undefined ? undefined : segment.ids[rank + 1];
      if (rank === undefined || next === undefined || (NUMERIC_ID.test(after) && NUMERIC_ID.test(next) && Number(next) === Number(after) + 1)) continue;
      const spanned = epochs.some((e) => e.segment === index && e.ranks.some((r) => r <= rank) && e.ranks.some((r) => r > rank));
      if (spanned && !unsure.includes(after)) unsure.push(after);
    }
  });
  const rule = ruleOf(options.truth, scheme);
  const verdict: ReplayVerdict = {
    status: lostCount || duplicated.length || outOfOrder.length || unexpected.length || sourceLoss ? 'red' : 'green',
    unknown: [],
    rule,
    ruleWords: ruleWords(rule, options.truth),
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
    lostAtSource: { announced: announced.map(({ at, detail, cause }) => ({ at, detail, cause })), ids: atSource.ids, count: atSource.count },
    lastEventIdSent: lastAttempt?.lastEventId ? lastAttempt.lastEventId : null,
  };
  verdict.unknown = unknownReasons(verdict, failure);
  if (unsure.length) verdict.unknown.push(`the gateway reconnected to the backend after id ${unsure.join(', ')} and the ids do not show whether the backend resumed there: events in between may be missing from its record`);
  if (verdict.status === 'green' && verdict.unknown.length) verdict.status = 'unknown';
  verdict.reasons = reasonsFor(verdict);
  if (gapsCount && recordSource === 'gateway') {
    for (const a of unnamed) verdict.reasons.push(`${a.cause === 'source' ? 'lost at the source (the backend did not resume)' : 'lost at the gateway (its replay history did not reach back)'}: the gateway announced "${a.detail}"; its record cannot name events it never received`);
  }
  verdict.notes = notesFor(verdict, schemeNote, options.forgottenEntries ?? 0, maxListed);
  for (const detail of contradicted) verdict.notes.push(`The gateway announced "${detail}", but the ids on either side follow on: nothing was skipped there.`);
  if (beforeRecord) verdict.notes.push(`${plural(beforeRecord, 'event')} came before the start of the source's record (it keeps only the latest events): not judged.`);
  verdict.summary = summaryOf(verdict);
  return verdict;
}

// ---- scheme ---------------------------------------------------------------------------------

interface TruthSegment {
  ids: readonly string[];
  complete: boolean;
  resumedAfter?: readonly string[];
  index: Map<string, number>;
}

function chooseScheme(events: EventEntry[], truth: SourceTruth | undefined): { scheme: IdScheme; segments: TruthSegment[]; schemeNote: string | undefined } {
  const ids = events.map((e) => e.id).filter((id): id is string => id !== undefined && id !== '');
  const none = { segments: [] as TruthSegment[] };
  if (truth?.kind === 'ids' || truth?.kind === 'record') {
    const given = truth.kind === 'ids' ? [{ ids: truth.ids, complete: true }] : truth.segments;
    const segments = given.map((g) => {
      const index = new Map<string, number>();
      g.ids.forEach((id, i) => {
        if (!index.has(id)) index.set(id, i);
      });
      return { ids: g.ids, complete: g.complete, ...(g.resumedAfter ? { resumedAfter: g.resumedAfter } : {}), index };
    });
    if (segments.length === 0) segments.push({ ids: [], complete: false, index: new Map() });
    return { scheme: 'truth', segments, schemeNote: undefined };
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
    lostAtSource: 0,
    duplicated: [],
    outOfOrder: [],
    resets: [],
  });

  let attemptAfterDrop: Extract<StreamLogEntry, { kind: 'attempt' }> | undefined;
  log.forEach((entry, pos) => {
    if (entry.kind === 'drop') {
      pendingDrop = { pos, entry };
      attemptAfterDrop = undefined;
    } else if (entry.kind === 'attempt') {
      if (pendingDrop) attemptAfterDrop = entry;
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
    // What the connection log says it tried to resume from, even if the attempt never opened.
    if (attemptAfterDrop) w.lastEventIdSent = attemptAfterDrop.lastEventId ? attemptAfterDrop.lastEventId : null;
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

// ---- rule and unknowns ----------------------------------------------------------------------

function ruleOf(truth: SourceTruth | undefined, scheme: IdScheme): VerdictRule {
  if (truth?.kind === 'record') return truth.source === 'mock' ? 'mock-record' : 'gateway-record';
  if (truth?.kind === 'ids') return 'source-ids';
  return truth?.kind === 'consecutive' && scheme !== 'opaque' ? 'numeric-ids' : 'client-only';
}

function ruleWords(rule: VerdictRule, truth: SourceTruth | undefined): string {
  switch (rule) {
    case 'mock-record':
      return 'the mock\'s record of every event it produced on this stream';
    case 'gateway-record':
      return 'the gateway\'s record of every event it received from the backend while connected';
    case 'source-ids':
      return 'the source\'s list of the ids it produced';
    case 'numeric-ids': {
      const step = truth?.kind === 'consecutive' ? (truth.step ?? 1) : 1;
      return `the numeric-id rule (turned on): ids count up by ${step}, so a missing number is a lost event`;
    }
    case 'client-only':
      return 'only what the client saw (duplicates and order); lost events need a source record or the numeric-id rule';
  }
}

/** Why a verdict without proven anomalies still cannot be green: what was not checked against evidence. */
function unknownReasons(v: ReplayVerdict, failure: Extract<StreamLogEntry, { kind: 'fail' }> | undefined): string[] {
  const reasons: string[] = [];
  if (v.counts.connections === 0) {
    reasons.push(failure ? `not connected: ${failure.detail}` : 'not connected: no connection has opened yet');
    return reasons;
  }
  if (failure) reasons.push(`dead stream: ${failure.detail}; what the source sent after it is not known`);
  const drops = v.windows.length;
  if (drops && v.scheme === 'none') reasons.push(`no ids: the events carry no id, so ${plural(drops, 'drop')} cannot be checked`);
  else if (drops && !v.checked.lost) {
    reasons.push(`no source record: ${plural(drops, 'drop')} could not be checked for lost events (the client alone cannot tell a lost event from a number the source skipped); turn on the numeric-id rule if the source counts its ids up by one`);
  }
  // A record that does not reach back to a drop (it forgot the ids before it) cannot judge that drop.
  const uncovered = v.scheme === 'truth' ? v.windows.filter((w) => w.missed === null && w.resets.length === 0 && w.resumedAt !== undefined && w.eventsBefore > 0) : [];
  if (uncovered.length) reasons.push(`no source record for drop ${uncovered.map((w) => w.index).join(', ')}: the source's record does not reach back to it`);
  const away = v.windows.filter((w) => w.kind === 'reconnect' && w.resumedAt === undefined);
  if (away.length && !failure) reasons.push(`not connected: drop ${away.map((w) => w.index).join(', ')} has not reconnected yet`);
  return reasons;
}

// ---- words ----------------------------------------------------------------------------------

function reasonsFor(v: ReplayVerdict): string[] {
  const reasons: string[] = [];
  for (const w of v.windows) {
    const where = `drop ${w.index} (${causeWords(w)})`;
    if (w.lostCount) reasons.push(`${where}: ${plural(w.lostCount, 'event')} lost, never received: ${formatIds(w.lost, w.lostCount)}${atSourceWords(w.lostAtSource, w.lostCount)}`);
    if (w.duplicated.length) reasons.push(`${where}: received twice across the seam: ${formatIds(w.duplicated)}`);
    if (w.outOfOrder.length) reasons.push(`${where}: out of order at the seam: ${formatIds(w.outOfOrder)}`);
  }
  const c = v.whileConnected;
  if (c.lostCount) reasons.push(`${plural(c.lostCount, 'event')} lost while connected (a gap in the ids, no drop seen by the client): ${formatIds(c.lost, c.lostCount)}${atSourceWords(c.lostAtSource, c.lostCount)}`);
  if (c.duplicated.length) reasons.push(`received twice while connected: ${formatIds(c.duplicated)}`);
  if (c.outOfOrder.length) reasons.push(`out of order while connected: ${formatIds(c.outOfOrder)}`);
  if (v.unexpected.length) reasons.push(`${plural(v.counts.unexpected, 'event')} with ids the source never produced: ${formatIds(v.unexpected, v.counts.unexpected)}`);
  const s = v.lostAtSource;
  if (!v.checked.lost) {
    const source = s.announced.filter((a) => a.cause === 'source');
    const gateway = s.announced.filter((a) => a.cause === 'gateway');
    if (source.length) reasons.push(`lost at the source (the backend did not resume): the gateway announced ${plural(source.length, 'gap')}: ${source.map((a) => a.detail).join('; ')}`);
    if (gateway.length) reasons.push(`lost at the gateway (its replay history did not reach back): ${gateway.map((a) => a.detail).join('; ')}`);
  }
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
  if (v.status === 'unknown') return `unknown: ${v.unknown[0] ?? 'not checked'} (${parts.join(', ')})`;
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
  const atSource = c.lostAtSource ? ` (${c.lostAtSource} at the source)` : '';
  const announced = !c.lostAtSource && v.lostAtSource.announced.length && !v.checked.lost ? 'a gap announced by the gateway' : 0;
  const bad = [c.lost && `${c.lost} lost${atSource}`, announced, c.duplicated && `${c.duplicated} duplicated`, c.outOfOrder && `${c.outOfOrder} out of order`, c.unexpected && `${c.unexpected} unexpected`].filter(Boolean);
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

function atSourceWords(atSource: number, lost: number): string {
  if (!atSource) return '';
  return ` — ${atSource === lost ? 'all' : atSource} lost at the source: the backend did not resume (the gateway announced the gap)`;
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
