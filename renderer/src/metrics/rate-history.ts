import type { GatewayMetricsRow, RatePoint as HostRatePoint } from '../../../shared/api/contract.ts';

/**
 * Events out per second over the last minute, computed from successive polls of the cumulative
 * `eventsOut` counters (the host does not push metrics). Bounded: at most MAX_POINTS points, none
 * older than WINDOW_MS. A poll after a long pause (tab hidden, host busy) starts afresh instead of
 * averaging the pause into one misleading point.
 */
export const MAX_POINTS = 60;
export const WINDOW_MS = 60_000;
export const MAX_GAP_MS = 5_000;

export interface RatePoint {
  at: number;
  /** Events out per second, all topics of the API together. */
  total: number;
  byTopic: Record<string, number>;
}

export interface RateHistory {
  points: RatePoint[];
  last: { at: number; eventsOut: Record<string, number> } | undefined;
}

export const emptyHistory: RateHistory = { points: [], last: undefined };

/**
 * Puts the host's record (one point a second since it started) before what the polls made so far,
 * so the chart shows the last minute as soon as it opens.
 */
export function seedHistory(history: RateHistory, hostPoints: readonly HostRatePoint[]): RateHistory {
  const firstPolled = history.points[0]?.at ?? Number.POSITIVE_INFINITY;
  const newest = history.points.at(-1)?.at ?? hostPoints.at(-1)?.at ?? 0;
  const earlier = hostPoints.filter((p) => p.at < firstPolled && p.at > newest - WINDOW_MS);
  return { ...history, points: [...earlier, ...history.points].slice(-MAX_POINTS) };
}

export function addSample(history: RateHistory, at: number, rows: readonly GatewayMetricsRow[]): RateHistory {
  const eventsOut: Record<string, number> = {};
  for (const row of rows) eventsOut[row.topic] = (eventsOut[row.topic] ?? 0) + row.eventsOut;
  const last = history.last;
  const kept = history.points.filter((p) => p.at > at - WINDOW_MS);
  if (!last || at <= last.at || at - last.at > MAX_GAP_MS) return { points: kept, last: { at, eventsOut } };

  const seconds = (at - last.at) / 1000;
  const byTopic: Record<string, number> = {};
  let total = 0;
  for (const [topic, now] of Object.entries(eventsOut)) {
    const before = last.eventsOut[topic] ?? 0;
    // A counter that went down was reset (the host restarted): count from zero.
    const rate = (now >= before ? now - before : now) / seconds;
    byTopic[topic] = rate;
    total += rate;
  }
  return { points: [...kept, { at, total, byTopic }].slice(-MAX_POINTS), last: { at, eventsOut } };
}
