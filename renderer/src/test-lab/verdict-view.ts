import type { DropWindow, ReplayVerdict } from '../../../shared/sse/replay-verdict.ts';
import { formatIds } from '../../../shared/sse/replay-verdict.ts';

/**
 * The replay verdict as the verdict panel shows it: GREEN, RED or UNKNOWN (grey, with why), the rule
 * that judged lost events, the ids that were lost,
 * duplicated or out of order (named, in short runs: `58-70, 75`), and one line per drop window:
 * what was missed while away, what came back by replay, what never came. Pure.
 */
export interface WindowLine {
  index: number;
  cause: string;
  droppedAt: number;
  /** ms from the drop to the new connection (or the first event after a backend drop). */
  awayMs: number | undefined;
  lastEventIdSent: string | undefined;
  missed: string;
  replayed: string;
  lost: string;
  problems: string[];
}

export interface VerdictView {
  status: 'GREEN' | 'RED' | 'UNKNOWN';
  /** Why it is UNKNOWN (not connected, 401, dead stream, no ids, no source record). */
  unknown: string[];
  /** Which evidence judged lost events, in words. */
  rule: string;
  summary: string;
  drops: number;
  replayedCount: number;
  lostCount: number;
  /** `none`, or the lost ids. */
  lost: string;
  duplicated: string;
  outOfOrder: string;
  reasons: string[];
  notes: string[];
  /** What the verdict could check with the ids it saw. */
  checked: string;
  windows: WindowLine[];
}

export function viewVerdict(v: ReplayVerdict): VerdictView {
  return {
    status: v.status === 'green' ? 'GREEN' : v.status === 'red' ? 'RED' : 'UNKNOWN',
    unknown: v.unknown,
    rule: v.ruleWords,
    summary: v.summary.replace(/^(green|red|unknown): /, ''),
    drops: v.counts.drops,
    replayedCount: v.counts.replayed,
    lostCount: v.counts.lost,
    lost: v.counts.lost ? formatIds(v.lost, v.counts.lost) : 'none',
    duplicated: v.duplicated.length ? formatIds(v.duplicated, v.counts.duplicated) : 'none',
    outOfOrder: v.outOfOrder.length ? formatIds(v.outOfOrder, v.counts.outOfOrder) : 'none',
    reasons: v.reasons,
    notes: v.notes,
    checked: checkedWords(v),
    windows: v.windows.map(windowLine),
  };
}

/**
 * Where the list shows a gap: the first live event after a drop that lost events, with the lost
 * ids (by that event's id), for a "lost" mark on its row.
 */
export function lostBefore(v: ReplayVerdict | undefined): Map<string, { count: number; ids: string }> {
  const marks = new Map<string, { count: number; ids: string }>();
  for (const w of v?.windows ?? []) if (w.lostCount && w.firstLiveId !== undefined) marks.set(w.firstLiveId, { count: w.lostCount, ids: formatIds(w.lost, w.lostCount) });
  return marks;
}

/** Every id the verdict says came back by replay, for the "replay" chip on event rows. */
export function replayedIds(v: ReplayVerdict | undefined): Set<string> {
  const ids = new Set<string>();
  for (const w of v?.windows ?? []) for (const id of w.replayed) ids.add(id);
  return ids;
}

function windowLine(w: DropWindow): WindowLine {
  const problems = [
    ...(w.duplicated.length ? [`received twice: ${formatIds(w.duplicated)}`] : []),
    ...(w.outOfOrder.length ? [`out of order: ${formatIds(w.outOfOrder)}`] : []),
    ...(w.resets.length ? [`ids restarted at ${w.resets.join(', ')}`] : []),
  ];
  return {
    index: w.index,
    cause: CAUSE[w.cause] ?? w.cause,
    droppedAt: w.droppedAt,
    awayMs: w.resumedAt === undefined ? undefined : Math.max(0, w.resumedAt - w.droppedAt),
    // From the same log as the connection timeline: what the (re)connect sent, '(none)' only when it sent none.
    lastEventIdSent: w.kind === 'source' || w.lastEventIdSent === undefined ? undefined : (w.lastEventIdSent ?? '(none)'),
    missed: w.missedCount === null ? 'unknown (no source record)' : w.missedCount === 0 ? 'none' : formatIds(w.missed ?? [], w.missedCount),
    replayed: w.replayedCount ? formatIds(w.replayed, w.replayedCount) : 'none',
    lost: w.lostCount ? formatIds(w.lost, w.lostCount) : 'none',
    problems,
  };
}

const CAUSE: Record<string, string> = {
  'client-drop': 'client drop',
  'server-closed': 'server closed the stream',
  'network-error': 'connection lost',
  'source-drop': 'backend drop',
};

function checkedWords(v: ReplayVerdict): string {
  switch (v.scheme) {
    case 'truth':
    case 'consecutive':
      return 'lost, duplicated and out-of-order events';
    case 'numeric':
      return 'duplicates and order (a gap in numeric ids is not proof of loss: turn on "Ids count up by one" if they do)';
    case 'opaque':
      return 'duplicates only (ids are not numbers)';
    case 'none':
      return 'nothing (no event carried an id)';
  }
}
