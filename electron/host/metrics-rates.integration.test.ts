import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioHost } from './studio-host.ts';
import { waitForAsync } from '../../test/support/scripted-backend.ts';
import { readRaw } from '../../test/support/raw-client.ts';

let studio: StudioHost;

beforeEach(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-rates-'));
  await fs.copyFile(path.resolve('examples/stock-ticker/stock-ticker.asyncapi.yaml'), path.join(dir, 'stock.yaml'));
  studio = await StudioHost.start({ project: dir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', deployAll: true, dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-rates-data-')) });
});
afterEach(() => studio.stop());

describe('gateway.rates: events/s kept by the host from its start', () => {
  it('a chart that opens later gets the seconds before it opened', async () => {
    const reading = readRaw(`${studio.gateway!.url}/stocks/1.0.0/prices?rate=50`, () => false, { timeoutMs: 4000 });
    await waitForAsync(async () => {
      const answer = await studio.handlers['gateway.rates']({ apiId: 'stock.yaml' });
      return answer.ok && answer.value.points.filter((p) => p.total > 0).length >= 2;
    }, 'two seconds of events on the host', 10_000);
    const answer = await studio.handlers['gateway.rates']({ apiId: 'stock.yaml' });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.value.since).toBeLessThanOrEqual(answer.value.points[0]!.at);
    expect(answer.value.points.some((p) => (p.byTopic['/prices'] ?? 0) > 10)).toBe(true);
    await reading.catch(() => undefined);
  });
});
