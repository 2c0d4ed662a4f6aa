import type { Progress } from './progress.ts';
import type { ReplayResult } from './results.ts';
import type { Scenario } from './scenarios.ts';
import { connectClients, withSession } from './session.ts';
import type { TargetContext } from './targets.ts';

/**
 * Catch-up after a reconnect: one client keeps the shared upstream open while the backend sends
 * `replayEvents` + 1,000 events, then the backend pauses (so only the history can answer) and a
 * new client asks with a Last-Event-ID `replayEvents` behind. Measured from just before the TCP
 * connect to the last replayed event, ids checked one by one; one warm-up run, then `runs`.
 */
export interface ReplayOptions {
  eventBytes: number;
  runs: number;
  historyMaxEvents: number;
}

const FILL_RATE = 20_000;

export async function runReplay(s: Scenario, ctx: TargetContext, o: ReplayOptions, progress: Progress): Promise<ReplayResult> {
  const name = 'gateway-shared' as const;
  const session = { eventBytes: o.eventBytes, drivers: 1, targetOptions: { replayMaxEvents: o.historyMaxEvents, label: s.name } };
  return withSession(name, ctx, session, async (sess) => {
    const { backend, target } = sess;
    const driver = sess.drivers[0];
    if (!driver) throw new Error('no client driver');
    const notes: string[] = [];
    await connectClients(sess, 1, progress);

    const total = s.replayEvents + 1_000;
    progress.say(`filling the gateway's history: ${total.toLocaleString('en-US')} events at ${FILL_RATE.toLocaleString('en-US')}/s`);
    await backend.call('setRate', { rate: FILL_RATE });
    while ((await backend.call('nextId')).nextId <= total) await new Promise((r) => setTimeout(r, 50));
    const { lastId } = await backend.call('pause');
    const anchor = await driver.call('finish', { endId: lastId, graceMs: 5_000 });
    if (anchor.open !== 1) notes.push('the anchor client lost its connection');

    const lastEventId = lastId - s.replayEvents;
    const runsMs: number[] = [];
    let firstEventMs = Number.NaN;
    let ok = true;
    for (let run = 0; run <= o.runs; run++) {
      progress.say(`replay ${run === 0 ? 'warm-up' : `run ${run}/${o.runs}`}: Last-Event-ID ${lastEventId}, expecting ids ${lastEventId + 1}..${lastId}`);
      const r = await driver.call('replay', { port: target.port, path: target.path, lastEventId, expect: s.replayEvents, timeoutMs: 10_000 });
      if (!r.ok) {
        ok = false;
        notes.push(`run ${run}: ${r.error ?? 'failed'} (received ${r.received}, first id ${r.firstId}, last id ${r.lastId})`);
        continue;
      }
      if (run === 0) continue;
      runsMs.push(r.ms);
      firstEventMs = Number.isNaN(firstEventMs) ? r.firstEventMs : Math.min(firstEventMs, r.firstEventMs);
    }
    const metrics = await target.metrics();
    const gaps = metrics?.reduce((n, m) => n + m.gaps, 0) ?? 0;
    if (gaps > 0) notes.push(`the gateway reported ${gaps} gap(s): Last-Event-ID older than its history`);
    notes.push(...target.notes);
    const sorted = [...runsMs].sort((a, b) => a - b);
    return {
      kind: 'replay',
      target: name,
      events: s.replayEvents,
      historyMaxEvents: o.historyMaxEvents,
      runsMs,
      medianMs: sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] as number) : Number.NaN,
      worstMs: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
      firstEventMs,
      ok: ok && runsMs.length === o.runs,
      notes,
    };
  });
}
