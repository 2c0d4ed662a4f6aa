import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/studio-server.ts';
import { DesignPage, studioCall } from './pages/design-page.ts';
import { StudioPage } from './pages/studio-page.ts';

/**
 * Issue 8, item 5: a payload schema in another project file (`$ref: ./schemas.json#/Price`). The page
 * cannot read files: the host inlines it (documents.resolved) and the forms show it read-only with
 * where it comes from; editing the topic's other fields never rewrites the reference.
 */
const PRICES_API = `asyncapi: 3.0.0
info:
  title: Ref Prices
  version: 1.0.0
x-context: /ref-prices
servers:
  backend: { host: "127.0.0.1:8080", protocol: sse }
channels:
  prices:
    address: /prices
    messages:
      price:
        name: price
        payload:
          $ref: ./schemas.json#/Price
  trades:
    address: /trades
    messages:
      trade:
        $ref: ./schemas.json#/TradeMessage
operations:
  sendPrices: { action: send, channel: { $ref: '#/channels/prices' } }
  sendTrades: { action: send, channel: { $ref: '#/channels/trades' } }
`;
const PRICE_SCHEMA = { type: 'object', required: ['symbol', 'price'], properties: { symbol: { type: 'string' }, price: { type: 'number', minimum: 0 } } };
const TRADE_MESSAGE = { name: 'trade', payload: { type: 'object', properties: { size: { type: 'integer' } } } };

test('a payload schema from ./schemas.json shows read-only with its source, and a form edit keeps the $ref', async ({ page, studio }, testInfo) => {
  writeFileSync(path.join(studio.projectDir, 'schemas.json'), JSON.stringify({ Price: PRICE_SCHEMA, TradeMessage: TRADE_MESSAGE }, null, 2));
  await page.goto(studio.uiUrl);
  const created = await studioCall(page, 'documents.create', { fileName: 'ref-prices.asyncapi.yaml', text: PRICES_API });
  expect(created.ok, JSON.stringify(created.error)).toBe(true);
  await new StudioPage(page).apiItem('Ref Prices').click();
  const design = new DesignPage(page);
  await design.open();

  const payload = page.getByTestId('design-topic-0-payload');
  await expect(page.getByTestId('design-topic-0-payload-helper')).toHaveText('from ./schemas.json#/Price — edit that file');
  await expect.poll(async () => JSON.parse((await payload.inputValue()) || 'null') as unknown).toEqual(PRICE_SCHEMA);
  await expect(payload).toHaveAttribute('readonly', '');

  // A whole message in the other file: shown the same way, its fields not offered.
  await expect(page.getByTestId('design-topic-1-message-helper')).toHaveText('from ./schemas.json#/TradeMessage — edit that file');
  await expect.poll(async () => JSON.parse((await page.getByTestId('design-topic-1-message').inputValue()) || 'null') as unknown).toEqual(TRADE_MESSAGE);
  await expect(page.getByTestId('design-topic-1-event')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('payload-from-other-file.png') });

  const event = page.getByTestId('design-topic-0-event');
  await event.fill('price-update');
  await expect.poll(() => design.text()).toContain('name: price-update');
  await design.save();
  const saved = readFileSync(path.join(studio.projectDir, 'ref-prices.asyncapi.yaml'), 'utf8');
  expect(saved).toContain('name: price-update');
  expect(saved).toContain('        payload:\n          $ref: ./schemas.json#/Price\n');
  expect(saved).toContain('      trade:\n        $ref: ./schemas.json#/TradeMessage\n');
  // Still read from the other file after the save (the host re-read the project).
  await expect(page.getByTestId('design-topic-0-payload-helper')).toHaveText('from ./schemas.json#/Price — edit that file');
  await expect.poll(async () => JSON.parse((await payload.inputValue()) || 'null') as unknown).toEqual(PRICE_SCHEMA);
});
