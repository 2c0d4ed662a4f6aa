import { sumMemory } from './proc-stats.ts';
import { sleep, type Progress } from './progress.ts';
import type { IdleResult } from './results.ts';
import type { Scenario } from './scenarios.ts';
import { connectClients, withSession } from './session.ts';
import type { TargetContext, TargetName } from './targets.ts';

/**
 * Memory per idle subscriber: (proxy RSS with N idle clients − RSS before they came) / N. The
 * gateway process gets a full GC before each reading so the numbers are what it retains, not
 * garbage not yet collected; nginx is summed over its workers.
 */
export interface IdleOptions {
  eventBytes: number;
  settleSeconds: number;
}

export async function runIdle(s: Scenario, name: TargetName, clients: number, ctx: TargetContext, o: IdleOptions, progress: Progress): Promise<IdleResult> {
  return withSession(name, ctx, { eventBytes: o.eventBytes, drivers: s.drivers, targetOptions: { label: s.name } }, async (session) => {
    const { backend, target } = session;
    const notes: string[] = [];
    await target.gc();
    await sleep(300);
    const before = sumMemory(target.proxyPids).rssKb;

    progress.say(`connecting ${clients.toLocaleString('en-US')} idle clients to ${name} (127.0.0.1:${target.port})`);
    const connect = await connectClients(session, clients, progress);
    if (connect.failed > 0) notes.push(`${connect.failed} clients failed to connect: ${connect.errors.join('; ')}`);
    await progress.countdown(`${s.name} · ${name}: settling`, o.settleSeconds);
    await target.gc();
    await sleep(300);
    const after = sumMemory(target.proxyPids).rssKb;
    const { connections } = await backend.call('stats');
    const open = (await Promise.all(session.drivers.map((d) => d.call('status')))).reduce((n, st) => n + st.open, 0);
    if (open !== connect.connected) notes.push(`${connect.connected - open} clients were disconnected while idle`);
    notes.push(...target.notes);

    return {
      kind: 'idle',
      target: name,
      clients,
      connected: connect.connected,
      rssBeforeMb: before / 1024,
      rssAfterMb: after / 1024,
      rssPerConnKb: connect.connected > 0 ? (after - before) / connect.connected : Number.NaN,
      peakRssMb: sumMemory(target.proxyPids).hwmKb / 1024,
      backendConnections: connections,
      connectSeconds: connect.ms / 1000,
      notes,
    };
  });
}
