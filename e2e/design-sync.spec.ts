import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures/studio-server.ts';
import { DesignPage } from './pages/design-page.ts';
import { StudioPage } from './pages/studio-page.ts';

test('design an API in forms and YAML, keep the forms on a broken document, save, export and re-import', async ({ page, studio }, testInfo) => {
  const studioPage = new StudioPage(page);
  const design = new DesignPage(page);
  await page.goto(studio.uiUrl);

  // Create an API in the New API form, then open its Design tab.
  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name: 'Design Sync', context: '/design-sync' });
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-name')).toHaveText('Design Sync');
  await design.open();
  await expect(design.field('name')).toHaveValue('Design Sync');
  await expect(page.getByTestId('design-url-http').first()).toContainText('/design-sync/1.0.0/*');

  // Forms -> YAML: the document changes at once, comments of the user stay.
  await design.field('name').fill('Price Feed');
  await design.field('context').fill('/prices-feed');
  await expect.poll(() => design.text()).toContain('title: Price Feed');
  await expect.poll(() => design.text()).toContain('x-context: /prices-feed');
  await expect(page.getByTestId('design-url-http').first()).toContainText('/prices-feed/1.0.0/*');
  await page.getByTestId('design-add-topic').click();
  await design.topicPath(1).fill('/quotes/{symbol}');
  await expect.poll(() => design.text()).toContain('address: /quotes/{symbol}');
  await expect(page.getByTestId('design-topic-1-param-symbol')).toBeVisible();
  await design.field('version').fill('1.0 beta');
  await expect(design.fieldHelp('version')).toContainText('no spaces');
  await design.field('version').fill('1.1.0');

  // YAML -> forms: type a new info.title into Monaco.
  const titleLine = await design.lineOf('title: Price Feed');
  const titleText = (await design.text()).split('\n')[titleLine - 1] ?? '';
  await design.select(titleLine, titleText.indexOf('Price Feed') + 1, titleText.length + 1);
  await page.keyboard.type('Quote Stream');
  await expect(design.field('name')).toHaveValue('Quote Stream');

  // Break the YAML (a duplicate key): a marker and a problem with line:col, a banner, the forms keep the last valid state read-only.
  const versionLine = await design.lineOf('version: 1.1.0');
  await design.placeCursor(versionLine, 200);
  await page.keyboard.press('Enter');
  await page.keyboard.type('title: Again');
  await expect(design.invalidBanner()).toContainText(`Line ${versionLine + 1}`);
  await expect.poll(async () => (await design.markers()).filter((m) => m.severity === 8 && m.startLineNumber === versionLine + 1).length).toBeGreaterThan(0);
  await expect(design.problems().filter({ hasText: /unique|duplicate/i }).first().getByTestId('design-problem-position')).toHaveText(new RegExp(`^${versionLine + 1}:\\d+$`));
  await expect(design.field('name')).toHaveValue('Quote Stream');
  await expect(design.field('name')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('design-broken.png') });

  // A click on the problem puts the cursor on its line; removing the line makes the forms editable again.
  await design.problems().filter({ hasText: /unique|duplicate/i }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await expect(design.invalidBanner()).toBeHidden();
  await expect(design.field('name')).toBeEnabled();

  // Save (Ctrl+S): the file on disk and the API list follow.
  await expect(page.getByTestId('design-unsaved')).toBeVisible();
  await design.save();
  const fileName = (await page.getByTestId('design-file').textContent()) ?? '';
  const onDisk = readFileSync(path.join(studio.projectDir, fileName), 'utf8');
  expect(onDisk).toContain('title: Quote Stream');
  expect(onDisk).toContain('address: /quotes/{symbol}');
  await expect(studioPage.apiItem('Quote Stream')).toBeVisible();

  // Export (YAML, AsyncAPI 2.6, studio profile) and re-import it under another title and context.
  await page.getByTestId('export-button').click();
  await page.getByTestId('export-asyncapi-2.6').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('quote-stream-1.1.0.asyncapi-2.6.yaml');
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toContain('asyncapi: 2.6.0');
  const scratch = mkdtempSync(path.join(tmpdir(), 'sse-studio-e2e-export-'));
  testInfo.attachments.push({ name: 'exported', contentType: 'application/yaml', body: Buffer.from(exported) });
  const copy = path.join(scratch, 'copy.asyncapi.yaml');
  writeFileSync(copy, exported.replace('title: Quote Stream', 'title: Quote Stream Copy').replace('x-context: /prices-feed', 'x-context: /prices-copy'));

  await page.getByTestId('import-button').click();
  // Chromium reads a chosen file lazily, from its path: the copy stays until the preview shows it.
  await page.getByTestId('import-file-input').setInputFiles(copy);
  await expect(page.getByTestId('import-ready')).toContainText('Quote Stream Copy');
  rmSync(scratch, { recursive: true, force: true });
  await expect(page.getByTestId('import-file-name')).toHaveValue('quote-stream-copy-1.1.0.asyncapi.yaml');
  await page.getByTestId('import-create').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(studioPage.apiItem('Quote Stream Copy')).toBeVisible();
  await expect(page.getByTestId('api-name')).toHaveText('Quote Stream Copy');
  await page.getByTestId('tab-overview').click();
  await expect(page.getByTestId('topic-table')).toContainText('/quotes/{symbol}');
  expect(readFileSync(path.join(studio.projectDir, 'quote-stream-copy-1.1.0.asyncapi.yaml'), 'utf8')).toContain('/quotes/{symbol}');
});

test('an import that cannot become an SSE API is refused with the reason and where, and nothing is created', async ({ page, studio }) => {
  await page.goto(studio.uiUrl);
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-tab-paste').click();
  await page.getByTestId('import-paste').fill('asyncapi: 3.0.0\ninfo:\n  title: Nothing\n  version: "1"\nchannels: {}\n');
  await expect(page.getByTestId('import-refused')).toContainText('line 5:');
  await expect(page.getByTestId('import-create')).toBeDisabled();
});

test('the editor completes and explains AsyncAPI keys from the spec schema (offline)', async ({ page, studio }) => {
  const studioPage = new StudioPage(page);
  await page.goto(studio.uiUrl);
  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name: 'Completion Feed', context: '/completion' });
  await page.getByTestId('create-api-submit').click();
  const design = new DesignPage(page);
  await design.open();
  await design.placeCursor(await design.lineOf('version: 1.0.0'), 200);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  // info's properties from AsyncAPI 3.0's JSON Schema: monaco-yaml's worker has the schema.
  await expect(page.locator('.suggest-widget')).toContainText('termsOfService');
  await page.keyboard.press('Escape');
  const key = await page.locator('.view-line').filter({ hasText: 'defaultContentType' }).boundingBox();
  if (!key) throw new Error('no defaultContentType line');
  await page.mouse.move(key.x + 30, key.y + key.height / 2);
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Default content type' }).first()).toBeVisible();
});
