import { computeReplayVerdict, formatIds, type StreamLogEntry } from '../../../shared/sse/replay-verdict.ts';
import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/**
 * Resume: after each forced drop the probe reconnected with Last-Event-ID. Judged by the shared
 * replay verdict against the ground truth (the ids the undisturbed connection saw, in order):
 * missed, resent (replayed), lost, duplicated, reordered. Then, per seam, how the server answered:
 *  - resumes: the first event after the reconnect is the one after Last-Event-ID;
 *  - starts live: it skips ahead (the missed events are lost: Last-Event-ID ignored);
 *  - replays from the beginning: it goes back to the stream's first events;
 *  - resends: it goes back, but not to the beginning (duplicates).
 */
export type SeamBehaviour = 'resumes' | 'starts-live' | 'replays-from-start' | 'resends' | 'no-events' | 'unjudged';

export function resumeCheck(e: RunEvidence): CheckResult {
  const base = { id: 'resume' as const, title: 'Resume (Last-Event-ID)' };
  const r = e.resume;
  const c = e.observe.capture;
  if (!r || !c) return { ...base, status: 'unknown', summary: 'no stream to drop', evidence: [] };
  const truthIds = c.events.map((ev) => ev.id).filter((id): id is string => id !== undefined && id !== '');
  const probeEvents = r.log.filter((l): l is Extract<StreamLogEntry, { kind: 'event' }> => l.kind === 'event');
  const evidence: string[] = [];
  if (r.shortfall) evidence.push(r.shortfall);
  if (r.limit) evidence.push(r.limit);
  if (probeEvents.length && probeEvents.every((ev) => ev.id === undefined || ev.id === '')) {
    return { ...base, status: 'warn', summary: 'cannot resume: events carry no id, so a reconnecting client has no Last-Event-ID to send', evidence, figures: { drops: r.drops } };
  }
  if (r.drops === 0) return { ...base, status: 'unknown', summary: r.shortfall ?? 'no drop could be made', evidence };

  const verdict = computeReplayVerdict(r.log, { truth: { kind: 'ids', ids: truthIds } });
  const rank = new Map<string, number>();
  truthIds.forEach((id, i) => {
    if (!rank.has(id)) rank.set(id, i);
  });
  const behaviours = seamBehaviours(r.log, rank, truthIds[0]);
  const counts = verdict.counts;
  evidence.push(`${r.drops} forced drop${r.drops === 1 ? '' : 's'}, each reconnecting with Last-Event-ID; ground truth: ${truthIds.length} ids on an undisturbed connection`);
  evidence.push(`missed ${counts.missed ?? '?'}, resent ${counts.replayed}, lost ${counts.lost}, duplicated ${counts.duplicated}, out of order ${counts.outOfOrder}`);
  behaviours.forEach((b, i) => evidence.push(`drop ${i + 1}: Last-Event-ID ${b.sent ?? '(none)'} -> first event ${b.firstId ?? '(none)'}: ${words(b.behaviour)}`));
  evidence.push(...verdict.reasons.slice(0, 5), ...verdict.notes.filter((n) => !n.startsWith('Drop ')).slice(0, 3));
  const figures = { drops: r.drops, counts, behaviours: behaviours.map((b) => b.behaviour), lost: verdict.lost, duplicated: verdict.duplicated, outOfOrder: verdict.outOfOrder, verdict: verdict.summary };

  const seen = new Set(behaviours.map((b) => b.behaviour));
  if (seen.has('replays-from-start')) return { ...base, status: 'fail', summary: `replays from the beginning: after a reconnect the stream starts over (${counts.duplicated} duplicated)`, evidence, figures };
  if (seen.has('starts-live')) return { ...base, status: 'fail', summary: `starts live: Last-Event-ID is ignored, ${counts.lost} event${counts.lost === 1 ? '' : 's'} lost across the drops (${formatIds(verdict.lost, counts.lost, 6)})`, evidence, figures };
  if (verdict.status === 'red') return { ...base, status: 'fail', summary: verdict.reasons[0] ?? verdict.summary, evidence, figures };
  if (seen.has('resends')) return { ...base, status: 'fail', summary: 'resends events the client already had after a reconnect', evidence, figures };
  if (!seen.has('resumes')) return { ...base, status: 'unknown', summary: 'no event came after a reconnect: cannot tell how the server resumes', evidence, figures };
  if (r.limit) return { ...base, status: 'warn', summary: `judged on part of the run only: the probe ${r.limit}`, evidence, figures };
  return { ...base, status: 'pass', summary: `resumes: ${counts.replayed} missed event${counts.replayed === 1 ? '' : 's'} resent after ${r.drops} drops, nothing lost, duplicated or out of order`, evidence, figures };
}

interface Seam {
  sent: string | undefined;
  firstId: string | undefined;
  behaviour: SeamBehaviour;
}

function seamBehaviours(log: readonly StreamLogEntry[], rank: Map<string, number>, firstEver: string | undefined): Seam[] {
  const seams: Seam[] = [];
  let current: Seam | undefined;
  let opens = 0;
  for (const entry of log) {
    if (entry.kind === 'open') {
      opens++;
      current = opens === 1 ? undefined : { sent: entry.lastEventId, firstId: undefined, behaviour: 'no-events' };
      if (current) seams.push(current);
    } else if (entry.kind === 'event' && current && current.firstId === undefined && entry.id) {
      current.firstId = entry.id;
      const before = current.sent === undefined ? undefined : rank.get(current.sent);
      const after = rank.get(entry.id);
      if (entry.id === firstEver && before !== 0) current.behaviour = 'replays-from-start';
      else if (before === undefined || after === undefined) current.behaviour = 'unjudged';
      else if (after === before + 1) current.behaviour = 'resumes';
      else if (after > before + 1) current.behaviour = 'starts-live';
      else current.behaviour = after === 0 || entry.id === firstEver ? 'replays-from-start' : 'resends';
    }
  }
  return seams;
}

function words(b: SeamBehaviour): string {
  return { resumes: 'resumed right after it', 'starts-live': 'skipped ahead (started live)', 'replays-from-start': 'started over from the beginning', resends: 'went back (resent events)', 'no-events': 'no event after the reconnect', unjudged: 'ids not seen on the undisturbed connection: not comparable' }[b];
}
