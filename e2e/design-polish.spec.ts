import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/studio-server.ts';
import { DesignPage, studioCall } from './pages/design-page.ts';
import { StudioPage } from './pages/studio-page.ts';

const SCREEN = { width: 1280, height: 800 };

async function createApi(page: Page, name: string, context: string): Promise<void> {
  const studioPage = new StudioPage(page);
  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name, context });
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-name')).toHaveText(name);
}

/** A 1280x800 screenshot in the test's output folder (and in $SCREENSHOT_DIR when set, to keep it for review). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, name) });
}

/** The label element of the text field whose input is `input`. */
function labelOf(input: Locator): Locator {
  return input.locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")][1]/label');
}

async function box(locator: Locator): Promise<{ top: number; bottom: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return { top: b.y, bottom: b.y + b.height };
}

test('a refused topic path keeps its text and its error after the field loses focus', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  await createApi(page, 'Dup Paths', '/dup');
  const design = new DesignPage(page);
  await design.open();
  await design.topicPath(0).fill('/prices/{symbol}');
  await expect.poll(() => design.text()).toContain('address: /prices/{symbol}');
  await page.getByTestId('design-add-topic').click();
  const second = design.topicPath(1);
  await second.fill('/prices/{symbol}');
  const help = page.getByTestId('design-topic-1-path-helper');
  await expect(help).toContainText('Another topic already uses');
  await page.keyboard.press('Tab');
  await expect(second).not.toBeFocused();
  // Still what the user typed, still saying what is wrong.
  await expect(second).toHaveValue('/prices/{symbol}');
  await expect(help).toContainText('Another topic already uses');
  await second.fill('/prices/{symbol}/daily');
  await page.keyboard.press('Tab');
  await expect(help).not.toContainText('Another topic');
  await expect.poll(() => design.text()).toContain('/prices/{symbol}/daily');
});

test('helper texts never sit on the next field\'s label (Design topic, New API)', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);

  // New API: Tab past an empty Name: its label stays above the placeholder.
  await new StudioPage(page).openNewApiForm();
  const name = page.getByTestId('field-name');
  await name.focus();
  await page.keyboard.press('Tab');
  await expect(name).not.toBeFocused();
  const nameLabel = await box(labelOf(name));
  const nameInput = await box(name);
  // A label on top of the input is centred on it; one above the placeholder ends above the input's middle.
  expect(nameLabel.bottom).toBeLessThan((nameInput.top + nameInput.bottom) / 2);
    await shot(page, 'new-api-1280x800.png');

  await new StudioPage(page).fillApi({ name: 'Overlap Check', context: '/overlap' });
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-name')).toHaveText('Overlap Check');
  const design = new DesignPage(page);
  await design.open();
  await design.topicPath(0).fill('/prices/{symbol}');
  const param = page.getByTestId('design-topic-0-param-symbol');
  await expect(param).toBeVisible();
  const pathHelp = await box(page.getByTestId('design-topic-0-path-helper'));
  expect(pathHelp.bottom).toBeLessThanOrEqual((await box(labelOf(param))).top);
  const eventHelp = await box(page.getByTestId('design-topic-0-event-helper'));
  expect(eventHelp.bottom).toBeLessThanOrEqual((await box(labelOf(page.getByTestId('design-topic-0-payload')))).top);
  await shot(page, 'design-1280x800.png');
  await page.getByTestId('design-topic-0').scrollIntoViewIfNeeded();
  await shot(page, 'design-topic-1280x800.png');
});

test('rename, duplicate and delete an API; a delete asks first and can be undone until the next action', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  const studioPage = new StudioPage(page);
  await createApi(page, 'Ledger', '/ledger');
  const fileName = 'ledger-1.0.0.asyncapi.yaml';
  const original = readFileSync(path.join(studio.projectDir, fileName), 'utf8');

  // Rename: info.title changes, nothing else in the file.
  await page.getByTestId('api-actions').click();
  await page.getByTestId('api-rename').click();
  await page.getByTestId('api-rename-name').fill('General Ledger');
  await page.getByTestId('api-rename-confirm').click();
  await expect(page.getByTestId('api-name')).toHaveText('General Ledger');
  const renamed = readFileSync(path.join(studio.projectDir, fileName), 'utf8');
  expect(renamed).toBe(original.replace('title: Ledger', 'title: General Ledger'));

  // Duplicate: a copy with its own name, context and file opens.
  await page.getByTestId('api-actions').click();
  await page.getByTestId('api-duplicate').click();
  await expect(page.getByTestId('api-name')).toHaveText('General Ledger copy');
  expect(existsSync(path.join(studio.projectDir, 'general-ledger-copy-1.0.0.asyncapi.yaml'))).toBe(true);
  await expect(studioPage.apiItem('General Ledger copy')).toContainText('/ledger-copy/1.0.0');

  // Delete asks first; Cancel keeps the file.
  await page.getByTestId('api-actions').click();
  await page.getByTestId('api-delete').click();
  await expect(page.getByTestId('api-delete-message')).toContainText('general-ledger-copy-1.0.0.asyncapi.yaml');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(existsSync(path.join(studio.projectDir, 'general-ledger-copy-1.0.0.asyncapi.yaml'))).toBe(true);
  await page.getByTestId('api-actions').click();
  await page.getByTestId('api-delete').click();
  await page.getByTestId('api-delete-confirm').click();
  await expect(page.getByTestId('undo-bar')).toContainText('Deleted "General Ledger copy"');
  await expect.poll(() => existsSync(path.join(studio.projectDir, 'general-ledger-copy-1.0.0.asyncapi.yaml'))).toBe(false);
  await expect(studioPage.apiItem('General Ledger copy')).toHaveCount(0);
  await shot(page, 'undo-1280x800.png');
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('api-name')).toHaveText('General Ledger copy');
  expect(existsSync(path.join(studio.projectDir, 'general-ledger-copy-1.0.0.asyncapi.yaml'))).toBe(true);

  // Delete again; the next action (a click on another API) ends the Undo offer.
  await page.getByTestId('api-actions').click();
  await page.getByTestId('api-delete').click();
  await page.getByTestId('api-delete-confirm').click();
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  await studioPage.apiItem('General Ledger').click();
  await expect(page.getByTestId('undo-bar')).toBeHidden();
  expect(existsSync(path.join(studio.projectDir, 'general-ledger-copy-1.0.0.asyncapi.yaml'))).toBe(false);
});

test('Discard changes, a prompt before leaving unsaved edits, and the recovery banner says why it is there', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  const studioPage = new StudioPage(page);
  await createApi(page, 'Other Feed', '/other');
  await createApi(page, 'Draft Feed', '/draft');
  const design = new DesignPage(page);
  await design.open();

  // Discard changes: asks, then the editor and the forms show the file again.
  await design.field('name').fill('Draft Feed Edited');
  await expect(page.getByTestId('design-unsaved')).toBeVisible();
  await page.getByTestId('design-discard').click();
  await page.getByTestId('design-discard-confirm').click();
  await expect(page.getByTestId('design-discarded')).toBeVisible();
  await expect(design.field('name')).toHaveValue('Draft Feed');
  await expect.poll(() => design.text()).toContain('title: Draft Feed\n');
  await expect(page.getByTestId('design-save')).toBeDisabled();

  // Leaving the API with unsaved edits asks first; Stay keeps everything.
  await design.field('name').fill('Draft Feed Two');
  await studioPage.apiItem('Other Feed').click();
  await expect(page.getByTestId('leave-message')).toContainText('draft-feed-1.0.0.asyncapi.yaml');
  await shot(page, 'leave-prompt-1280x800.png');
  await page.getByTestId('leave-stay').click();
  await expect(page.getByTestId('api-name')).toHaveText('Draft Feed');
  await expect(design.field('name')).toHaveValue('Draft Feed Two');

  // The recovery copy of a reloaded page says the page went away before it was saved.
  await expect
    .poll(async () => (await studioCall<{ draft: { text: string } | null }>(page, 'documents.get', { id: 'draft-feed-1.0.0.asyncapi.yaml' })).value?.draft?.text ?? '', { timeout: 10_000 })
    .toContain('Draft Feed Two');
  await page.reload();
  await studioPage.apiItem('Draft Feed').first().click();
  await page.getByTestId('tab-design').click();
  await expect(page.getByTestId('draft-offer')).toContainText('closed or the page reloaded before it was saved');
  // Changed on disk since: the banner says so instead.
  const file = path.join(studio.projectDir, 'draft-feed-1.0.0.asyncapi.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Draft Feed', 'title: Draft Feed Elsewhere'));
  await page.reload();
  await studioPage.apiItem('Draft Feed Elsewhere').click();
  await page.getByTestId('tab-design').click();
  await expect(page.getByTestId('draft-offer')).toContainText('the file has changed since');

  // Leave and discard: the other API opens, the recovery copy is gone.
  await page.getByTestId('draft-restore').click();
  await expect(page.getByTestId('design-unsaved')).toBeVisible();
  await studioPage.apiItem('Other Feed').click();
  await page.getByTestId('leave-discard').click();
  await expect(page.getByTestId('api-name')).toHaveText('Other Feed');
  await expect.poll(async () => (await studioCall<{ draft: unknown }>(page, 'documents.get', { id: 'draft-feed-1.0.0.asyncapi.yaml' })).value?.draft ?? null).toBeNull();
});

test('saving a document that does not parse asks first, undeploys it, and says what happened', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  await createApi(page, 'Broken Feed', '/broken');
  await page.getByTestId('deploy-button').click();
  await expect(page.getByTestId('deployed-status')).toHaveText('Deployed');
  const design = new DesignPage(page);
  await design.open();
  const line = await design.lineOf('version: 1.0.0');
  await design.placeCursor(line, 200);
  await page.keyboard.press('Enter');
  await page.keyboard.type('title: [unclosed');
  await expect(design.invalidBanner()).toBeVisible();
  await page.getByTestId('design-save').click();
  await expect(page.getByTestId('design-save-unreadable-message')).toContainText('it will no longer be deployed');
  await shot(page, 'save-unreadable-1280x800.png');
  // Keep editing: nothing written.
  await page.getByRole('button', { name: 'Keep editing' }).click();
  const file = path.join(studio.projectDir, 'broken-feed-1.0.0.asyncapi.yaml');
  expect(readFileSync(file, 'utf8')).not.toContain('[unclosed');
  await page.getByTestId('design-save').click();
  await page.getByTestId('design-save-unreadable-confirm').click();
  await expect(page.getByTestId('design-saved-unreadable')).toContainText('no longer an SSE API and is not deployed');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('[unclosed');
  const gateway = studio.gatewayUrl;
  await expect.poll(async () => (await fetch(`${gateway}/broken/1.0.0/x`)).status).toBe(404);
});

test('an import that clashes with an API warns in the preview, before anything is created, and offers rename or replace', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  const studioPage = new StudioPage(page);
  await createApi(page, 'Quotes', '/quotes');
  const fileName = 'quotes-1.0.0.asyncapi.yaml';
  const original = readFileSync(path.join(studio.projectDir, fileName), 'utf8');
  const incoming = original.replace('title: Quotes', 'title: Quotes\n  description: imported');

  const openImport = async () => {
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-tab-paste').click();
    await page.getByTestId('import-paste').fill(incoming);
  };

  // Rename: the warning names the API it clashes with; the copy gets a free name, context and file.
  await openImport();
  await expect(page.getByTestId('import-clash')).toContainText('Quotes 1.0.0 (quotes-1.0.0.asyncapi.yaml) already has this name, version and context');
  await expect(page.getByTestId('import-new-name')).toHaveValue('Quotes 2');
  await expect(page.getByTestId('import-new-context')).toHaveValue('/quotes-2');
  await expect(page.getByTestId('import-file-name')).toHaveValue('quotes-2-1.0.0.asyncapi.yaml');
  await shot(page, 'import-clash-1280x800.png');
  await page.getByTestId('import-new-context').fill('/quotes');
  await expect(page.getByTestId('import-create')).toBeDisabled();
  await page.getByTestId('import-new-context').fill('/quotes-two');
  await page.getByTestId('import-create').click();
  await expect(page.getByTestId('api-name')).toHaveText('Quotes 2');
  expect(readFileSync(path.join(studio.projectDir, 'quotes-2-1.0.0.asyncapi.yaml'), 'utf8')).toContain('x-context: /quotes-two');
  expect(readFileSync(path.join(studio.projectDir, fileName), 'utf8')).toBe(original);

  // Replace: the existing API's file takes the imported text.
  await studioPage.apiItem('Quotes').first().click();
  await openImport();
  await expect(page.getByTestId('import-clash')).toBeVisible();
  await page.getByTestId('import-clash-replace').click();
  await expect(page.getByTestId('import-file-name')).toHaveCount(0);
  await page.getByTestId('import-create').click();
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect.poll(() => readFileSync(path.join(studio.projectDir, fileName), 'utf8')).toBe(incoming);
  await expect(studioPage.apiItem('Quotes')).toHaveCount(2);
});

test('the x-mock form beside the topic writes each setting into the document and follows edits in the editor', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  await createApi(page, 'Mocked Feed', '/mocked');
  const design = new DesignPage(page);
  await design.open();
  const mock = (name: string) => page.getByTestId(`design-topic-0-mock-${name}`);

  await mock('scenario').locator('xpath=..').click();
  await page.getByRole('option', { name: 'counter' }).click();
  await expect.poll(() => design.text()).toMatch(/x-mock:\n\s+scenario: counter/);

  // A value the mock would refuse stays in the field with the mock's message, and is not written.
  await mock('rate').fill('5000');
  await expect(page.getByTestId('design-topic-0-mock-rate-helper')).toContainText('0.1 to 1000');
  await page.keyboard.press('Tab');
  await expect(mock('rate')).toHaveValue('5000');
  expect(await design.text()).not.toContain('rate:');
  await mock('rate').fill('3');
  await expect.poll(() => design.text()).toContain('rate: 3');

  // Bursts instead of a rate: the rate goes.
  await mock('pace-burst').click();
  await mock('burst-events').fill('10');
  await mock('burst-everyMs').fill('1000');
  await expect.poll(() => design.text()).toMatch(/burst:\n\s+events: 10\n\s+everyMs: 1000/);
  expect(await design.text()).not.toContain('rate:');
  await mock('ids').locator('xpath=..').click();
  await page.getByRole('option', { name: 'uuid' }).click();
  await mock('resume').uncheck();
  await mock('retryMs').fill('1500');
  await expect.poll(() => design.text()).toContain('resume: false');
  await expect.poll(() => design.text()).toContain('retryMs: 1500');
  await expect.poll(() => design.text()).toContain('ids: uuid');

  // The editor -> the form.
  const line = await design.lineOf('events: 10');
  const text = (await design.text()).split('\n')[line - 1] ?? '';
  await design.select(line, text.indexOf('10') + 1, text.length + 1);
  await page.keyboard.type('25');
  await expect(mock('burst-events')).toHaveValue('25');
  await mock('burst-events').scrollIntoViewIfNeeded();
  await shot(page, 'design-mock-form-1280x800.png');
});

test('Tab is not trapped in the editor: reached by Tab it moves on (Ctrl+M switches); clicked into, Tab indents', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  await createApi(page, 'Keyboard Feed', '/keyboard');
  const design = new DesignPage(page);
  await design.open();
  const inEditor = () => page.locator('[data-testid="design-editor"]').evaluate((editor) => editor.contains(editor.ownerDocument.activeElement));
  const before = await design.text();

  // The last control of the forms, then Tab: into the editor, and Tab again: out of it, text unchanged.
  const fold = page.getByRole('button', { name: 'Fold' }).last();
  await fold.focus();
  await page.keyboard.press('Tab');
  await expect.poll(inEditor).toBe(true);
  await expect(page.getByTestId('design-editor-tab-hint')).toHaveText(/Tab moves focus/);
  await shot(page, 'design-editor-keyboard-1280x800.png');
  await page.keyboard.press('Tab');
  await expect.poll(inEditor).toBe(false);
  expect(await design.text()).toBe(before);
  // Shift+Tab comes back in, Ctrl+M makes Tab indent.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(inEditor).toBe(true);
  await page.keyboard.press('Control+m');
  await expect(page.getByTestId('design-editor-tab-hint')).toHaveText(/Tab indents/);
  await page.keyboard.press('Tab');
  await expect.poll(inEditor).toBe(true);
  await expect.poll(() => design.text()).not.toBe(before);
  await page.keyboard.press('Control+z');
  await expect.poll(() => design.text()).toBe(before);

  // Clicked into, Tab indents as in any code editor.
  await page.locator('.view-line').filter({ hasText: 'version' }).first().click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await expect.poll(inEditor).toBe(true);
  await expect.poll(() => design.text()).not.toBe(before);
});

test('a Markdown description is rendered (bold, code, links), raw HTML stays text', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  await createApi(page, 'Markdown Feed', '/markdown');
  const design = new DesignPage(page);
  await design.open();
  await design.field('description').fill('Live **prices** as `tick` events, see [the docs](https://example.com/docs). <b id="raw">raw</b>');
  await design.save();
  const description = page.getByTestId('api-description');
  await expect(description.locator('strong')).toHaveText('prices');
  await expect(description.locator('code')).toHaveText('tick');
  await expect(description.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://example.com/docs');
  await expect(description).toContainText('<b id="raw">raw</b>');
  await expect(page.locator('#raw')).toHaveCount(0);
});

test('the viewer offers the mock\'s built-in streams only where the document does not serve the path itself', async ({ page, studio }) => {
  await page.setViewportSize(SCREEN);
  await page.goto(studio.uiUrl);
  await createApi(page, 'Hinted Feed', '/hinted');
  const design = new DesignPage(page);
  await design.open();
  await page.getByTestId('design-add-topic').click();
  await design.topicPath(1).fill('/prices/{symbol}');
  await design.save();
  await page.getByTestId('tab-overview').click();
  const pathHelp = page.getByTestId('viewer-path').locator('xpath=ancestor::div[contains(@class,"MuiFormControl-root")][1]/p');
  // "/*": the built-in streams, without the /prices/{symbol} ones the document serves.
  await expect(pathHelp).toContainText('Mock streams: /prices, /counter, /clock');
  await expect(pathHelp).not.toContainText('/prices/ACME');
  // "/prices/{symbol}": the document's own topic, no built-in stream to offer.
  await page.getByTestId('viewer-topic').locator('xpath=..').click();
  await page.getByRole('option', { name: '/prices/{symbol}' }).click();
  await expect(page.getByTestId('viewer-path')).toBeVisible();
  await expect(pathHelp).not.toContainText('Mock streams');
});
