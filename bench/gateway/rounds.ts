import type { StreamResult, TargetResult } from './results.ts';

/**
 * Several rounds of one stream scenario and target in one result. On a small shared machine one
 * window's CPU per event varies by several percent from window to window (scheduling, other
 * processes), more than the differences being compared; the targets take turns and the median
 * round is compared. The median round's window is shown; its CPU per event is the median (the
 * mean of the two middle rounds for an even count). Correctness is never taken from one round:
 * gaps, missing, out of order and disconnects add up over all rounds, connected is the fewest.
 */
export function combineRounds(rounds: TargetResult[]): TargetResult {
  const streams = rounds.filter((r): r is StreamResult => r.kind === 'stream');
  if (streams.length === 0) return rounds[0] as TargetResult;
  if (streams.length === 1 && rounds.length === 1) return streams[0] as StreamResult;
  const sorted = [...streams].sort((a, b) => a.proxyCpuUsPerEvent - b.proxyCpuUsPerEvent);
  const mid = Math.floor((sorted.length - 1) / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as StreamResult).proxyCpuUsPerEvent : ((sorted[mid] as StreamResult).proxyCpuUsPerEvent + (sorted[mid + 1] as StreamResult).proxyCpuUsPerEvent) / 2;
  const sum = (k: 'gaps' | 'missing' | 'outOfOrder' | 'clientsWithGaps' | 'disconnected') => streams.reduce((n, r) => n + r[k], 0);
  const notes = streams.flatMap((r, i) => r.notes.map((n) => `round ${i + 1}: ${n}`));
  const failed = rounds.length - streams.length;
  if (failed > 0) notes.push(`${failed} of ${rounds.length} rounds did not run: ${rounds.filter((r) => r.kind === 'skipped').map((r) => (r.kind === 'skipped' ? r.reason : '')).join('; ')}`);
  notes.unshift(`${streams.length} rounds, CPU µs per delivered event ${streams.map((r) => r.proxyCpuUsPerEvent.toFixed(2)).join(', ')} (in order); median ${median.toFixed(2)}; the table shows round ${streams.indexOf(sorted[mid] as StreamResult) + 1}'s window`);
  return {
    ...(sorted[mid] as StreamResult),
    proxyCpuUsPerEvent: median,
    gaps: sum('gaps'),
    missing: sum('missing'),
    outOfOrder: sum('outOfOrder'),
    clientsWithGaps: sum('clientsWithGaps'),
    disconnected: sum('disconnected'),
    connected: Math.min(...streams.map((r) => r.connected)),
    peakRssMb: Math.max(...streams.map((r) => r.peakRssMb)),
    roundsCpuUsPerEvent: streams.map((r) => r.proxyCpuUsPerEvent),
    notes,
  };
}
