import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures/studio-server.ts';
import { DesignPage } from './pages/design-page.ts';
import { StudioPage } from './pages/studio-page.ts';

const IMPORTED = `asyncapi: 2.6.0
info:
  title: Dropped Feed
  version: 2.0.0
x-context: /dropped
servers:
  production:
    url: http://127.0.0.1:8080
    protocol: sse
channels:
  /ticks:
    subscribe:
      message:
        name: tick
        payload: { type: string }
`;

test('a new API can start as an AsyncAPI 2.6 document, edited through 2.x channels', async ({ page, studio }) => {
  const studioPage = new StudioPage(page);
  await page.goto(studio.uiUrl);
  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name: 'Legacy Feed', context: '/legacy' });
  await page.getByTestId('new-api-spec-2.6').click();
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-name')).toHaveText('Legacy Feed');
  const design = new DesignPage(page);
  await design.open();
  await expect(page.getByTestId('design-forms')).toContainText('AsyncAPI 2.6.0');
  // Typed key by key: in 2.x each keystroke renames the channel key, faster than the forms re-read it.
  await design.topicPath(0).fill('');
  await design.topicPath(0).pressSequentially('/quotes/{symbol}', { delay: 5 });
  await design.topicPath(0).blur();
  await expect(design.topicPath(0)).toHaveValue('/quotes/{symbol}');
  await expect.poll(() => design.text()).toContain('  /quotes/{symbol}:\n');
  await expect.poll(() => design.text()).toContain('subscribe:');
  await design.save();
  expect(readFileSync(path.join(studio.projectDir, 'legacy-feed-1.0.0.asyncapi.yaml'), 'utf8')).toMatch(/asyncapi: 2\.6\.0[\s\S]*\/quotes\/\{symbol\}:/);
});

test('a file dropped on the window is offered for import and created', async ({ page, studio }) => {
  await page.goto(studio.uiUrl);
  await page.getByTestId('drop-target').waitFor();
  const dataTransfer = await page.evaluateHandle((text) => {
    const g = globalThis as unknown as { DataTransfer: new () => { items: { add(file: unknown): void } }; File: new (parts: string[], name: string) => unknown };
    const transfer = new g.DataTransfer();
    transfer.items.add(new g.File([text], 'dropped.yaml'));
    return transfer;
  }, IMPORTED);
  await page.dispatchEvent('[data-testid="drop-target"]', 'dragenter', { dataTransfer });
  await page.dispatchEvent('[data-testid="drop-target"]', 'drop', { dataTransfer });
  await expect(page.getByTestId('import-ready')).toContainText('Dropped Feed');
  await page.getByTestId('import-create').click();
  await expect(new StudioPage(page).apiItem('Dropped Feed')).toBeVisible();
  expect(readFileSync(path.join(studio.projectDir, 'dropped-feed-2.0.0.asyncapi.yaml'), 'utf8')).toBe(IMPORTED);
});

test('the project menu opens another folder by path and lists recent projects; everything re-reads', async ({ page, studio }) => {
  const other = mkdtempSync(path.join(tmpdir(), 'sse-studio-e2e-other-'));
  try {
    writeFileSync(path.join(other, 'other.asyncapi.yaml'), IMPORTED.replace('Dropped Feed', 'Other Project Feed'));
    await page.goto(studio.uiUrl);
    await expect(page.getByTestId('project-root')).toHaveText(studio.projectDir);
    await page.getByTestId('project-menu-button').click();
    await page.getByTestId('project-path').fill(path.join(other, 'missing'));
    await page.getByTestId('project-open').click();
    await expect(page.getByTestId('project-menu')).toContainText(/missing/);
    await page.getByTestId('project-path').fill(other);
    await page.getByTestId('project-open').click();
    await expect(page.getByTestId('project-root')).toHaveText(other);
    await expect(new StudioPage(page).apiItem('Other Project Feed')).toBeVisible();
    await page.getByTestId('project-menu-button').click();
    await expect(page.getByTestId('project-recent')).toContainText(studio.projectDir);
    await page.getByTestId('project-recent').getByText(studio.projectDir).click();
    await expect(page.getByTestId('project-root')).toHaveText(studio.projectDir);
    await expect(page.getByTestId('api-list-empty')).toBeVisible();
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('the project menu makes a new, empty project with its settings file and opens it; a folder with files is refused', async ({ page, studio }) => {
  const parent = mkdtempSync(path.join(tmpdir(), 'sse-studio-e2e-new-'));
  try {
    const fresh = path.join(parent, 'my-apis');
    await page.goto(studio.uiUrl);
    await page.getByTestId('project-menu-button').click();
    await page.getByTestId('project-path').fill(studio.projectDir);
    writeFileSync(path.join(studio.projectDir, 'keep.txt'), 'x');
    await page.getByTestId('project-new').click();
    await expect(page.getByTestId('project-menu')).toContainText('not empty');
    await page.getByTestId('project-path').fill(fresh);
    await page.getByTestId('project-new').click();
    await expect(page.getByTestId('project-root')).toHaveText(fresh);
    await expect(page.getByTestId('api-list-empty')).toBeVisible();
    expect(readFileSync(path.join(fresh, 'sse-studio.yaml'), 'utf8')).toContain('gatewayPort: 8280');
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('a project file that is not an API opens from the problems list in its Design page, to be fixed there', async ({ page, studio }) => {
  writeFileSync(path.join(studio.projectDir, 'broken.asyncapi.yaml'), IMPORTED.replace('x-context: /dropped', 'x-context: /dropped feed').replace('Dropped Feed', 'Broken Feed'));
  await page.goto(studio.uiUrl);
  await page.locator('[data-testid="problem-item"][data-file="broken.asyncapi.yaml"]').first().click();
  await expect(page.getByTestId('document-page')).toContainText('Not an SSE API yet');
  const design = new DesignPage(page);
  await design.field('context').waitFor();
  await expect(design.fieldHelp('context')).toContainText('Remove spaces');
  await design.field('context').fill('/broken-feed');
  await page.keyboard.press('Control+s');
  // Now an API: its page opens, on the Design tab where the user was, showing the saved file.
  await expect(page.getByTestId('api-name')).toHaveText('Broken Feed');
  await expect(page.getByTestId('tab-design')).toHaveAttribute('aria-selected', 'true');
  await expect(design.field('context')).toHaveValue('/broken-feed');
  await expect(page.getByTestId('design-unsaved')).toBeHidden();
});
