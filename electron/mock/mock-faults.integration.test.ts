import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventSource } from 'eventsource';
import { MockBackend } from './mock-backend.ts';
import { openProbe, type SseProbe } from './testing/sse-probe.ts';
import { encodeSseMessage } from '../../shared/sse/encode.ts';
import { HUGE_EVENT_BYTES, type FaultPlan } from '../../shared/model/mock.ts';

// Every fault through a real socket, asserting what a correct client then sees.

let mock: MockBackend;
let url: string;
const probes: SseProbe[] = [];
const probe = async (path: string, headers?: Record<string, string>) => {
  const p = await openProbe(url + path, headers ? { headers } : {});
  probes.push(p);
  return p;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ids = (p: SseProbe) => p.events.map((e) => Number(e.id));
const consecutive = (list: number[]) => list.every((id, i) => i === 0 || id === list[i - 1]! + 1);

beforeEach(async () => {
  mock = new MockBackend({ host: '127.0.0.1', port: 0 });
  url = await mock.start();
});
afterEach(async () => {
  for (const p of probes.splice(0)) p.close();
  await mock.stop();
});

/** A plan on the built-in counter, whose data is its id: easy to check for gaps. */
const onCounter = (plan: FaultPlan) => expect(mock.faults.set({ topic: '/counter' }, plan)).toMatchObject({ ok: true });

describe('drops', () => {
  it('drop now: the connections in scope end, the others stay', async () => {
    const counter = await probe('/counter?rate=50');
    const clock = await probe('/clock?rate=50');
    await counter.waitForEvents(2);
    expect(await mock.faults.trigger({ topic: '/counter' }, { type: 'drop' })).toEqual({ ok: true, value: { action: 'drop', affected: 1 } });
    expect(await counter.ended).toBe('cut');
    const before = clock.events.length;
    await clock.waitForEvents(before + 2);
  });

  it('drop after 3 events: the client sees 3 events then the connection ends; resuming gets the next 3', async () => {
    onCounter({ drop: { afterEvents: 3 } });
    const first = await probe('/counter?rate=100');
    expect(await first.ended).toBe('cut');
    expect(ids(first)).toEqual([1, 2, 3]);
    const again = await probe('/counter?rate=100', { 'last-event-id': '3' });
    await again.ended;
    expect(ids(again)).toEqual([4, 5, 6]);
  });

  it('drop after N events, set in the document (x-mock.faults)', async () => {
    mock.setApis([{ id: 'a', name: 'A', endpoint: url, topics: [{ path: '/t' }], mock: { '/t': { rate: 100, scenario: 'counter', faults: { drop: { afterEvents: 2 } } } } }]);
    const p = await probe('/t');
    await p.ended;
    expect(ids(p)).toEqual([1, 2]);
    expect(mock.faults.list()).toEqual([{ scope: { apiId: 'a', topic: '/t' }, plan: { drop: { afterEvents: 2 } }, source: 'document' }]);
  });

  it('drop every T ms: each connection is cut T ms after it opened', async () => {
    onCounter({ drop: { everyMs: 300 } });
    const started = Date.now();
    const p = await probe('/counter?rate=100');
    await p.ended;
    const lived = Date.now() - started;
    expect(lived).toBeGreaterThanOrEqual(280);
    expect(lived).toBeLessThan(1000);
    expect(p.events.length).toBeGreaterThan(5);
    expect(consecutive(ids(p))).toBe(true);
  });

  it('drop with probability 1: the first event never arrives, the connection ends', async () => {
    onCounter({ drop: { probability: 1 } });
    const p = await probe('/counter?rate=100');
    expect(await p.ended).toBe('cut');
    expect(p.events).toEqual([]);
  });

  it('drop with probability p (seeded randomness): some events, then the end, never a gap', async () => {
    await mock.stop();
    let n = 0;
    mock = new MockBackend({ host: '127.0.0.1', port: 0, random: () => (++n === 5 ? 0.1 : 0.9) });
    url = await mock.start();
    onCounter({ drop: { probability: 0.5 } });
    const p = await probe('/counter?rate=100');
    await p.ended;
    expect(ids(p)).toEqual([1, 2, 3, 4]);
  });
});

describe('stalls', () => {
  it('stall for T ms after N events: silence, then the waiting events in order, none lost', async () => {
    onCounter({ stall: { afterEvents: 2, ms: 500 } });
    const p = await probe('/counter?rate=50');
    await p.waitForEvents(6, 3000);
    const [, second, third] = p.events;
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(450);
    expect(ids(p).slice(0, 6)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('stall until cleared: headers, then nothing (no heartbeat either) until clear, then everything', async () => {
    onCounter({ stall: {} });
    const p = await probe('/counter?rate=50');
    expect(p.status).toBe(200);
    await sleep(300);
    expect(p.raw().length).toBe(0);
    expect(mock.status().streams[0]?.faults.stalledConnections).toBe(1);
    expect(mock.faults.clear({ topic: '/counter' })).toEqual({ ok: true, value: { cleared: 1, released: 1 } });
    await p.waitForEvents(10);
    expect(ids(p).slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a live stall (trigger) on an open connection, for T ms', async () => {
    const p = await probe('/counter?rate=50');
    await p.waitForEvents(2);
    expect(await mock.faults.trigger({}, { type: 'stall', ms: 400 })).toMatchObject({ ok: true, value: { affected: 1 } });
    const at = p.events.length;
    await p.waitForEvents(at + 3, 3000);
    const gap = p.events[at]!.at - p.events[at - 1]!.at;
    expect(gap).toBeGreaterThanOrEqual(300);
    expect(consecutive(ids(p))).toBe(true);
  });
});

describe('latency, jitter, bandwidth', () => {
  it('latency: every event comes T ms late, the rate and the order stay', async () => {
    onCounter({ latency: { ms: 400 } });
    const p = await probe('/counter?rate=50');
    await p.waitForEvents(10, 3000);
    expect(p.events[0]!.at).toBeGreaterThanOrEqual(380);
    expect(p.events[9]!.at - p.events[0]!.at).toBeLessThan(400); // not 400 ms per event
    expect(ids(p).slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('jitter: delays vary but the events keep their order', async () => {
    onCounter({ latency: { ms: 60, jitterMs: 50 } });
    const p = await probe('/counter?rate=100');
    await p.waitForEvents(20, 3000);
    expect(consecutive(ids(p))).toBe(true);
  });

  it('bandwidth: bytes arrive at the cap, whatever the rate', async () => {
    onCounter({ bandwidth: { bytesPerSecond: 2000 } });
    const p = await probe('/counter?rate=500');
    await sleep(1000);
    const received = p.raw().length;
    expect(received).toBeGreaterThan(1200);
    expect(received).toBeLessThanOrEqual(2200);
    expect(consecutive(ids(p))).toBe(true);
  });
});

describe('answers that are not a stream', () => {
  it.each([500, 503])('status %i with a body', async (code) => {
    onCounter({ status: { code, body: 'down for maintenance' } });
    const res = await fetch(`${url}/counter`);
    expect(res.status).toBe(code);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('down for maintenance');
  });

  it('204: no content, and an EventSource stops for good', async () => {
    onCounter({ status: { code: 204 } });
    const res = await fetch(`${url}/counter`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const es = new EventSource(`${url}/counter`);
    const error = await new Promise<{ code?: number }>((resolve) => (es.onerror = (e) => resolve(e as { code?: number })));
    expect(error.code).toBe(204);
    expect(es.readyState).toBe(EventSource.CLOSED);
  });

  it('a wrong content type: the bytes are SSE, but an EventSource refuses the stream', async () => {
    onCounter({ contentType: 'application/json' });
    const p = await probe('/counter?rate=100');
    expect(p.headers['content-type']).toBe('application/json');
    await p.waitForEvents(1);
    const es = new EventSource(`${url}/counter`);
    const error = await new Promise<{ message?: string }>((resolve) => (es.onerror = (e) => resolve(e as { message?: string })));
    expect(error.message).toMatch(/Invalid content type/);
    expect(es.readyState).toBe(EventSource.CLOSED);
  });
});

describe('malformed frames (a correct client copes)', () => {
  it('bogus retry: the client ignores the field and keeps every event', async () => {
    onCounter({ malform: { kinds: ['bogus-retry'] } });
    const p = await probe('/counter?rate=100');
    await p.waitForEvents(3);
    expect(p.raw().toString()).toContain('retry: soon\n');
    expect(p.retries).toEqual([]);
    expect(p.events.slice(0, 3).map((e) => e.data)).toEqual(['1', '2', '3']);
  });

  it('missing blank line: two events arrive as one, with both data lines and the later id', async () => {
    onCounter({ malform: { kinds: ['missing-blank-line'], everyEvents: 2 } });
    const p = await probe('/counter?rate=100');
    await p.waitForEvents(3);
    expect(p.events.slice(0, 3).map((e) => [e.id, e.data])).toEqual([
      ['1', '1'],
      ['3', '2\n3'],
      ['5', '4\n5'],
    ]);
  });

  it('CR-only line ends: no LF on the wire, and eventsource-parser still parses the events', async () => {
    onCounter({ malform: { kinds: ['cr-line-ends'] } });
    const p = await probe('/counter?rate=100');
    await p.waitForEvents(5);
    expect(p.raw().includes(0x0a)).toBe(false);
    expect(p.events.slice(0, 5).map((e) => [e.event, e.id, e.data])).toEqual([1, 2, 3, 4, 5].map((n) => ['count', String(n), String(n)]));
  });

  it('BOM: the response starts with EF BB BF, and the first event still parses', async () => {
    onCounter({ malform: { kinds: ['bom'] } });
    const p = await probe('/counter?rate=100');
    await p.waitForEvents(2);
    expect([...p.raw().subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(p.events[0]).toMatchObject({ event: 'count', id: '1', data: '1' });
  });

  it('1 MiB event: it arrives whole, between normal ones', async () => {
    onCounter({ malform: { kinds: ['huge-event'], everyEvents: 3 } });
    const p = await probe('/counter?rate=20');
    await p.waitForEvents(4, 10_000);
    expect(p.events.slice(0, 4).map((e) => e.data.length)).toEqual([1, 1, HUGE_EVENT_BYTES, 1]);
    expect(ids(p).slice(0, 4)).toEqual([1, 2, 3, 4]);
  });

  it('invalid UTF-8: the bytes arrive exactly as sent; a client decodes them as U+FFFD', async () => {
    onCounter({ malform: { kinds: ['invalid-utf8'] } });
    const p = await probe('/counter?rate=100');
    await p.waitForEvents(3);
    const expected = Buffer.concat(
      [1, 2, 3].map((n) => {
        const frame = Buffer.from(encodeSseMessage({ event: 'count', id: String(n), data: String(n) }));
        const at = frame.indexOf('data: ') + 6;
        return Buffer.concat([frame.subarray(0, at), Buffer.from([0xff]), frame.subarray(at)]);
      }),
    );
    expect(p.raw().subarray(0, expected.length).equals(expected)).toBe(true);
    expect(p.events.slice(0, 3).map((e) => e.data)).toEqual(['\ufffd1', '\ufffd2', '\ufffd3']);
  });
});

describe('the fault controls', () => {
  it('scopes: a plan on one API leaves the built-in streams alone; clear() with no scope clears all', async () => {
    mock.setApis([{ id: 'a', name: 'A', endpoint: url, topics: [{ path: '/t' }], mock: { '/t': { rate: 100, scenario: 'counter' } } }]);
    mock.faults.set({ apiId: 'a' }, { drop: { afterEvents: 1 } });
    const api = await probe('/t');
    const builtIn = await probe('/counter?rate=100');
    await api.ended;
    expect(ids(api)).toEqual([1]);
    await builtIn.waitForEvents(3);
    expect(mock.faults.clear()).toMatchObject({ ok: true, value: { cleared: 1 } });
    expect(mock.faults.list()).toEqual([]);
  });

  it('a plan set on open connections applies at once, counting from then', async () => {
    const p = await probe('/counter?rate=10'); // 100 ms apart: no event is on the wire while the plan is set
    await p.waitForEvents(3);
    onCounter({ drop: { afterEvents: 2 } });
    const at = p.events.length;
    await p.ended;
    expect(p.events.length).toBe(at + 2);
  });

  it('wrong input is a Result error naming the field, never an exception', async () => {
    const bad = mock.faults.set({ topic: '' }, { drop: { probability: 7 } } as FaultPlan);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_fault', fields: [{ field: 'scope.topic' }, { field: 'plan.drop.probability' }] } });
    expect(await mock.faults.trigger({}, { type: 'explode' } as never)).toMatchObject({ ok: false, error: { fields: [{ field: 'action.type' }] } });
  });
});
