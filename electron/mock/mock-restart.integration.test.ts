import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventSource } from 'eventsource';
import { MockBackend } from './mock-backend.ts';
import { openProbe } from './testing/sse-probe.ts';

// Restarting the whole backend: listener closed and every connection cut, connection refused for
// the down time, then the same port again, and the streams (with their history) still there.

let mock: MockBackend;
let url: string;
beforeEach(async () => {
  mock = new MockBackend({ host: '127.0.0.1', port: 0 });
  url = await mock.start();
  mock.setApis([{ id: 'a', name: 'A', endpoint: url, topics: [{ path: '/ticks' }], mock: { '/ticks': { scenario: 'counter', rate: 20, retryMs: 100 } } }]);
});
afterEach(() => mock.stop());

const refused = async () => {
  try {
    await fetch(`${url}/ticks`);
    return false;
  } catch (err) {
    return ((err as { cause?: { code?: string } }).cause?.code ?? '') === 'ECONNREFUSED';
  }
};

describe('restart the backend for N seconds', () => {
  it('cuts connections, refuses new ones for ~N s, then serves again and resumes from Last-Event-ID', async () => {
    const p = await openProbe(`${url}/ticks`);
    await p.waitForEvents(3);
    const started = Date.now();
    expect(await mock.faults.trigger({}, { type: 'restart', downMs: 1000 })).toEqual({ ok: true, value: { action: 'restart', affected: 1 } });
    expect(await p.ended).toBe('cut');
    const lastSeen = Number(p.events.at(-1)!.id);
    expect(await refused()).toBe(true);
    expect(mock.status()).toMatchObject({ state: 'restarting', backAt: expect.any(Number) });
    expect(await mock.faults.trigger({}, { type: 'restart', downMs: 10 })).toMatchObject({ ok: false, error: { code: 'mock_not_listening' } });

    await expect.poll(refused, { timeout: 3000, interval: 50 }).toBe(false);
    const down = Date.now() - started;
    expect(down).toBeGreaterThanOrEqual(900);
    expect(down).toBeLessThan(2000);
    expect(mock.url).toBe(url);
    expect(mock.status().state).toBe('listening');

    const resumed = await openProbe(`${url}/ticks`, { headers: { 'last-event-id': String(lastSeen) } });
    const events = await resumed.waitForEvents(25, 5000);
    resumed.close();
    // The stream kept producing while the listener was down: the events missed come first, none skipped.
    expect(events.map((e) => Number(e.id))).toEqual(Array.from({ length: 25 }, (_, i) => lastSeen + 1 + i));
  });

  it('an EventSource rides it out: it retries (retry hint), reconnects with Last-Event-ID, no gap, no duplicate', async () => {
    const es = new EventSource(`${url}/ticks`);
    const seen: number[] = [];
    let errors = 0;
    es.onmessage = () => undefined;
    es.addEventListener('count', (e) => seen.push(Number((e as MessageEvent).lastEventId)));
    es.onerror = () => errors++;
    try {
      await expect.poll(() => seen.length, { timeout: 3000 }).toBeGreaterThanOrEqual(3);
      await mock.faults.trigger({}, { type: 'restart', downMs: 600 });
      const atRestart = seen.length;
      await expect.poll(() => seen.length, { timeout: 5000 }).toBeGreaterThanOrEqual(atRestart + 20);
      expect(errors).toBeGreaterThanOrEqual(2); // the cut, then at least one refused reconnect
      expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => seen[0]! + i));
    } finally {
      es.close();
    }
  });

  it('stop() during the down time leaves it stopped', async () => {
    await mock.faults.trigger({}, { type: 'restart', downMs: 200 });
    await mock.stop();
    await new Promise((r) => setTimeout(r, 400));
    expect(mock.status().state).toBe('stopped');
    expect(await refused()).toBe(true);
  });
});
