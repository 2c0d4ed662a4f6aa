import type { Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/studio-server.ts';
import { DesignPage, studioCall } from './pages/design-page.ts';
import { StudioPage } from './pages/studio-page.ts';

async function createAndOpen(page: Page, name: string, context: string): Promise<{ design: DesignPage; fileName: string }> {
  const studioPage = new StudioPage(page);
  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name, context });
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-name')).toHaveText(name);
  const design = new DesignPage(page);
  await design.open();
  return { design, fileName: (await page.getByTestId('design-file').textContent()) ?? '' };
}

test('unsaved text survives a crash: reload the page, restore the draft, save', async ({ page, studio }) => {
  await page.goto(studio.uiUrl);
  const { design, fileName } = await createAndOpen(page, 'Recovery Feed', '/recovery');

  // Type into the editor and do not save.
  const line = await design.lineOf('title: Recovery Feed');
  await design.placeCursor(line, 200);
  await page.keyboard.type(' Draft');
  await expect(design.field('name')).toHaveValue('Recovery Feed Draft');
  // The recovery draft is kept by the host about a second after typing stops.
  await expect
    .poll(async () => (await studioCall<{ draft: { text: string } | null }>(page, 'documents.get', { id: fileName })).value?.draft?.text ?? '', { timeout: 10_000 })
    .toContain('title: Recovery Feed Draft');

  // "Crash": reload the page. The file on disk never got the text.
  await page.reload();
  expect(readFileSync(path.join(studio.projectDir, fileName), 'utf8')).not.toContain('Draft');
  await new StudioPage(page).apiItem('Recovery Feed').click();
  await page.getByTestId('tab-design').click();
  await expect(page.getByTestId('draft-offer')).toBeVisible();
  await page.getByTestId('draft-restore').click();
  await expect(design.field('name')).toHaveValue('Recovery Feed Draft');
  await expect.poll(() => design.text()).toContain('title: Recovery Feed Draft');
  await expect(page.getByTestId('design-unsaved')).toBeVisible();

  await page.getByTestId('design-save').click();
  await expect(design.savedNotice()).toBeVisible();
  expect(readFileSync(path.join(studio.projectDir, fileName), 'utf8')).toContain('title: Recovery Feed Draft');
  await expect(new StudioPage(page).apiItem('Recovery Feed Draft')).toBeVisible();
  expect((await studioCall<{ draft: unknown }>(page, 'documents.get', { id: fileName })).value?.draft).toBeNull();
});

test('a change on disk reloads a clean editor, and under unsaved edits asks: compare, keep mine after confirming', async ({ page, studio }, testInfo) => {
  await page.goto(studio.uiUrl);
  const { design, fileName } = await createAndOpen(page, 'Disk Feed', '/disk');
  const file = path.join(studio.projectDir, fileName);

  // Nothing unsaved: another program's change is taken silently, with a notice.
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Disk Feed', 'title: Disk Feed Outside'));
  await expect(page.getByTestId('design-reloaded')).toBeVisible();
  await expect(design.field('name')).toHaveValue('Disk Feed Outside');

  // Unsaved edits: the banner says so and nothing is replaced.
  await design.field('description').fill('Typed in the studio');
  await expect.poll(() => design.text()).toContain('description: Typed in the studio');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Disk Feed Outside', 'title: Disk Feed Again'));
  await expect(page.getByTestId('disk-conflict-banner')).toBeVisible();
  await expect(design.field('description')).toHaveValue('Typed in the studio');
  await page.getByTestId('disk-conflict-resolve').click();
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toContainText('changed on disk by another program');
  await page.getByTestId('conflict-compare').click();
  await expect(dialog.getByTestId('diff-view')).toContainText('title: Disk Feed Again');
  await expect(dialog.getByTestId('diff-view')).toContainText('description: Typed in the studio');
  await page.screenshot({ path: testInfo.outputPath('conflict-dialog.png') });

  await page.getByTestId('conflict-keep-mine').click();
  await expect(page.getByTestId('conflict-confirm')).toBeVisible();
  await page.getByTestId('conflict-overwrite').click();
  await expect(dialog).toBeHidden();
  await expect(design.savedNotice()).toBeVisible();
  const saved = readFileSync(file, 'utf8');
  expect(saved).toContain('description: Typed in the studio');
  expect(saved).toContain('title: Disk Feed Outside');
});
