import type { ConnectResult } from './client-driver.ts';
import type { Progress } from './progress.ts';
import { startBackend, startDriver, startTarget, type Backend, type Driver, type RunningTarget, type TargetContext, type TargetName, type TargetOptions } from './targets.ts';

/**
 * One scenario × target run: backend, target and client drivers started fresh, and all of them
 * stopped (sockets closed, processes exited, temp dirs removed) before the next run starts.
 */
export interface Session {
  backend: Backend;
  target: RunningTarget;
  drivers: Driver[];
}

export interface SessionOptions {
  eventBytes: number;
  drivers: number;
  targetOptions?: TargetOptions;
}

export async function withSession<T>(name: TargetName, ctx: TargetContext, o: SessionOptions, run: (s: Session) => Promise<T>): Promise<T> {
  const backend = await startBackend(o.eventBytes);
  let target: RunningTarget | undefined;
  let drivers: Driver[] = [];
  try {
    target = await startTarget(name, backend, ctx, o.targetOptions);
    drivers = await Promise.all(Array.from({ length: o.drivers }, (_, i) => startDriver(i)));
    return await run({ backend, target, drivers });
  } finally {
    await Promise.all(drivers.map((d) => d.stop(30_000)));
    await target?.stop();
    await backend.stop(30_000);
  }
}

/** Opens `count` clients split over the drivers; reports progress while they connect. */
export async function connectClients(s: Session, count: number, progress: Progress): Promise<ConnectResult> {
  const shares = s.drivers.map((_, i) => Math.floor(count / s.drivers.length) + (i < count % s.drivers.length ? 1 : 0));
  const started = performance.now();
  const ticker = setInterval(() => {
    void Promise.all(s.drivers.map((d) => d.call('status'))).then(
      (all) => {
        const open = all.reduce((n, st) => n + st.open, 0);
        progress.say(`connecting: ${open.toLocaleString('en-US')}/${count.toLocaleString('en-US')} after ${((performance.now() - started) / 1000).toFixed(0)} s`);
      },
      () => {},
    );
  }, 2_000);
  try {
    const results = await Promise.all(
      s.drivers.map((d, i) => d.call('connect', { port: s.target.port, path: s.target.path, count: shares[i] as number, concurrency: 200 })),
    );
    return {
      connected: results.reduce((n, r) => n + r.connected, 0),
      failed: results.reduce((n, r) => n + r.failed, 0),
      errors: results.flatMap((r) => r.errors),
      ms: Math.max(...results.map((r) => r.ms)),
    };
  } finally {
    clearInterval(ticker);
  }
}
