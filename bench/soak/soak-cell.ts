import type { Browser } from '@playwright/test';
import { Gateway } from '../../electron/gateway/gateway.ts';
import { defaultRuntime, type ApiRuntime } from '../../shared/model/runtime.ts';
import { startOutageBackend, type OutageBackend } from '../../test/support/outage-backend.ts';
import { chromiumClient, eventsourceClient, viewerClient, type ClientKind, type SoakClient } from './soak-clients.ts';
import { tally, type ClientTally } from './soak-stats.ts';

/**
 * One soak cell: a live backend (ignoring or honouring Last-Event-ID), the real gateway with the
 * given settings, one subscriber of each kind (each the only subscriber of its stream), and a series
 * of forced drops of one kind. Only 127.0.0.1 is used.
 */
export type DropKind = 'client' | 'gateway' | 'backend-drop' | 'backend-restart' | 'outage';
export const DROP_KINDS: readonly DropKind[] = ['client', 'gateway', 'backend-drop', 'backend-restart', 'outage'];
export type Settings = 'default' | 'per-client';
export type BackendKind = 'ignores' | 'honours';

export interface CellSpec {
  settings: Settings;
  backend: BackendKind;
  drop: DropKind;
  drops: number;
  clients: readonly ClientKind[];
  /** Backend event interval (10 ms = 100 events/s). */
  intervalMs?: number;
  /** How long the backend stays down in an outage drop. */
  outageMs?: number;
  /** Extra quiet time after each recovery. */
  settleMs?: number;
  browser?: Browser;
}

export interface ClientRow extends ClientTally {
  kind: ClientKind;
  gaveUp: boolean;
  /** `: gap:` notices the client saw (the viewer only). */
  gapNotices: number;
}

export interface CellResult {
  spec: Omit<CellSpec, 'browser'>;
  rows: ClientRow[];
  /** The gateway's gaps counter for the cell's topic. */
  gatewayGaps: number;
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(25);
  }
  return false;
}

function runtimeFor(settings: Settings): ApiRuntime {
  // `default` is an API with no x-gateway block at all.
  return settings === 'default' ? defaultRuntime() : { ...defaultRuntime(), upstream: 'per-client' };
}

async function dropOnce(kind: DropKind, backend: OutageBackend, gateway: Gateway, clients: SoakClient[], outageMs: number): Promise<void> {
  switch (kind) {
    case 'client':
      await Promise.all(clients.map((c) => c.drop()));
      return;
    case 'gateway':
      gateway.dropSubscribers('soak');
      return;
    case 'backend-drop':
      backend.dropAll();
      return;
    case 'backend-restart':
      await backend.down();
      await backend.up();
      return;
    case 'outage':
      await backend.down();
      gateway.dropSubscribers('soak');
      await sleep(outageMs);
      await backend.up();
      return;
  }
}

export async function runCell(spec: CellSpec): Promise<CellResult> {
  const started = Date.now();
  const intervalMs = spec.intervalMs ?? 10;
  const backend = await startOutageBackend({ intervalMs, honourLastEventId: spec.backend === 'honours' });
  const gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  const gatewayUrl = gateway.url as string;
  gateway.deploy({ id: 'soak', name: 'Soak', basePath: '/soak/1.0.0', endpoint: backend.url, topics: [{ path: '/*' }], runtime: runtimeFor(spec.settings) });
  const clients: SoakClient[] = [];
  try {
    for (const kind of spec.clients) {
      const url = `${gatewayUrl}/soak/1.0.0/ticks/${kind}`;
      if (kind === 'chromium') {
        if (!spec.browser) throw new Error('a chromium client needs a browser');
        clients.push(await chromiumClient(spec.browser, gatewayUrl, url));
      } else clients.push(kind === 'eventsource' ? eventsourceClient(url) : viewerClient(url));
    }
    const latest = async (c: SoakClient) => (await c.ids()).at(-1) ?? 0;
    const allPast = async (id: number) => (await Promise.all(clients.map(latest))).every((l) => l > id);
    await until(async () => (await Promise.all(clients.map(async (c) => (await c.ids()).length))).every((n) => n >= 5), 20_000);

    for (let i = 0; i < spec.drops; i++) {
      await dropOnce(spec.drop, backend, gateway, clients, spec.outageMs ?? 1500);
      const at = backend.current();
      // Recovered: every client has an event produced after the drop (a client that gave up never will).
      await until(() => allPast(at + 5), 15_000);
      await sleep(spec.settleMs ?? 100);
    }

    const target = backend.current();
    await until(() => allPast(target), 15_000);
    const rows: ClientRow[] = [];
    for (const c of clients) {
      const ids = await c.ids();
      rows.push({ kind: c.kind, ...tally(ids, target, backend.deliveredTo(`/ticks/${c.kind}`)), gaveUp: await c.gaveUp(), gapNotices: c.gaps().length });
    }
    const gatewayGaps = gateway.metrics.rows().filter((r) => r.apiId === 'soak').reduce((sum, r) => sum + r.gaps, 0);
    const { browser: _browser, ...plain } = spec;
    return { spec: plain, rows, gatewayGaps, seconds: (Date.now() - started) / 1000 };
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await gateway.stop();
    await backend.close();
  }
}
