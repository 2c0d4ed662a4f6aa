import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/gateway-server.ts';

/**
 * Chromium's own EventSource against the gateway (no app code in between): the backend drops, the
 * gateway ends the client's stream (`close-client`), the browser reconnects by itself after the
 * gateway's `retry: 200` with Last-Event-ID, and the gateway fills the hole from its replay history
 * — the backend ignores Last-Event-ID, so nobody else could.
 */

/** What the page records, in window state the test polls. */
interface SseLog {
  /** `lastEventId` of each `tick` event, as a number, with the connection it arrived on. */
  events: Array<{ id: number; connection: number }>;
  opens: number;
  /** readyState at each `error` event: 0 (CONNECTING) = the browser will reconnect. */
  errors: number[];
}

/** The little of the DOM EventSource this file uses (the Node tsconfig has no DOM types). */
interface BrowserEventSource {
  readyState: number;
  addEventListener(type: string, listener: (event: { lastEventId?: string }) => void): void;
  close(): void;
}
type PageGlobals = { EventSource: new (url: string) => BrowserEventSource; sse: SseLog; sseSource: BrowserEventSource };

async function subscribe(page: Page, url: string): Promise<void> {
  await page.evaluate((streamUrl) => {
    const g = globalThis as unknown as PageGlobals;
    const log: SseLog = { events: [], opens: 0, errors: [] };
    const source = new g.EventSource(streamUrl);
    source.addEventListener('open', () => log.opens++);
    source.addEventListener('error', () => log.errors.push(source.readyState));
    source.addEventListener('tick', (e) => log.events.push({ id: Number(e.lastEventId), connection: log.opens }));
    g.sse = log;
    g.sseSource = source;
  }, url);
}

const readLog = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).sse);

test('Chromium EventSource reconnects through the gateway after a backend drop and gets exactly the missed events, from the replay', async ({ page, gatewayScenario }) => {
  const { gatewayUrl } = gatewayScenario;
  // Any page of the gateway's origin will do: the stream is then same-origin.
  await page.goto(`${gatewayUrl}/_studio/metrics`);
  await subscribe(page, `${gatewayUrl}/live/1.0.0/ticks`);

  await expect.poll(async () => (await readLog(page)).events.length, { message: 'about 10 events before the drop' }).toBeGreaterThanOrEqual(10);
  const drop = await gatewayScenario.dropBackend();
  expect(drop.connections, 'the gateway held one shared upstream connection').toBe(1);

  await expect.poll(async () => (await readLog(page)).opens, { message: 'the browser reconnects by itself' }).toBe(2);
  await expect
    .poll(async () => (await readLog(page)).events.filter((e) => e.connection === 2).length, { message: 'events arrive on the new connection' })
    .toBeGreaterThanOrEqual(20);
  await page.evaluate(() => (globalThis as unknown as PageGlobals).sseSource.close());

  const log = await readLog(page);
  const { delivered, metrics } = await gatewayScenario.state();
  const ids = log.events.map((e) => e.id);
  const first = ids[0] as number;
  const last = ids.at(-1) as number;
  const missing = range(first, last - first + 1).filter((id) => !ids.includes(id));
  const lostByGateway = missing.filter((id) => delivered.includes(id));

  expect(log.errors, 'one error event, while the browser reconnects (readyState CONNECTING)').toEqual([0]);
  expect(ids.filter((id) => id <= drop.droppedAfter).length, 'events before the drop').toBeGreaterThanOrEqual(10);
  expect(new Set(ids).size, `no event twice: ${ids.join(',')}`).toBe(ids.length);
  expect([...ids].sort((a, b) => a - b), 'in order').toEqual(ids);
  expect(lostByGateway, 'every event the backend wrote to the gateway reached the browser').toEqual([]);
  // The backend ignores Last-Event-ID, so the browser's ~200 ms away can only be filled from the
  // gateway's replay history — if the gateway went on receiving while the browser was away.
  expect(
    Number(metrics[0]?.replayedEvents),
    `events replayed to the reconnecting browser; ids ${first}..${last} arrived without [${missing.join(',')}], ` +
      `which the backend produced while the gateway had no upstream connection (dropped after ${drop.droppedAfter})`,
  ).toBeGreaterThan(0);
});

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
