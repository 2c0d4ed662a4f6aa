import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/example-project.ts';
import { ApiDetailPage } from './pages/api-detail-page.ts';
import { callStudio, TesterLab } from './pages/tester-lab.ts';

/**
 * Issue 10: a second API whose /prices/{symbol} also points at the mock used to make Stock
 * Ticker's /prices/ACME stream the new API's messages. Each API now has its own mount on the mock:
 * both are subscribed in the viewer and each shows its own events; the Overview shows the URL the
 * gateway streams from, and the shared plain path is a problem on both documents.
 */
const HOTEL_API = `asyncapi: 3.0.0
info:
  title: Hotel Feed
  version: 1.0.0
x-context: /hotel
servers:
  mock: { host: 127.0.0.1:8080, protocol: sse }
channels:
  rooms:
    address: /prices/{symbol}
    parameters: { symbol: {} }
    x-mock: { scenario: examples, rate: 5 }
    messages:
      room: { name: room, examples: [{ payload: "alpha/hotel" }] }
operations:
  receiveRooms: { action: receive, channel: { $ref: '#/channels/rooms' } }
`;

async function subscribeTo(page: Page, api: string, topic: string, path: string): Promise<TesterLab> {
  const lab = new TesterLab(page);
  await lab.openApi(api);
  await lab.panel.getByRole('combobox').first().click();
  await page.getByRole('option', { name: topic, exact: true }).click();
  await lab.subscribe(path);
  await expect.poll(() => lab.number('event-count'), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  return lab;
}

const shownData = (lab: TesterLab) => lab.rows().evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="event-data"]')?.textContent ?? ''));

test('two APIs with /prices/{symbol} on the mock each stream their own messages', async ({ page, studio }) => {
  test.setTimeout(90_000);
  await page.goto(studio.uiUrl);
  await callStudio(page, 'documents.create', { fileName: 'hotel.asyncapi.yaml', text: HOTEL_API });
  await callStudio(page, 'apis.deploy', { id: 'hotel.asyncapi.yaml' });

  const hotel = await subscribeTo(page, 'Hotel Feed', '/prices/{symbol}', '/prices/ACME');
  expect(new Set(await shownData(hotel))).toEqual(new Set(['alpha/hotel']));
  await hotel.stop();

  const ticker = await subscribeTo(page, 'Stock Ticker', '/prices/{symbol}', '/prices/ACME');
  const prices = await shownData(ticker);
  expect(prices.every((d) => d.includes('"symbol":"ACME"')), prices.join('\n')).toBe(true);
  await ticker.stop();

  // The URL the gateway streams from: each API's own mount on the mock.
  const port = new URL(studio.mockUrl).port;
  await new ApiDetailPage(page).openTab('overview');
  await expect(page.getByTestId('api-endpoint-in-use')).toHaveText(new RegExp(`^→ mock on :${port}/apis/stock-ticker-[0-9a-f]{6}$`));

  // The plain mock path both APIs use is a problem on both documents.
  const listed = await callStudio<{ problems: Array<{ file: string; message: string }> }>(page, 'apis.list', {});
  const clash = listed.problems.filter((p) => p.message.includes('both mock /prices/{symbol}'));
  expect(clash.map((p) => p.file).sort()).toEqual(['hotel.asyncapi.yaml', 'stock-ticker.asyncapi.yaml']);
  // ... listed in the sidebar's problems, one per document (a click opens it in the Design page).
  const items = page.getByTestId('problem-item').filter({ hasText: 'both mock /prices/{symbol}' });
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveAttribute('data-file', /^(hotel|stock-ticker)\.asyncapi\.yaml$/);
});
