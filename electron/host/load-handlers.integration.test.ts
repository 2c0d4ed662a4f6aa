import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioHost } from './studio-host.ts';
import { waitFor, waitForAsync } from '../../test/support/scripted-backend.ts';
import type { LoadStatus } from '../../shared/api/contract.ts';
import { readRaw } from '../../test/support/raw-client.ts';

let studio: StudioHost;

beforeEach(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-load-'));
  await fs.copyFile(path.resolve('examples/stock-ticker/stock-ticker.asyncapi.yaml'), path.join(dir, 'stock.yaml'));
  studio = await StudioHost.start({ project: dir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', deployAll: true, dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-load-data-')) });
});
afterEach(() => studio.stop());

describe('tester actions on the gateway side', () => {
  it('gateway.drop cuts the client connections of an API', async () => {
    const reading = readRaw(`${studio.gateway!.url}/stocks/1.0.0/prices?rate=50`, () => false, { timeoutMs: 5000 });
    await waitFor(() => (studio.gateway!.metrics.rows()[0]?.eventsOut ?? 0) > 2, 'events flowing');
    const dropped = await studio.handlers['gateway.drop']({ apiId: 'stock.yaml' });
    expect(dropped).toEqual({ ok: true, value: { dropped: 1 } });
    const { body } = await reading; // ends because the gateway cut it
    expect(body.toString()).toContain('event: price');
    expect(await studio.handlers['gateway.drop']({ apiId: 'nope.yaml' })).toMatchObject({ ok: false, error: { code: 'not_deployed' } });
  });

  it('load.start runs N real subscribers and reports delivered events, latency and drops', async () => {
    const started = await studio.handlers['load.start']({ apiId: 'stock.yaml', topicPath: '/prices?rate=20', subscribers: 50 });
    expect(started).toMatchObject({ ok: true, value: { requested: 50 } });
    await waitForAsync(async () => ((s) => s.connected === 50 && s.events > 500)(await status()), '50 subscribers and 500 events', 10_000);
    const running = await status();
    expect(running.failed).toBe(0);
    expect(running.latencyP50Ms).not.toBeNull();
    studio.gateway!.dropSubscribers('stock.yaml');
    await waitForAsync(async () => (await status()).drops === 50, 'the drops to be counted');
    await waitForAsync(async () => ((s) => s.reconnects >= 50 && s.connected === 50)(await status()), 'the reconnects');
    const stopped = await studio.handlers['load.stop']({});
    expect(stopped.ok && stopped.value?.running).toBe(false);
    expect(await studio.handlers['load.start']({ apiId: 'stock.yaml', topicPath: '/prices/{symbol}', subscribers: 1 })).toMatchObject({ ok: false, error: { code: 'bad_topic' } });
    expect(await studio.handlers['load.start']({ apiId: 'stock.yaml', topicPath: '/prices', subscribers: 20_000 })).toMatchObject({ ok: false, error: { code: 'too_many' } });
  });
});

async function status(): Promise<LoadStatus> {
  const answer = await studio.handlers['load.status']({});
  if (!answer.ok || !answer.value) throw new Error('no load run');
  return answer.value;
}
