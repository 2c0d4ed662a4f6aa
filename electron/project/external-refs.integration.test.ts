import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../test/support/parser-client.ts';
import { MockBackend } from '../mock/mock-backend.ts';
import { mockApiFromDocument } from '../mock/mock-api-input.ts';
import { ProjectStore } from './project-store.ts';

/** A project whose payload schema lives in another file: the mock streams data that fits it, not `data: null`. */
let dir: string;
let mock: MockBackend;
let url: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-external-refs-'));
  mock = new MockBackend({ host: '127.0.0.1', port: 0 });
  url = await mock.start();
  await fs.mkdir(path.join(dir, 'schemas'));
  await fs.writeFile(path.join(dir, 'schemas', 'tick.json'), JSON.stringify({ Tick: { type: 'object', required: ['symbol', 'price'], properties: { symbol: { type: 'string', enum: ['ACME'] }, price: { type: 'number', minimum: 1, maximum: 2 } } } }));
  await fs.writeFile(
    path.join(dir, 'ticks.asyncapi.yaml'),
    `asyncapi: 3.0.0
info: { title: Ticks, version: 1.0.0 }
x-context: /ticks
servers: { mock: { host: ${new URL(url).host}, protocol: sse } }
channels:
  ticks:
    address: /ticks
    x-mock: { scenario: schema, rate: 50 }
    messages:
      tick: { name: tick, payload: { $ref: './schemas/tick.json#/Tick' } }
operations:
  sendTicks: { action: send, channel: { $ref: '#/channels/ticks' } }
`,
  );
});
afterAll(async () => {
  await mock.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('references into other files', () => {
  it('are inlined for the mock, which streams events that fit the other file\'s schema', async () => {
    const store = await ProjectStore.open(dir);
    const [entry] = store.list().apis;
    if (!entry) throw new Error(JSON.stringify(store.list().problems));
    const { api, problems } = mockApiFromDocument(entry.id, entry.api, entry.resolved);
    expect(problems).toEqual([]);
    mock.setApis([api]);
    const { events } = await readEvents(`${url}/ticks`, 3);
    for (const e of events) {
      expect(e.event).toBe('tick');
      const data = JSON.parse(e.data) as { symbol: string; price: number };
      expect(data.symbol).toBe('ACME');
      expect(data.price).toBeGreaterThanOrEqual(1);
    }
  });
});
