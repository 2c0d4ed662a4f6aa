import { afterEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { Gateway } from './gateway.ts';
import { defaultRuntime, type ApiRuntime } from '../../shared/model/runtime.ts';
import { startOutageBackend, type OutageBackend } from '../../test/support/outage-backend.ts';
import { eventsourceClient, viewerClient, type SoakClient } from '../../bench/soak/soak-clients.ts';
import { tally } from '../../bench/soak/soak-stats.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { startScriptedBackend, sseHeaders, waitFor, waitForAsync, type ScriptedBackend } from '../../test/support/scripted-backend.ts';

/**
 * Replay by default: an API with no x-gateway block, a backend that ignores Last-Event-ID, and a
 * client that is its stream's only subscriber. The gateway keeps recording while the client is
 * away, so the reconnect gets exactly what it missed.
 */
let gateway: Gateway | undefined;
let backend: OutageBackend | undefined;
let scripted: ScriptedBackend | undefined;
const clients: SoakClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await gateway?.stop();
  await backend?.close();
  await scripted?.close();
  gateway = backend = scripted = undefined;
});

async function startGateway(endpoint: string, runtime: ApiRuntime = defaultRuntime(), historyBudgetBytes?: number): Promise<string> {
  gateway = new Gateway({ host: '127.0.0.1', port: 0, ...(historyBudgetBytes ? { historyBudgetBytes } : {}) });
  await gateway.start();
  gateway.deploy({ id: 'live', name: 'Live', basePath: '/live/1.0.0', endpoint, topics: [{ path: '/*' }], runtime });
  return `${gateway.url}/live/1.0.0`;
}

describe('replay with default settings', () => {
  it('a client that was its stream\'s only subscriber gets exactly the missed events after a drop, from a backend that ignores Last-Event-ID', async () => {
    backend = await startOutageBackend({ intervalMs: 10, honourLastEventId: false });
    const url = await startGateway(backend.url);
    // Each client alone on its stream; the `eventsource` package waits 3 s before reconnecting.
    clients.push(eventsourceClient(`${url}/a`), viewerClient(`${url}/b`));
    const paths = ['/a', '/b'];
    await waitForAsync(async () => (await Promise.all(clients.map((c) => c.ids()))).every((ids) => ids.length >= 10), '10 events each', 10_000);
    gateway!.dropSubscribers('live');
    const droppedAt = backend.current();
    const target = droppedAt + 400; // past the 3 s the eventsource package stays away
    await waitForAsync(async () => (await Promise.all(clients.map((c) => c.ids()))).every((ids) => (ids.at(-1) ?? 0) >= target), 'events well after the drop', 15_000);
    for (const [i, c] of clients.entries()) {
      const t = tally(await c.ids(), target, backend.deliveredTo(paths[i]!));
      expect({ kind: c.kind, lost: t.lostNeverReachedGateway + t.lostReachedGateway, duplicated: t.duplicated, outOfOrder: t.outOfOrder }).toEqual({ kind: c.kind, lost: 0, duplicated: 0, outOfOrder: 0 });
    }
    expect(gateway!.metrics.rows()[0]?.replayedEvents).toBeGreaterThan(200);
  });
});

describe('per-client mode seam', () => {
  it('a reconnect gets the events other lanes recorded while its own backend connection was being answered', async () => {
    // A backend that ignores Last-Event-ID and answers a reconnect (a request with Last-Event-ID) 400 ms late.
    let n = 0;
    const open = new Set<http.ServerResponse>();
    scripted = await startScriptedBackend((req, res) => {
      const start = () => {
        sseHeaders(res);
        open.add(res);
        res.on('close', () => open.delete(res));
      };
      if (req.headers['last-event-id'] !== undefined) setTimeout(start, 400);
      else start();
    });
    const timer = setInterval(() => {
      n++;
      for (const res of open) res.write(`id: ${n}\nevent: tick\ndata: ${n}\n\n`);
    }, 10);
    try {
      const url = await startGateway(scripted.url, { ...defaultRuntime(), upstream: 'per-client' });
      // Lane A stays connected and records every event into the shared history.
      const a = viewerClient(`${url}/x`);
      clients.push(a);
      await waitForAsync(async () => (await a.ids()).length >= 20, 'lane A running', 10_000);
      const from = (await a.ids())[5]!;
      // Lane B reconnects with an id the history has; its backend answers 400 ms later.
      const b = await readEvents(`${url}/x`, 80, { headers: { 'last-event-id': String(from) }, timeoutMs: 10_000 });
      const ids = b.events.map((e) => Number(e.id));
      const expected = Array.from({ length: ids.length }, (_, i) => from + 1 + i);
      expect(ids, 'every event after the Last-Event-ID, once, in order').toEqual(expected);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('replay memory limits', () => {
  it('all histories together stay under the budget; an evicted history is announced as a gap and counted', async () => {
    backend = await startOutageBackend({ intervalMs: 5, honourLastEventId: false, payload: (i) => `${i} ${'x'.repeat(1000)}` });
    const budget = 64 * 1024;
    const url = await startGateway(backend.url, defaultRuntime(), budget);
    // Stream 0: read a few events and leave (idle, its history kept while it lingers).
    const first = await readEvents(`${url}/s0`, 3);
    const lastSeen = first.events.at(-1)!.id!;
    // Busy streams fill the budget: the idle history goes first.
    const busy = [1, 2, 3].map((i) => viewerClient(`${url}/s${i}`));
    clients.push(...busy);
    await waitFor(() => gateway!.streams.budget.evictedStreams >= 1, 'an idle history evicted', 10_000);
    await waitForAsync(async () => (await busy[0]!.ids()).length > 200, 'busy streams running', 10_000);
    expect(gateway!.streams.budget.usedBytes).toBeLessThanOrEqual(budget);

    const back = await readEvents(`${url}/s0`, 1, { headers: { 'last-event-id': lastSeen } });
    expect(back.raw).toMatch(/^: gap: the gateway's replay history for this stream was evicted under memory pressure/m);
    expect(gateway!.metrics.rows()[0]?.gaps).toBeGreaterThanOrEqual(1);
    const metrics = await (await fetch(`${gateway!.url}/_studio/metrics`)).text();
    expect(metrics).toMatch(/^sse_gateway_replay_history_bytes \d+$/m);
    expect(Number(/^sse_gateway_replay_history_bytes (\d+)$/m.exec(metrics)?.[1])).toBeLessThanOrEqual(budget);
    expect(metrics).toMatch(/^sse_gateway_histories_evicted_total [1-9]\d*$/m);
  });

  it('at most maxStreams distinct upstream keys per API: the least recently used idle one makes room, busy ones refuse with 503', async () => {
    backend = await startOutageBackend({ intervalMs: 10, honourLastEventId: false });
    const url = await startGateway(backend.url, { ...defaultRuntime(), maxStreams: 2 });
    const a = viewerClient(`${url}/a`);
    const b = viewerClient(`${url}/b`);
    clients.push(a, b);
    await waitForAsync(async () => (await a.ids()).length > 0 && (await b.ids()).length > 0, 'two busy streams', 10_000);
    const refused = await fetch(`${url}/c`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.text()).toMatch(/maxStreams/);
    await clients.splice(1, 1)[0]!.close();
    await waitFor(() => gateway!.metrics.rows()[0]?.connectionsOpen === 1, 'stream b idle');
    const c = await readEvents(`${url}/c`, 2);
    expect(c.status).toBe(200);
  });
});
