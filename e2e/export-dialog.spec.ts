import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures/studio-server.ts';
import { DesignPage } from './pages/design-page.ts';
import { StudioPage } from './pages/studio-page.ts';

const HANDMADE = path.resolve(import.meta.dirname, '../test/fixtures/asyncapi/handmade');

test('the export dialog says what each profile removes, then writes exactly that from the document itself', async ({ page, studio }) => {
  cpSync(HANDMADE, studio.projectDir, { recursive: true });
  const studioPage = new StudioPage(page);
  await page.goto(studio.uiUrl);
  await expect(studioPage.apiItem('Market Data')).toBeVisible({ timeout: 15_000 });
  await studioPage.apiItem('Market Data').click();
  await new DesignPage(page).open();

  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-removes-studio')).toHaveText('studio: removes nothing');
  await expect(page.getByTestId('export-removes-clean')).toHaveText('clean: removes 4 x- blocks, 1 API key');
  await expect(page.getByTestId('export-removes-wso2')).toHaveText('wso2: removes 4 x- blocks, 1 API key');

  await page.getByTestId('export-profile-clean').click();
  await page.getByTestId('export-asyncapi-2.6').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const text = readFileSync(await (await downloading).path(), 'utf8');
  const doc = parse(text);
  expect(text).not.toContain('reader-key-0001');
  expect(text).not.toMatch(/^\s*x-(context|gateway|mock|scheme):/m);
  expect(doc.asyncapi).toBe('2.6.0');
  expect(doc.components.schemas.Quote.required).toEqual(['symbol', 'bid', 'ask']);
  expect(doc.channels['/quotes/{symbol}'].subscribe.message.oneOf.map((m: { name: string }) => m.name)).toEqual(['quote', 'trade']);
  expect(doc.channels['/quotes/{symbol}'].subscribe.message.oneOf[0].examples[0].payload).toEqual({ symbol: 'ACME', bid: 101.2, ask: 101.3 });
});
