import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/studio-server.ts';
import { DesignPage } from './pages/design-page.ts';
import { StudioPage } from './pages/studio-page.ts';

const SCREEN = { width: 1280, height: 800 };

async function createApi(page: Page, name: string, context: string): Promise<void> {
  const studioPage = new StudioPage(page);
  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name, context });
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-name')).toHaveText(name);
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
  await page.getByTestId('new-api-form').screenshot({ path: test.info().outputPath('new-api-form.png') });
  await page.screenshot({ path: test.info().outputPath('new-api-1280x800.png') });

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
  await page.screenshot({ path: test.info().outputPath('design-1280x800.png') });
  await page.getByTestId('design-topic-0').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('design-topic-1280x800.png') });
});
