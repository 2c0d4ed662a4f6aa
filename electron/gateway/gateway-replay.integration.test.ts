import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { Gateway } from './gateway.ts';
import { defaultRuntime, type ApiRuntime } from '../../shared/model/runtime.ts';
import { startLiveBackend, type LiveBackend } from '../../test/support/live-backend.ts';
import { startScriptedBackend, sseHeaders, sleep, waitFor, type ScriptedBackend } from '../../test/support/scripted-backend.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { readRaw } from '../../test/support/raw-client.ts';

let gateway: Gateway;
let gatewayUrl: string;
let live: LiveBackend | undefined;
let scripted: ScriptedBackend | undefined;

beforeEach(async () => {
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  gatewayUrl = gateway.url!;
});
afterEach(async () => {
  await gateway.stop();
  await live?.close();
  await scripted?.close();
  live = scripted = undefined;
});

function deploy(endpoint: string, runtime: Partial<ApiRuntime>): void {
  gateway.deploy({ id: 'feed.yaml', name: 'Feed', basePath: '/feed/1.0.0', endpoint, topics: [{ path: '/*' }], runtime: { ...defaultRuntime(), ...runtime } });
}
const STREAM = () => `${gatewayUrl}/feed/1.0.0/ticks`;
const counters = () => gateway.metrics.rows()[0]!;
const ids = (events: Array<{ id?: string }>) => events.map((e) => Number(e.id));
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('Last-Event-ID replay', () => {
  it('shared mode: a client that reconnects gets exactly the events it missed, then live ones — from a backend that ignores Last-Event-ID', async () => {
    live = await startLiveBackend({ intervalMs: 5, honourLastEventId: false });
    deploy(live.url, { upstream: 'shared', lingerSeconds: 5 });
    const first = await readEvents(STREAM(), 10);
    const lastSeen = first.events.at(-1)!.id!;
    await waitFor(() => live!.current() >= Number(lastSeen) + 10, '10 events while the client is away');
    const second = await readEvents(STREAM(), 40, { headers: { 'last-event-id': lastSeen } });
    // readEvents stops at the chunk that completes the count; that chunk may carry more events.
    const all = [...ids(first.events), ...ids(second.events)];
    expect(all).toEqual(range(all[0]!, all.length));
    expect(all.length).toBeGreaterThanOrEqual(50);
    expect(counters()).toMatchObject({ replays: 1, gaps: 0 });
    expect(counters().replayedEvents).toBeGreaterThanOrEqual(10);
    expect(live.requests).toHaveLength(1); // one upstream connection served both sessions
  });

  it('per-client mode: the replay comes from events another client received, the rest from the backend', async () => {
    live = await startLiveBackend({ intervalMs: 5, honourLastEventId: true });
    deploy(live.url, { upstream: 'per-client' });
    const watcher = readEvents(STREAM(), 60); // keeps recording into the history
    const first = await readEvents(STREAM(), 5);
    await sleep(60);
    const second = await readEvents(STREAM(), 20, { headers: { 'last-event-id': first.events.at(-1)!.id! } });
    await watcher;
    const all = [...ids(first.events), ...ids(second.events)];
    expect(all).toEqual(range(all[0]!, all.length));
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(counters().replays).toBe(1);
    // The backend was asked to resume after the last replayed event, not after the client's id.
    const resumeFrom = Number(live.requests.at(-1)!.headers['last-event-id']);
    expect(resumeFrom).toBeGreaterThan(Number(first.events.at(-1)!.id));
  });

  it('marks a gap (comment + metric) when the id is older than the history, and passes it upstream in per-client mode', async () => {
    live = await startLiveBackend({ intervalMs: 2, honourLastEventId: true });
    deploy(live.url, { upstream: 'per-client', replay: { maxEvents: 5, maxAgeSeconds: 60 } });
    await readEvents(STREAM(), 30);
    const raw = await readRaw(STREAM(), (b) => b.toString().includes('id: '), { headers: { 'last-event-id': '1' } });
    expect(raw.body.toString()).toMatch(/^: gap: Last-Event-ID 1 is older than the gateway's replay history/m);
    expect(counters().gaps).toBe(1);
    expect(live.requests.at(-1)!.headers['last-event-id']).toBe('1');
  });
});

describe('backend drops', () => {
  it.each(['shared', 'per-client'] as const)('%s mode, reconnect-upstream: the client stays connected and gets every event once, even when the backend ignores Last-Event-ID', async (upstream) => {
    live = await startLiveBackend({ intervalMs: 5, honourLastEventId: false });
    deploy(live.url, { upstream, onBackendDrop: 'reconnect-upstream' });
    const seen: number[] = [];
    const reading = readEvents(STREAM(), 60, { onEvent: (e) => seen.push(Number(e.id)) });
    await waitFor(() => seen.length >= 10, '10 events');
    live.dropAll();
    const { events } = await reading;
    // Ignoring Last-Event-ID, the backend resumes at its live position: no duplicates, no reordering,
    // and the hole left by the backend is the backend's (the gateway never saw those events).
    const got = ids(events);
    expect(new Set(got).size).toBe(got.length);
    expect([...got].sort((a, b) => a - b)).toEqual(got);
    expect(live.requests).toHaveLength(2);
    // The gateway resumed with the last id it had delivered.
    expect(got).toContain(Number(live.requests[1]!.headers['last-event-id']));
  });

  it('reconnect-upstream with a backend that honours Last-Event-ID: nothing lost, nothing doubled, one client connection', async () => {
    live = await startLiveBackend({ intervalMs: 5, honourLastEventId: true });
    deploy(live.url, { upstream: 'shared', onBackendDrop: 'reconnect-upstream' });
    let received = 0;
    const { events } = await readEvents(STREAM(), 60, {
      onEvent: () => {
        if (++received === 10) setTimeout(() => live!.dropAll(), 20);
      },
    });
    const got = ids(events);
    expect(got).toEqual(range(got[0]!, got.length));
    expect(counters().upstreamConnects).toBe(2);
  });

  it('close-client: the client stream ends so the client reconnects by itself', async () => {
    live = await startLiveBackend({ intervalMs: 5, honourLastEventId: false });
    deploy(live.url, { onBackendDrop: 'close-client' });
    const reading = readRaw(STREAM(), () => false, { timeoutMs: 3000 });
    await waitFor(() => live!.requests.length === 1, 'the upstream');
    await sleep(30);
    live.dropAll();
    const { body } = await reading; // resolves on end
    expect(body.toString()).toMatch(/id: \d+/);
  });
});

describe('stream options', () => {
  it('sends the server-controlled retry first, and heartbeats on an idle stream', async () => {
    scripted = await startScriptedBackend((_req, res) => sseHeaders(res)); // never sends anything
    deploy(scripted.url, { retryMs: 2500, heartbeatSeconds: 1 });
    const started = Date.now();
    const { body } = await readRaw(STREAM(), (b) => b.toString().includes(':\n\n'), { timeoutMs: 4000 });
    expect(body.toString()).toBe('retry: 2500\n\n:\n\n');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("the gateway's retry wins over the backend's when set", async () => {
    scripted = await startScriptedBackend((_req, res) => {
      sseHeaders(res);
      res.write('retry: 10\n\nid: 1\ndata: x\n\n');
    });
    deploy(scripted.url, { retryMs: 3000 });
    const { body } = await readRaw(STREAM(), (b) => b.toString().includes('data: x'));
    expect(body.toString()).toBe('retry: 3000\n\nid: 1\ndata: x\n\n');
  });

  it('drops an event over maxEventBytes with a comment, and streams on', async () => {
    scripted = await startScriptedBackend((_req, res) => {
      sseHeaders(res);
      res.write(`id: 1\ndata: small\n\nid: 2\ndata: ${'x'.repeat(5000)}\n\nid: 3\ndata: after\n\n`);
    });
    deploy(scripted.url, { maxEventBytes: 1024 });
    const { body } = await readRaw(STREAM(), (b) => b.toString().includes('after'));
    expect(body.toString()).toBe('id: 1\ndata: small\n\n: gateway dropped an event of 5014 bytes (over maxEventBytes 1024)\n\nid: 3\ndata: after\n\n');
    expect(counters().oversizeEventsDropped).toBe(1);
  });
});

describe('slow subscribers', () => {
  it('shared mode: a subscriber that stops reading is disconnected; the others get every event', async () => {
    const payload = 'z'.repeat(4000);
    live = await startLiveBackend({ intervalMs: 1, honourLastEventId: false, payload: () => JSON.stringify(payload) });
    deploy(live.url, { upstream: 'shared', subscriberQueueEvents: 50 });
    // A reader that never reads: pause its socket right away.
    const stalled = await new Promise<http.IncomingMessage>((resolve) => http.get(STREAM(), (res) => { res.pause(); resolve(res); }));
    const fast = await readEvents(STREAM(), 1500, { timeoutMs: 20_000 });
    const got = ids(fast.events);
    expect(got).toEqual(range(got[0]!, got.length));
    expect(got.length).toBeGreaterThanOrEqual(1500);
    await waitFor(() => counters().slowSubscriberDrops === 1, 'the slow subscriber to be dropped', 5000);
    stalled.destroy();
  });
});

describe('a backend that restarts its numbering', () => {
  it.each(['shared', 'per-client'] as const)('%s mode: after the backend comes back with ids from 1 again, the new events are delivered, not taken for resends', async (upstream) => {
    let generation = 0;
    scripted = await startScriptedBackend((_req, res) => {
      sseHeaders(res);
      generation++;
      const g = generation;
      for (let n = 1; n <= 5; n++) res.write(`id: ${n}\ndata: generation ${g} event ${n}\n\n`);
      if (g === 1) setTimeout(() => res.destroy(), 20);
    });
    deploy(scripted.url, { upstream, onBackendDrop: 'reconnect-upstream' });
    const { events } = await readEvents(STREAM(), 10);
    expect(events.map((e) => e.data)).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => `generation 1 event ${n}`),
      ...[1, 2, 3, 4, 5].map((n) => `generation 2 event ${n}`),
    ]);
  });
});
