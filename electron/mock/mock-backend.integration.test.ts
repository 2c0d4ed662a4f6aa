import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockBackend } from './mock-backend.ts';
import { readEvents } from '../../test/support/parser-client.ts';

let mock: MockBackend;
let url: string;
beforeEach(async () => {
  mock = new MockBackend({ host: '127.0.0.1', port: 0 });
  url = await mock.start();
});
afterEach(() => mock.stop());

describe('mock backend', () => {
  it('streams stock prices: event price, JSON data, increasing ids', async () => {
    const { headers, events } = await readEvents(`${url}/prices?rate=100`, 8);
    expect(headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(events.every((e) => e.event === 'price')).toBe(true);
    const ids = events.map((e) => Number(e.id));
    ids.forEach((id, i) => i && expect(id).toBeGreaterThan(ids[i - 1]!));
    expect(new Set(events.map((e) => JSON.parse(e.data).symbol)).size).toBe(4);
  });

  it('filters one symbol', async () => {
    const { events } = await readEvents(`${url}/prices/GLOBEX?rate=100`, 3);
    expect(events.map((e) => JSON.parse(e.data).symbol)).toEqual(['GLOBEX', 'GLOBEX', 'GLOBEX']);
  });

  it('resumes from Last-Event-ID out of its history: the events missed in between, then live', async () => {
    const first = await readEvents(`${url}/counter?rate=200`, 3);
    const lastSeen = first.events.at(-1)!.id!;
    await new Promise((r) => setTimeout(r, 100)); // about 20 events happen while nobody listens
    const resumed = await readEvents(`${url}/counter?rate=200`, 30, { headers: { 'last-event-id': lastSeen } });
    const ids = resumed.events.map((e) => Number(e.id));
    expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => Number(lastSeen) + 1 + i));
  });

  it('explains unknown streams and bad rates', async () => {
    const unknown = await fetch(`${url}/nope`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/Streams: \/prices, .*\/counter, \/clock/);
    expect((await fetch(`${url}/prices/NOPE`)).status).toBe(404);
    const badRate = await fetch(`${url}/counter?rate=fast`);
    expect(badRate.status).toBe(400);
    expect(await badRate.text()).toMatch(/rate must be a number/);
  });
});
