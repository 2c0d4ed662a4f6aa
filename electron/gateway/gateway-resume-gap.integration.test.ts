import { afterEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { Gateway } from './gateway.ts';
import { defaultRuntime, type ApiRuntime } from '../../shared/model/runtime.ts';
import { startLiveBackend, type LiveBackend } from '../../test/support/live-backend.ts';
import { viewerClient, type SoakClient } from '../../bench/soak/soak-clients.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { sleep, sseHeaders, startScriptedBackend, waitForAsync, type ScriptedBackend } from '../../test/support/scripted-backend.ts';

/**
 * The `: gap:` check after an upstream reconnect must only speak when the backend really did not
 * resume: a backend that honours Last-Event-ID (also one that resends the Last-Event-ID event itself)
 * never gets a notice or a gap metric, in any upstream mode, with replay on or off; one that ignores
 * it still does. Real sockets, the viewer's subscriber (it sees comments).
 */
let gateway: Gateway | undefined;
let backend: LiveBackend | undefined;
let scripted: ScriptedBackend | undefined;
const clients: SoakClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await gateway?.stop();
  await backend?.close();
  await scripted?.close();
  gateway = backend = scripted = undefined;
});

const replayOff = { maxEvents: 0, maxAgeSeconds: 3600 };
const cells: Array<[string, Partial<ApiRuntime>]> = [
  ['shared, replay on', {}],
  ['shared, replay off', { replay: replayOff }],
  ['per-client, replay on', { upstream: 'per-client' }],
  ['per-client, replay off', { upstream: 'per-client', replay: replayOff }],
];
type Drop = 'backend' | 'gateway' | 'client';

async function startGateway(endpoint: string, runtime: Partial<ApiRuntime>): Promise<string> {
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  gateway.deploy({ id: 'live', name: 'Live', basePath: '/live/1.0.0', endpoint, topics: [{ path: '/*' }], runtime: { ...defaultRuntime(), ...runtime } });
  return `${gateway.url}/live/1.0.0`;
}

const gapsMetric = (g: Gateway) => g.metrics.rows().reduce((sum, r) => sum + r.gaps, 0);
/** Steps between received ids that are not +1 (a hole, a duplicate or a reordering). */
const breaks = (ids: number[]) => ids.filter((id, i) => i > 0 && id !== ids[i - 1]! + 1).length;

/** Three clients (by default each alone on its stream, so a replay-off stream has no legitimate hole), `rounds` drops. */
async function runDrops(b: LiveBackend, url: string, drop: Drop, rounds: number, paths = ['/a', '/b', '/c']): Promise<SoakClient[]> {
  const subs = paths.map((p) => viewerClient(`${url}${p}`));
  clients.push(...subs);
  const caughtUp = async (atLeast: number) => (await Promise.all(subs.map((c) => c.ids()))).every((ids) => (ids.at(-1) ?? 0) >= atLeast);
  for (let round = 0; round < rounds; round++) {
    await waitForAsync(() => caughtUp(Math.max(5, b.current() - 3)), `all clients live before drop ${round + 1}`, 15_000);
    if (drop === 'backend') b.dropAll(200);
    else if (drop === 'gateway') gateway!.dropSubscribers('live');
    else await Promise.all(subs.map((c) => c.drop()));
    await sleep(30);
  }
  const target = b.current() + 30;
  await waitForAsync(() => caughtUp(target), 'events after the last drop', 15_000);
  return subs;
}

describe.each(cells)('a backend that resumes correctly, %s: no gap notice, no gap metric', (_name, runtime) => {
  it.each<Drop>(['backend', 'gateway', 'client'])('exclusive resume (after the Last-Event-ID), %s drops', async (drop) => {
    backend = await startLiveBackend({ intervalMs: 10, honourLastEventId: true });
    const subs = await runDrops(backend, await startGateway(backend.url, runtime), drop, 3);
    for (const c of subs) {
      expect(c.gaps()).toEqual([]);
      expect(breaks(await c.ids()), 'every event once, in order').toBe(0);
    }
    expect(gapsMetric(gateway!)).toBe(0);
  });

  it.each<Drop>(['backend', 'gateway'])('inclusive resume (resends the Last-Event-ID event): the duplicate is dropped, %s drops', async (drop) => {
    backend = await startLiveBackend({ intervalMs: 10, honourLastEventId: true, resendLastEventId: true });
    const subs = await runDrops(backend, await startGateway(backend.url, runtime), drop, 3);
    for (const c of subs) {
      expect(c.gaps()).toEqual([]);
      expect(breaks(await c.ids()), 'every event once, in order').toBe(0);
    }
    expect(gapsMetric(gateway!)).toBe(0);
  });
});

describe.each(cells)('a backend that ignores Last-Event-ID, %s', (_name, runtime) => {
  it('still gets each hole announced (lost at the source) and counted', async () => {
    backend = await startLiveBackend({ intervalMs: 10, honourLastEventId: false });
    const subs = await runDrops(backend, await startGateway(backend.url, runtime), 'backend', 1);
    for (const c of subs) expect(c.gaps()).toEqual([expect.stringMatching(/events lost at the source \(backend did not resume\)/)]);
    expect(gapsMetric(gateway!)).toBe(3);
  });

  it('with three clients on one stream, each still hears of the hole (per-client: each lane counts its own)', async () => {
    backend = await startLiveBackend({ intervalMs: 10, honourLastEventId: false });
    const subs = await runDrops(backend, await startGateway(backend.url, runtime), 'backend', 1, ['/s', '/s', '/s']);
    for (const c of subs) expect(c.gaps()).toEqual([expect.stringMatching(/events lost at the source \(backend did not resume\)/)]);
    expect(gapsMetric(gateway!)).toBe(runtime.upstream === 'per-client' ? 3 : 1);
  });
});

describe('shared upstream without replay: reconnects to an idle stream', () => {
  it('a client whose Last-Event-ID is the one being sent upstream is not told of a gap while it waits for the backend', async () => {
    // Honours Last-Event-ID, answers such a request 300 ms late (the second client arrives meanwhile).
    let n = 0;
    const open = new Set<http.ServerResponse>();
    scripted = await startScriptedBackend((req, res) => {
      const from = Number(req.headers['last-event-id']);
      const start = () => {
        sseHeaders(res);
        for (let i = from + 1; i <= n; i++) res.write(`id: ${i}\nevent: tick\ndata: ${i}\n\n`);
        open.add(res);
        res.on('close', () => open.delete(res));
      };
      if (Number.isInteger(from)) setTimeout(start, 300);
      else start();
    });
    const timer = setInterval(() => {
      n++;
      for (const res of open) res.write(`id: ${n}\nevent: tick\ndata: ${n}\n\n`);
    }, 10);
    try {
      const url = await startGateway(scripted.url, { replay: replayOff });
      // The hub has seen events; the client leaves and, with replay off, the upstream closes at once.
      const first = await readEvents(`${url}/x`, 10);
      const last = first.events.at(-1)!.id!;
      await waitForAsync(async () => open.size === 0, 'the upstream closed', 5000);
      await sleep(100); // the backend moves on
      const [a, b] = await Promise.all([0, 1].map(() => readEvents(`${url}/x`, 20, { headers: { 'last-event-id': last } })));
      for (const r of [a!, b!]) {
        expect(r.raw).not.toMatch(/^: gap:/m);
        expect(r.events.slice(0, 20).map((e) => Number(e.id))).toEqual(Array.from({ length: 20 }, (_, i) => Number(last) + 1 + i));
      }
      expect(gapsMetric(gateway!)).toBe(0);
    } finally {
      clearInterval(timer);
    }
  });
});
