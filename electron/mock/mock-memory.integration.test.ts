import { afterEach, describe, expect, it } from 'vitest';
import { MockBackend, type MockApi } from './mock-backend.ts';
import { MAX_IDLE_STREAMS } from './mock-streams.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { waitFor } from '../../test/support/scripted-backend.ts';

/**
 * The mock's memory cannot be chosen by its clients: unknown parameter values are 404s, streams
 * whose events do not depend on the path are shared, histories have a byte budget and idle
 * streams do not pile up. Measured through the mock's own accounting (memoryUse) with real
 * requests on a real socket.
 */
let mock: MockBackend;
let url: string;

async function start(options: { memoryBytes?: number; historyBytes?: number } = {}): Promise<void> {
  mock = new MockBackend({ host: '127.0.0.1', port: 0, ...options });
  url = await mock.start();
}
afterEach(() => mock.stop());

const api = (extra: Partial<MockApi>): MockApi => ({ id: 'api.yaml', name: 'Api', endpoint: url, topics: [], ...extra });

/** Opens `path`, reads the first bytes and closes: what a flooding client does. */
async function touch(path: string): Promise<number> {
  const controller = new AbortController();
  const res = await fetch(url + path, { signal: controller.signal });
  if (res.status === 200) await res.body?.getReader().read();
  controller.abort();
  return res.status;
}

describe('mock memory under hostile paths', () => {
  it('answers 404 for a symbol the ticker does not have, or one 15 kB long, and opens no stream for it', async () => {
    await start();
    mock.setApis([api({ topics: [{ path: '/prices/{symbol}' }], mock: { '/prices/{symbol}': { scenario: 'stock-ticker' } } })]);
    const res = await fetch(`${url}/prices/${'X'.repeat(15_000)}?rate=1000`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/takes symbol values of at most 128 characters \(got 15000\)/);
    const nope = await fetch(`${url}/prices/NOPE`);
    expect(nope.status).toBe(404);
    expect(await nope.text()).toMatch(/has no symbol "NOPE": it serves ACME, GLOBEX, INITECH, UMBRELLA/);
    expect(mock.memoryUse().streams).toBe(0);
    expect(await touch('/prices/ACME?rate=1000')).toBe(200);
    expect(mock.memoryUse().streams).toBe(1);
  });

  it('a parameter enum from the document limits the paths of any scenario', async () => {
    await start();
    mock.setApis([api({ topics: [{ path: '/r/{region}' }], mock: { '/r/{region}': { scenario: 'schema' } }, messages: { '/r/{region}': [{ payloadSchema: { type: 'object', properties: { region: { type: 'string' } } } }] }, paramValues: { '/r/{region}': { region: ['eu', 'us'] } } })]);
    const { events } = await readEvents(`${url}/r/eu?rate=100`, 1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ region: 'eu' });
    expect((await fetch(`${url}/r/mars`)).status).toBe(404);
  });

  it('paths whose events do not depend on the parameter share one stream', async () => {
    await start();
    mock.setApis([api({ topics: [{ path: '/chat/{room}' }], mock: { '/chat/{room}': { rate: 100 } }, messages: { '/chat/{room}': [{ examples: ['hi'] }] } })]);
    for (let i = 0; i < 20; i++) expect(await touch(`/chat/room-${i}`)).toBe(200);
    expect(mock.memoryUse().streams).toBe(1);
  });

  it(`keeps at most ${MAX_IDLE_STREAMS} idle streams of a free parameter, and every history within the byte budget`, async () => {
    const budget = 2 * 1024 * 1024;
    await start({ memoryBytes: budget, historyBytes: 512 * 1024 });
    const schema = { type: 'object', properties: { id: { type: 'string' }, pad: { type: 'string', minLength: 2000, maxLength: 2000 } } };
    mock.setApis([api({ topics: [{ path: '/items/{id}' }], mock: { '/items/{id}': { scenario: 'schema', rate: 1000 } }, messages: { '/items/{id}': [{ payloadSchema: schema }] } })]);
    for (let i = 0; i < 60; i++) expect(await touch(`/items/${'k'.repeat(100)}${i}?rate=1000`)).toBe(200);
    // Idle streams go once the last client's close reaches the mock.
    await waitFor(() => mock.memoryUse().streams <= MAX_IDLE_STREAMS, `at most ${MAX_IDLE_STREAMS} idle streams`, 10_000);
    // They keep ticking for their linger at 1000 events/s, ~2 kB each: the budget holds anyway.
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(mock.memoryUse().historyBytes).toBeLessThanOrEqual(budget);
    }
    expect(mock.memoryUse().historyBytes).toBeGreaterThan(budget / 4);
  });

  it('an active subscriber keeps receiving while flooding clients come and go', async () => {
    await start({ memoryBytes: 1024 * 1024 });
    mock.setApis([api({ topics: [{ path: '/items/{id}' }], mock: { '/items/{id}': { scenario: 'schema', rate: 1000 } }, messages: { '/items/{id}': [{ payloadSchema: { type: 'string', minLength: 1000, maxLength: 1000 } }] } })]);
    const steady = readEvents(`${url}/counter?rate=50`, 40, { timeoutMs: 20_000 });
    for (let i = 0; i < 100; i++) await touch(`/items/flood-${i}`);
    const { events } = await steady;
    expect(events.map((e) => Number(e.id))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(mock.memoryUse().historyBytes).toBeLessThanOrEqual(1024 * 1024);
  });
});
