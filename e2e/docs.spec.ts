import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures/example-project.ts';
import { DesignPage } from './pages/design-page.ts';
import { StudioPage } from './pages/studio-page.ts';

// The README's screenshot is made by the first test:
//   DOCS_SCREENSHOT=docs/images/docs-tab.png npx playwright test -c e2e/playwright.config.ts e2e/docs.spec.ts -g "Docs tab: the"
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GITTER = readFileSync(path.join(REPO_ROOT, 'test/fixtures/docs/gitter-streaming-2.6.yml'), 'utf8');
const SECRET = 'e2e-SECRET-key-4711';
const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

/** An API key with a secret value (after the line `rootAnchor`), and an info.description (the line `infoLine` is kept before it) in Markdown that tries to run a script. */
function withKeyAndHostileText(text: string, rootAnchor: RegExp, infoLine: RegExp): string {
  const description = `  description: ${JSON.stringify(`Docs **bold** test. ${HOSTILE}`)}`;
  return text.replace(rootAnchor, (line) => `${line}\nx-gateway:\n  security: { type: apiKey, in: header, name: X-Docs-Key, keys: [${SECRET}] }`).replace(infoLine, (line) => `${line}\n${description}`);
}

/** Replaces text in the Design editor's model, the way typing would (through Monaco's edit API). */
async function editYaml(page: Page, design: DesignPage, find: string, replace: string): Promise<void> {
  const line = await design.lineOf(find);
  const lineText = (await design.text()).split('\n')[line - 1] ?? '';
  const start = lineText.indexOf(find) + 1;
  await page.evaluate(
    ([l, s, e, t]) => {
      const monaco = (globalThis as unknown as { monaco: { editor: { getEditors(): Array<{ executeEdits(source: string, edits: object[]): void }> } } }).monaco;
      monaco.editor.getEditors()[0]?.executeEdits('e2e', [{ range: { startLineNumber: l, startColumn: s, endLineNumber: l, endColumn: e }, text: t }]);
    },
    [line, start, start + find.length, replace] as const,
  );
}

/** Opens an exported HTML file from disk in a fresh page and returns every request the page made. */
async function openFromDisk(browser: Browser, file: string): Promise<{ page: Page; requests: string[]; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, requests, close: () => context.close() };
}

async function expectOffline(browser: Browser, file: string, topic: string): Promise<void> {
  const html = readFileSync(file, 'utf8');
  expect(html).not.toContain(SECRET);
  const opened = await openFromDisk(browser, file);
  try {
    await expect(opened.page.locator(`section[data-topic="${topic}"]`)).toBeVisible();
    await expect(opened.page.locator('[data-section="security"]')).toContainText('X-Docs-Key');
    // The hostile description shows as text and runs nothing (no script, no image request).
    await expect(opened.page.locator('header')).toContainText('<script>window.__pwned = 1</script>');
    // Its Markdown is rendered: **bold** is a <strong>.
    await expect(opened.page.locator('header strong')).toHaveText('bold');
    expect(await opened.page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The copy button's script runs (it is allowed by hash): a click answers.
    await opened.page.locator(`section[data-topic="${topic}"] button[data-copy]`).first().click();
    await expect(opened.page.locator(`section[data-topic="${topic}"] button[data-copy]`).first()).toHaveText(/Copied|Selected/);
    expect(opened.requests).toEqual([pathToFileURL(file).href]);
  } finally {
    await opened.close();
  }
}

test('Docs tab: the stock-ticker payload schema and example, following YAML edits, the last valid state while broken', async ({ page, studio }, testInfo) => {
  const studioPage = new StudioPage(page);
  const design = new DesignPage(page);
  if (process.env.DOCS_SCREENSHOT) await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(studio.uiUrl);
  await studioPage.apiItem('Stock Ticker').click();
  await page.getByTestId('tab-docs').click();

  const prices = page.locator('[data-testid="docs-topic"][data-topic="/prices"]');
  await expect(prices.getByTestId('docs-http-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/stocks\/1\.0\.0\/prices$/);
  await expect(prices.getByTestId('docs-payload-table')).toContainText('symbol');
  await expect(prices.getByTestId('docs-payload-table')).toContainText('date-time');
  await expect(prices.getByTestId('docs-example').first()).toContainText('"symbol": "ACME"');
  await expect(prices.getByTestId('docs-flow-backend')).toContainText('/prices');
  await expect(prices.getByTestId('docs-curl')).toContainText('curl -N');
  await expect(page.getByTestId('docs-reconnect')).toContainText('Last-Event-ID');
  if (process.env.DOCS_SCREENSHOT) {
    // For the README (docs/images/docs-tab.png): the /prices topic from its URLs to its payload table.
    mkdirSync(path.dirname(process.env.DOCS_SCREENSHOT), { recursive: true });
    await prices.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: process.env.DOCS_SCREENSHOT });
  }

  // A YAML edit in the Design editor (unsaved) shows in the Docs tab: a new payload field, a new topic text.
  await design.open();
  await editYaml(page, design, 'format: date-time', 'format: date-time\n        volume:\n          type: integer\n          description: Shares traded today.');
  await editYaml(page, design, "description: Every symbol's price updates.", 'description: Every quote, live.');
  await page.getByTestId('tab-docs').click();
  await expect(prices.getByTestId('docs-payload-table')).toContainText('Shares traded today.');
  await expect(prices).toContainText('Every quote, live.');
  await expect(page.getByTestId('docs-invalid-banner')).toBeHidden();

  // Broken YAML: a banner, and the docs keep the last valid state.
  await design.open();
  await editYaml(page, design, 'description: Every quote, live.', 'description: [Every quote');
  await page.getByTestId('tab-docs').click();
  await expect(page.getByTestId('docs-invalid-banner')).toBeVisible();
  await expect(prices).toContainText('Every quote, live.');
  await expect(prices.getByTestId('docs-payload-table')).toContainText('Shares traded today.');
  await page.screenshot({ path: testInfo.outputPath('docs-broken.png') });
});

test('HTML docs from the Export menu open from disk with no network request and no secret (stock-ticker with an API key)', async ({ page, studio, browser }, testInfo) => {
  const file = path.join(studio.projectDir, 'stock-ticker.asyncapi.yaml');
  writeFileSync(file, withKeyAndHostileText(readFileSync(file, 'utf8').replace(/^ {2}description: Live stock.*\n/m, ''), /^x-context: \/stocks$/m, /^ {2}version: 1\.0\.0$/m));
  const studioPage = new StudioPage(page);
  const design = new DesignPage(page);
  await page.goto(studio.uiUrl);
  await studioPage.apiItem('Stock Ticker').click();
  await expect(page.getByTestId('api-security')).toContainText('X-Docs-Key');
  await design.open();
  await page.getByTestId('export-button').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-menu').getByTestId('export-html-docs').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('stock-ticker-1.0.0.docs.html');
  const saved = testInfo.outputPath('stock-ticker.docs.html');
  await download.saveAs(saved);
  await expectOffline(browser, saved, '/prices/{symbol}');
});

test('the official 2.6 gitter-streaming example: Docs tab and HTML docs, offline and without its key', async ({ page, studio, browser }, testInfo) => {
  writeFileSync(path.join(studio.projectDir, 'gitter-streaming.yml'), withKeyAndHostileText(GITTER, /^id: .*$/m, /^ {2}version: '1\.0\.0'$/m));
  const studioPage = new StudioPage(page);
  await page.goto(studio.uiUrl);
  await expect(studioPage.apiItem('Gitter Streaming API')).toBeVisible({ timeout: 20_000 });
  await studioPage.apiItem('Gitter Streaming API').click();
  await page.getByTestId('tab-docs').click();
  const topic = page.locator('[data-testid="docs-topic"][data-topic="/rooms/{roomId}/{resource}"]');
  await expect(topic.getByTestId('docs-parameters')).toContainText('Id of the Gitter room.');
  await expect(topic.locator('[data-testid="docs-message"][data-message="chatMessage"]').getByTestId('docs-payload-table')).toContainText('fromUser.username');
  await expect(topic.locator('[data-testid="docs-message"][data-message="heartbeat"]')).toBeVisible();
  await expect(topic.getByTestId('docs-flow-backend')).toHaveText('https://stream.gitter.im/v1/rooms/{roomId}/{resource}');
  await expect(page.getByTestId('docs-security')).toContainText('X-Docs-Key');
  await expect(page.getByTestId('docs-panel')).not.toContainText(SECRET);
  // The description's Markdown is rendered (a <strong>), its HTML stays text.
  await expect(page.getByTestId('docs-description').locator('strong')).toHaveText('bold');
  await expect(page.getByTestId('docs-description')).toContainText('<script>window.__pwned = 1</script>');
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  const downloading = page.waitForEvent('download');
  await page.getByTestId('docs-panel').getByTestId('export-html-docs').click();
  const saved = testInfo.outputPath('gitter.docs.html');
  await (await downloading).saveAs(saved);
  await expectOffline(browser, saved, '/rooms/{roomId}/{resource}');
});
