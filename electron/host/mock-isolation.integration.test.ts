import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioHost } from './studio-host.ts';
import { readEvents } from '../../test/support/parser-client.ts';

/**
 * Two APIs of one project, both with /prices/{symbol} on the mock: through the gateway each gets
 * its own messages (each API has its own mount on the mock), the URL the gateway streams from is
 * in the API summaries, and the shared plain path is a problem on both documents.
 */
let studio: StudioHost;

function feed(title: string, context: string, word: string): string {
  return `asyncapi: 3.0.0
info: { title: ${title}, version: 1.0.0 }
x-context: ${context}
servers:
  mock: { host: "127.0.0.1:8080", protocol: sse }
channels:
  symbolPrices:
    address: /prices/{symbol}
    parameters: { symbol: {} }
    x-mock: { scenario: examples, rate: 50 }
    messages:
      price: { name: price, examples: [{ payload: { from: ${word} } }] }
operations:
  receive: { action: receive, channel: { $ref: '#/channels/symbolPrices' } }
`;
}

beforeEach(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-mock-isolation-'));
  await fs.writeFile(path.join(dir, 'alpha.yaml'), feed('Alpha Feed', '/alpha', 'alpha'));
  await fs.writeFile(path.join(dir, 'hotel.yaml'), feed('Hotel Feed', '/hotel', 'hotel'));
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-mock-isolation-data-'));
  studio = await StudioHost.start({ project: dir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', deployAll: true, dataDir });
});
afterEach(() => studio.stop());

describe('mock isolation between APIs', () => {
  it('two APIs sharing /prices/{symbol} on the mock each get their own messages through the gateway', async () => {
    const gateway = studio.gateway!.url as string;
    const [alpha, hotel] = await Promise.all([readEvents(`${gateway}/alpha/1.0.0/prices/ACME`, 3), readEvents(`${gateway}/hotel/1.0.0/prices/ACME`, 3)]);
    expect(alpha.events.map((e) => e.data)).toEqual(Array(3).fill('{"from":"alpha"}'));
    expect(hotel.events.map((e) => e.data)).toEqual(Array(3).fill('{"from":"hotel"}'));
    const streams = studio.mock!.status().streams.map((s) => s.apiId).sort();
    expect(streams).toEqual(['alpha.yaml', 'hotel.yaml']);
  });

  it("shows the URL the gateway streams from (the API's own mount on the mock) in the summaries", async () => {
    const listed = await studio.handlers['apis.list']({});
    if (!listed.ok) throw new Error(listed.error.message);
    const inUse = Object.fromEntries(listed.value.apis.map((a) => [a.id, a.endpointInUse]));
    const mock = studio.mock!.url as string;
    expect(inUse['alpha.yaml']).toMatch(new RegExp(`^${mock}/apis/alpha-[0-9a-f]{6}$`));
    expect(inUse['hotel.yaml']).toMatch(new RegExp(`^${mock}/apis/hotel-[0-9a-f]{6}$`));
    // That URL is a working backend of its own: the topic answers there with this API's messages.
    const direct = await readEvents(`${inUse['hotel.yaml']}/prices/GLOBEX`, 1);
    expect(direct.events[0]?.data).toBe('{"from":"hotel"}');
  });

  it('says on both documents that the plain mock path /prices/{symbol} is shared', async () => {
    const listed = await studio.handlers['apis.list']({});
    if (!listed.ok) throw new Error(listed.error.message);
    const clash = listed.value.problems.filter((p) => /both mock \/prices\/\{symbol\}/.test(p.message));
    expect(clash.map((p) => p.file).sort()).toEqual(['alpha.yaml', 'hotel.yaml']);
    const doc = await studio.handlers['documents.get']({ id: 'hotel.yaml' });
    expect(doc.ok && doc.value.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^"Hotel Feed" and "Alpha Feed" both mock \/prices\/\{symbol\}/)]);
  });
});
