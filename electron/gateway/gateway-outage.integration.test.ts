import { afterEach, describe, expect, it } from 'vitest';
import { Gateway } from './gateway.ts';
import { defaultRuntime, type ApiRuntime } from '../../shared/model/runtime.ts';
import { startOutageBackend, type OutageBackend } from '../../test/support/outage-backend.ts';
import { eventsourceClient, viewerClient, type SoakClient } from '../../bench/soak/soak-clients.ts';
import { tally } from '../../bench/soak/soak-stats.ts';
import { sleep, waitForAsync } from '../../test/support/scripted-backend.ts';

/**
 * Backend outages through the real gateway with real clients (the `eventsource` package and the
 * viewer's subscriber, which follow the EventSource rules: one non-200 answer and they give up).
 */
let gateway: Gateway | undefined;
let backend: OutageBackend | undefined;
const clients: SoakClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await gateway?.stop();
  await backend?.close();
  gateway = undefined;
  backend = undefined;
});

async function setup(honourLastEventId: boolean, runtime: Partial<ApiRuntime> = {}): Promise<{ url: string; backend: OutageBackend; gateway: Gateway }> {
  backend = await startOutageBackend({ intervalMs: 10, honourLastEventId });
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  // No x-gateway block: the defaults are what is under test.
  gateway.deploy({ id: 'live', name: 'Live', basePath: '/live/1.0.0', endpoint: backend.url, topics: [{ path: '/*' }], runtime: { ...defaultRuntime(), ...runtime } });
  return { url: `${gateway.url}/live/1.0.0`, backend, gateway };
}

const gapsMetric = (g: Gateway) => g.metrics.rows().reduce((sum, r) => sum + r.gaps, 0);

/** Once every client has 10 events: the backend down for ms while the gateway drops its clients, then up; returns the id (50 past the return) every client has since reached. */
async function outageWhileStreaming(b: OutageBackend, g: Gateway, ms: number): Promise<number> {
  await waitForAsync(async () => (await Promise.all(clients.map((c) => c.ids()))).every((ids) => ids.length >= 10), '10 events each', 10_000);
  await b.down();
  g.dropSubscribers('live');
  await sleep(ms);
  await b.up();
  const target = b.current() + 50;
  await waitForAsync(async () => (await Promise.all(clients.map((c) => c.ids()))).every((ids) => (ids.at(-1) ?? 0) >= target), 'events after the outage', 15_000);
  return target;
}

describe('a backend outage while the gateway drops its clients', () => {
  it('keeps every client: after 1.5 s down, with a backend that honours Last-Event-ID, nothing is lost', async () => {
    const { url, backend: b, gateway: g } = await setup(true);
    clients.push(eventsourceClient(`${url}/a`), viewerClient(`${url}/b`));
    const paths = ['/a', '/b'];
    const target = await outageWhileStreaming(b, g, 1500);

    for (const [i, c] of clients.entries()) {
      expect(await c.gaveUp(), `${c.kind} still reconnecting`).toBe(false);
      const t = tally(await c.ids(), target, b.deliveredTo(paths[i]!));
      expect({ kind: c.kind, lost: t.lostNeverReachedGateway + t.lostReachedGateway, duplicated: t.duplicated, outOfOrder: t.outOfOrder }).toEqual({ kind: c.kind, lost: 0, duplicated: 0, outOfOrder: 0 });
    }
  });

  it('with a backend that ignores Last-Event-ID, each hole is announced (": gap:", lost at the source) and counted', async () => {
    const { url, backend: b, gateway: g } = await setup(false);
    const viewer = viewerClient(`${url}/v`);
    clients.push(viewer, eventsourceClient(`${url}/e`));
    const paths = ['/v', '/e'];
    const target = await outageWhileStreaming(b, g, 1500);

    for (const [i, c] of clients.entries()) {
      expect(await c.gaveUp(), `${c.kind} still reconnecting`).toBe(false);
      const t = tally(await c.ids(), target, b.deliveredTo(paths[i]!));
      expect(t.lostNeverReachedGateway, 'the events produced while the backend was down are gone').toBeGreaterThan(50);
      expect(t.lostReachedGateway, 'but nothing the gateway received').toBe(0);
    }
    expect(viewer.gaps().length).toBe(1);
    expect(viewer.gaps()[0]).toMatch(/lost at the source \(backend did not resume\)/);
    // One hole per stream (two streams: /v and /e).
    expect(gapsMetric(g)).toBe(2);
  });
});

describe('outage answers', () => {
  it('a reconnect (Last-Event-ID) while the backend is unreachable gets 200, a retry hint, the reason and its replay', async () => {
    const { url, backend: b } = await setup(true);
    clients.push(eventsourceClient(`${url}/x`));
    await waitForAsync(async () => (await clients[0]!.ids()).length >= 5, '5 events', 10_000);
    const seen = await clients[0]!.ids();
    await b.down();
    // The gateway has noticed (it is already trying to reconnect).
    await waitForAsync(async () => (gateway!.metrics.rows()[0]?.upstreamConnects ?? 0) >= 2, 'a reconnect attempt', 5000);
    const res = await fetch(`${url}/x`, { headers: { 'last-event-id': String(seen[0]) } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes(`id: ${seen[4]}\n`)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toMatch(/^retry: \d+\n\n: the backend has been unreachable for \d+ s; the gateway holds this stream open and reconnects\n\n/);
    expect(text).toContain(`id: ${seen[1]}\n`);
  });

  it('a first connection (no Last-Event-ID) to a backend that never answered gets 502 with the reason', async () => {
    const { url, backend: b } = await setup(true);
    await b.down();
    const res = await fetch(`${url}/fresh`);
    expect(res.status).toBe(502);
    expect(await res.text()).toMatch(/Bad gateway: the backend .* refused the connection/);
  });

  it('5xx is an outage (held open), a deliberate 401 passes through', async () => {
    const { url, backend: b } = await setup(true);
    b.answerWith(503);
    const held = await fetch(`${url}/s`, { headers: { 'last-event-id': '1' } });
    expect(held.status).toBe(200);
    await held.body!.cancel();
    b.answerWith(401);
    const refused = await fetch(`${url}/t`, { headers: { 'last-event-id': '1' } });
    expect(refused.status).toBe(401);
  });

  it('past outageSeconds the gateway ends the stream with the reason; the client reconnects by itself', async () => {
    const { url, backend: b } = await setup(true, { outageSeconds: 1 });
    const viewer = viewerClient(`${url}/w`);
    clients.push(viewer);
    await waitForAsync(async () => (await viewer.ids()).length >= 5, '5 events', 10_000);
    await b.down();
    const before = Date.now();
    // The viewer's connection ends (it then reconnects and is held again: nothing is final).
    let ended = false;
    const res = await fetch(`${url}/w2`, { headers: { 'last-event-id': '1' } });
    const reader = res.body!.getReader();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      text += new TextDecoder().decode(value);
    }
    expect(ended).toBe(true);
    expect(Date.now() - before).toBeGreaterThanOrEqual(900);
    expect(text).toMatch(/the backend has been unreachable for \d+ s \(outageSeconds 1\); the gateway ends this stream, reconnect to resume/);
    await b.up();
    const upAt = b.current();
    await waitForAsync(async () => ((await viewer.ids()).at(-1) ?? 0) > upAt, 'the viewer to stream again after its stream was ended', 10_000);
    expect(await viewer.gaveUp()).toBe(false);
  });
});
