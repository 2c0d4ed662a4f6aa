import { count, createHistogram, max, merge, quantile } from './histogram.ts';
import { cpuDelta, cpuSnapshot, machineBusyMicros, sumMemory, writesDelta } from './proc-stats.ts';
import { sleep, type Progress } from './progress.ts';
import type { StreamResult } from './results.ts';
import type { Scenario } from './scenarios.ts';
import { connectClients, withSession, type Session } from './session.ts';
import type { TargetContext, TargetName } from './targets.ts';

/**
 * A live stream through one target: connect, warm up, then a measurement window. Throughput and
 * CPU are taken over the same wall-clock window; gaps and latency over the ids the backend sent
 * from the window's first id until it was paused at the end (the clients then get a grace period
 * to receive what is still in flight).
 *
 * The machine may be shared: CPU used by processes outside the bench is measured too, and a window
 * where it exceeded `maxNoisePct` is measured again (up to `attempts` windows; the quietest is kept).
 */
export interface StreamTiming {
  warmupSeconds: number;
  durationSeconds: number;
  eventBytes: number;
  maxNoisePct: number;
  attempts: number;
}

type Measured = Omit<StreamResult, 'kind' | 'target' | 'clients' | 'connected' | 'rate' | 'offeredPerSec' | 'peakRssMb' | 'gatewayFanOutP50Us' | 'gatewayFanOutP99Us' | 'notes' | 'attempts'> & {
  notes: string[];
};

export async function runStream(s: Scenario, name: TargetName, ctx: TargetContext, t: StreamTiming, progress: Progress): Promise<StreamResult> {
  return withSession(name, ctx, { eventBytes: t.eventBytes, drivers: s.drivers, targetOptions: { label: s.name } }, async (session) => {
    const { backend, target } = session;
    const notes: string[] = [];
    progress.say(`connecting ${s.clients.toLocaleString('en-US')} clients to ${name} (127.0.0.1:${target.port})`);
    const connect = await connectClients(session, s.clients, progress);
    if (connect.failed > 0) notes.push(`${connect.failed} clients failed to connect: ${connect.errors.join('; ')}`);

    let best: Measured | undefined;
    let attempts = 0;
    const noises: number[] = [];
    while (attempts < t.attempts) {
      attempts++;
      await backend.call('setRate', { rate: s.rate });
      await progress.countdown(`${s.name} · ${name}: warm-up`, attempts === 1 ? t.warmupSeconds : 1);
      const m = await measureWindow(s, name, session, t, progress);
      noises.push(m.otherCpuPct);
      // Correctness counts from every window, not only the one kept.
      if (t.attempts > 1 && (m.disconnected > 0 || m.gaps > 0)) notes.push(`window ${attempts}: ${m.gaps} gaps, ${m.disconnected} clients disconnected`);
      if (!best || m.otherCpuPct < best.otherCpuPct) best = m;
      if (m.otherCpuPct <= t.maxNoisePct) break;
      if (attempts < t.attempts) progress.say(`other processes used ${m.otherCpuPct.toFixed(0)} % CPU during the window (limit ${t.maxNoisePct} %): measuring again`);
    }
    if (!best) throw new Error('no measurement window');
    if (attempts > 1) notes.push(`noisy machine: ${attempts} windows measured (other processes' CPU ${noises.map((n) => `${n.toFixed(0)} %`).join(', ')}); the quietest is shown`);
    if (best.otherCpuPct > t.maxNoisePct) notes.push(`other processes used ${best.otherCpuPct.toFixed(0)} % CPU during the window: latency and CPU numbers are disturbed`);

    const metrics = await target.metrics();
    const drops = metrics?.reduce((n, r) => n + r.slowSubscriberDrops, 0) ?? 0;
    const own = metrics?.[0];
    if (drops > 0) notes.push(`gateway dropped ${drops} slow subscribers`);
    notes.push(...best.notes, ...target.notes);
    return {
      ...best,
      kind: 'stream',
      target: name,
      clients: s.clients,
      connected: connect.connected,
      rate: s.rate,
      offeredPerSec: s.clients * s.rate,
      peakRssMb: sumMemory(target.proxyPids).hwmKb / 1024,
      gatewayFanOutP50Us: own?.addedLatencyP50Micros ?? Number.NaN,
      gatewayFanOutP99Us: own?.addedLatencyP99Micros ?? Number.NaN,
      attempts,
      notes,
    };
  });
}

async function measureWindow(s: Scenario, name: TargetName, session: Session, t: StreamTiming, progress: Progress): Promise<Measured> {
  const { backend, target, drivers } = session;
  const notes: string[] = [];
  // The window starts at an id the backend has not sent yet, so every driver knows it in time.
  const ahead = Math.max(1, Math.ceil(s.rate * 0.2));
  const { nextId } = await backend.call('nextId');
  const startId = nextId + ahead;
  await Promise.all(drivers.map((d) => d.call('window', { startId })));
  await sleep(250);

  await backend.call('resetStats');
  const driverPids = drivers.map((d) => d.pid);
  const all = [...target.proxyPids, backend.pid, ...driverPids, process.pid];
  const busyBefore = machineBusyMicros();
  const before = cpuSnapshot(all);
  await Promise.all(drivers.map((d) => d.call('measureStart')));
  await progress.countdown(`${s.name} · ${name}: measuring`, t.durationSeconds);
  const timed = await Promise.all(drivers.map((d) => d.call('measureStop')));
  const after = cpuSnapshot(all);
  const busyAfter = machineBusyMicros();
  const { lastId: endId } = await backend.call('pause');
  const backendStats = await backend.call('stats');

  const windows = await Promise.all(drivers.map((d) => d.call('finish', { endId, graceMs: 5_000 })));
  const histogram = createHistogram();
  for (const w of windows) merge(histogram, w.histogram);
  const events = timed.reduce((n, m) => n + m.events, 0);
  const elapsedMs = Math.max(...timed.map((m) => m.elapsedMs));
  const windowUs = (after.at - before.at) * 1000;
  const proxyCpu = cpuDelta(before, after, target.proxyPids);
  const sum = <K extends 'missing' | 'outOfOrder' | 'clientsWithGaps' | 'disconnected' | 'unreadable'>(k: K) => windows.reduce((n, w) => n + w[k], 0);
  if (sum('unreadable') > 0) notes.push(`${sum('unreadable')} events could not be read (no id or timestamp)`);
  if (count(histogram) === 0) notes.push('no event reached the clients in the window');
  return {
    deliveredPerSec: events / (elapsedMs / 1000),
    events,
    windowSeconds: elapsedMs / 1000,
    p50Ms: quantile(histogram, 0.5) / 1000,
    p99Ms: quantile(histogram, 0.99) / 1000,
    maxMs: max(histogram) / 1000,
    gaps: sum('missing') + sum('outOfOrder'),
    missing: sum('missing'),
    outOfOrder: sum('outOfOrder'),
    clientsWithGaps: sum('clientsWithGaps'),
    disconnected: sum('disconnected'),
    proxyCpuUsPerEvent: events > 0 ? proxyCpu / events : Number.NaN,
    proxyCpuPct: (proxyCpu / windowUs) * 100,
    proxyWritesPerEvent: events > 0 ? writesDelta(before, after, target.proxyPids) / events : Number.NaN,
    backendCpuPct: (cpuDelta(before, after, [backend.pid]) / windowUs) * 100,
    driverCpuPct: (cpuDelta(before, after, driverPids) / windowUs) * 100,
    backendMaxBacklogKb: backendStats.maxBacklogBytes / 1024,
    otherCpuPct: (Math.max(0, busyAfter - busyBefore - cpuDelta(before, after, all)) / windowUs) * 100,
    notes,
  };
}
