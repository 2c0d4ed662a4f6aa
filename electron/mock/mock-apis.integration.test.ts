import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { MockBackend, type MockApi } from './mock-backend.ts';
import { openProbe, type SseProbe } from './testing/sse-probe.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { parseDocumentText } from '../../shared/asyncapi/document-text.ts';
import { readSseApi } from '../../shared/asyncapi/read-sse-api.ts';
import { readMock } from '../../shared/asyncapi/read-mock.ts';
import type { MockConfig, MockMessage } from '../../shared/model/mock.ts';

let mock: MockBackend;
let url: string;
const probes: SseProbe[] = [];
const probe = async (path: string, headers?: Record<string, string>) => {
  const p = await openProbe(url + path, headers ? { headers } : {});
  probes.push(p);
  return p;
};

beforeEach(async () => {
  mock = new MockBackend({ host: '127.0.0.1', port: 0 });
  url = await mock.start();
});
afterEach(async () => {
  for (const p of probes.splice(0)) p.close();
  await mock.stop();
});

/** One API at the mock's address, with one topic mocked as given. */
function serve(topic: string, config: MockConfig, messages: MockMessage[] = [], extra: Partial<MockApi> = {}): void {
  mock.setApis([{ id: 'api.yaml', name: 'Api', endpoint: url, topics: [{ path: topic }], mock: { [topic]: config }, messages: { [topic]: messages }, ...extra }]);
}

describe('mock from AsyncAPI: the project\'s APIs are served per topic', () => {
  it('serves the stock-ticker example as read from its document: price events whose data fit the Price schema', async () => {
    const text = readFileSync('examples/stock-ticker/stock-ticker.asyncapi.yaml', 'utf8').replace('127.0.0.1:8080', new URL(url).host);
    const doc = parseDocumentText(text).data as Record<string, unknown>;
    const api = readSseApi(doc);
    if (!api.ok) throw new Error('example does not read');
    const { mock: configs, messages } = readMock(doc);
    const statuses = mock.setApis([{ id: 'stock-ticker.asyncapi.yaml', name: api.value.name, endpoint: api.value.endpoint, topics: api.value.topics, mock: configs, messages }]);
    expect(statuses).toEqual([{ id: 'stock-ticker.asyncapi.yaml', name: 'Stock Ticker', endpoint: url, served: true }]);

    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile({ ...(doc.components as { schemas: { Price: object } }).schemas.Price, components: doc.components });
    const { events, headers } = await readEvents(`${url}/prices?rate=50`, 5);
    expect(headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(events.map((e) => e.event)).toEqual(['price', 'price', 'price', 'price', 'price']);
    for (const e of events) expect(validate(JSON.parse(e.data)), e.data).toBe(true);

    const one = await readEvents(`${url}/prices/GLOBEX?rate=50`, 3);
    expect(one.events.map((e) => JSON.parse(e.data).symbol)).toEqual(['GLOBEX', 'GLOBEX', 'GLOBEX']);
  });

  it('examples in turn, with the message name as the event', async () => {
    serve('/chat', { rate: 100 }, [{ eventName: 'said', examples: [{ text: 'hi' }, { text: 'bye' }] }]);
    const { events } = await readEvents(`${url}/chat`, 3);
    expect(events.map((e) => [e.event, e.data])).toEqual([
      ['said', '{"text":"hi"}'],
      ['said', '{"text":"bye"}'],
      ['said', '{"text":"hi"}'],
    ]);
  });

  it('x-mock renames events, switches to uuids or no ids, and sends a retry hint first', async () => {
    serve('/a', { rate: 100, event: 'update', ids: 'uuid', retryMs: 1234 }, [{ eventName: 'ignored', examples: [1] }]);
    const p = await probe('/a');
    const events = await p.waitForEvents(3);
    expect(p.raw().toString().startsWith('retry: 1234\n\n')).toBe(true);
    expect(p.retries).toEqual([1234]);
    expect(events.every((e) => e.event === 'update' && /^[0-9a-f-]{36}$/.test(e.id ?? ''))).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);

    serve('/b', { rate: 100, ids: 'none' });
    const q = await probe('/b');
    expect((await q.waitForEvents(2)).map((e) => e.id)).toEqual([undefined, undefined]);
  });

  it('bursts: N events at once every T ms', async () => {
    serve('/burst', { burst: { events: 5, everyMs: 300 }, scenario: 'counter' });
    const p = await probe('/burst');
    const events = await p.waitForEvents(10, 3000);
    const first = events.slice(0, 5).map((e) => e.at);
    const second = events.slice(5, 10).map((e) => e.at);
    expect(Math.max(...first) - Math.min(...first)).toBeLessThan(100);
    expect(Math.min(...second) - Math.max(...first)).toBeGreaterThan(150);
  });

  it('a backlog is in the history from the start: Last-Event-ID 15 replays 16 to 20, then live events follow', async () => {
    serve('/log', { backlog: 20, rate: 2, scenario: 'counter' });
    const p = await probe('/log', { 'last-event-id': '15' });
    const events = await p.waitForEvents(6, 3000);
    expect(events.map((e) => Number(e.id))).toEqual([16, 17, 18, 19, 20, 21]);
  });

  it('resume: false ignores Last-Event-ID (only live events), so a gateway\'s own replay shows', async () => {
    serve('/live', { backlog: 10, rate: 50, resume: false, scenario: 'counter' });
    const p = await probe('/live', { 'last-event-id': '2' });
    const [first] = await p.waitForEvents(1);
    expect(Number(first?.id)).toBeGreaterThan(10);
  });

  it('the endpoint\'s path is a prefix; a topic\'s backend path is what is matched', async () => {
    mock.setApis([{ id: 'v1', name: 'V1', endpoint: `${url}/v1`, topics: [{ path: '/quotes/{sym}', backendPath: '/q/{sym}' }], mock: { '/quotes/{sym}': { scenario: 'stock-ticker', rate: 100 } } }]);
    const { events } = await readEvents(`${url}/v1/q/GLOBEX`, 2);
    expect(events.map((e) => JSON.parse(e.data).symbol)).toEqual(['GLOBEX', 'GLOBEX']);
    expect((await fetch(`${url}/q/GLOBEX`)).status).toBe(404);
    // The ticker's symbols are its values: another one is a 404, not a new stream.
    expect((await fetch(`${url}/v1/q/ZED`)).status).toBe(404);
  });

  it('built-in streams stay as fallbacks, and APIs pointing elsewhere are not served (with the reason)', async () => {
    const statuses = mock.setApis([
      { id: 'mine', name: 'Mine', endpoint: url, topics: [{ path: '/mine' }] },
      { id: 'other', name: 'Other', endpoint: 'http://localhost:1', topics: [{ path: '/counter' }], mock: { '/counter': { scenario: 'clock' } } },
    ]);
    expect(statuses[1]).toMatchObject({ served: false, reason: expect.stringMatching(/port 1 is not the mock's/) });
    const { events } = await readEvents(`${url}/counter?rate=100`, 2);
    expect(events.map((e) => e.event)).toEqual(['count', 'count']);
    for (const odd of ['/constructor', '/__proto__', '/toString']) expect((await fetch(url + odd)).status).toBe(404);
    const missing = await fetch(`${url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/Streams: \/mine, \/prices/);
  });

  it('a changed API gets new streams (open clients are ended cleanly); an unchanged one keeps its stream', async () => {
    serve('/x', { rate: 50, scenario: 'counter' });
    const p = await probe('/x');
    await p.waitForEvents(2);
    serve('/x', { rate: 50, scenario: 'counter' });
    await p.waitForEvents(4);
    serve('/x', { rate: 50, scenario: 'examples' }, [{ examples: ['new'] }]);
    expect(await p.ended).toBe('end');
    const { events } = await readEvents(`${url}/x`, 1);
    expect(events[0]).toMatchObject({ id: '1', data: 'new' });
  });

  it('status(): per stream, subscribers, events sent, last id and the faults in force', async () => {
    serve('/s', { rate: 100, scenario: 'counter' });
    const p = await probe('/s');
    await p.waitForEvents(3);
    mock.faults.set({ apiId: 'api.yaml' }, { latency: { ms: 1 } });
    const status = mock.status();
    expect(status).toMatchObject({ url, state: 'listening', backAt: null, apis: [{ id: 'api.yaml', served: true }] });
    expect(status.streams).toEqual([
      expect.objectContaining({ apiId: 'api.yaml', topic: '/s', path: '/s', scenario: 'counter', rate: 100, burst: null, subscribers: 1, resume: true, faults: { plan: { latency: { ms: 1 } }, summary: ['latency 1 ms'], stalledConnections: 0 } }),
    ]);
    const stream = status.streams[0]!;
    expect(stream.eventsSent).toBeGreaterThanOrEqual(3);
    expect(Number(stream.lastId)).toBeGreaterThanOrEqual(3);
    expect(status.faults).toEqual([{ scope: { apiId: 'api.yaml' }, plan: { latency: { ms: 1 } }, source: 'live' }]);
  });

  it('an event that cannot be framed (unchecked input) is skipped and reported, never crashing the host', async () => {
    serve('/bad', { rate: 100, event: 'two\nlines' });
    const p = await probe('/bad');
    expect(p.status).toBe(200);
    await expect.poll(() => mock.status().streams[0]?.error ?? null).toMatch(/could not be made: SSE event must not contain CR or LF/);
    expect(p.events).toEqual([]);
  });
});
