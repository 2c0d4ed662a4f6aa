import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/studio-server.ts';
import { ApiDetailPage } from './pages/api-detail-page.ts';
import { StudioPage } from './pages/studio-page.ts';

/**
 * The Runtime tab's replay, outage and stream settings: empty fields mean the default shown under
 * them, a wrong value is refused at its field with the gateway's own message, and Save writes only
 * what was set, leaving what the file already said.
 */
test('sets the outage window and the stream cap in the form, and finds only those in the document', async ({ page, studio }, testInfo) => {
  const studioPage = new StudioPage(page);
  const detail = new ApiDetailPage(page);
  const pageErrors = studioPage.collectPageErrors();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(studio.uiUrl);

  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name: 'Outage Feed', context: '/outage', version: '1.0.0', endpoint: studio.mockUrl });
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-name')).toHaveText('Outage Feed');
  const file = path.join(studio.projectDir, 'outage-feed-1.0.0.asyncapi.yaml');
  // The file spells out one default itself, with a comment: Save must keep both.
  writeFileSync(file, readFileSync(file, 'utf8').trimEnd() + '\nx-gateway:\n  # ops asked for an explicit heartbeat\n  heartbeatSeconds: 15\n');

  await detail.openTab('runtime');
  await expect(detail.setting('heartbeatSeconds'), 'the file sets it: shown').toHaveValue('15');
  for (const [field, shown] of [
    ['outageSeconds', '30 s'],
    ['maxStreams', '1,000 streams'],
    ['lingerSeconds', '60 s'],
    ['replay.maxBytes', '16'],
  ] as const) {
    await expect(detail.setting(field), `${field} is left to the default`).toHaveValue('');
    await expect(detail.settingHelp(field)).toContainText(`Empty = default: ${shown}`);
  }
  await expect(page.getByTestId('runtime-upstream-shared')).toBeChecked();
  await expect(page.getByTestId('runtime-section-replay')).toContainText("WSO2's behaviour: one backend connection per client");

  // Refused at the field, with the shared reader's message.
  await detail.setting('maxStreams').fill('0');
  await expect(detail.setting('maxStreams')).toHaveAttribute('aria-invalid', 'true');
  await expect(detail.settingHelp('maxStreams')).toHaveText('maxStreams must be a whole number from 1 to 100000.');
  await detail.saveButton().click();
  await expect(detail.setting('maxStreams'), 'Save moves to the field to fix').toBeFocused();

  await detail.setting('maxStreams').fill('50');
  await detail.setting('outageSeconds').fill('12');
  // The replay window shows in per-client mode too (0 there is WSO2's behaviour).
  await page.getByTestId('runtime-upstream-per-client').check();
  await expect(detail.setting('lingerSeconds')).toBeVisible();
  await expect(detail.preview()).toContainText('outageSeconds: 12');
  await expect(detail.preview()).toContainText('maxStreams: 50');
  await page.locator('main > div').last().evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('runtime-settings-1280.png') });
  await detail.setting('outageSeconds').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('runtime-settings-replay-1280.png') });
  await detail.save();

  await expect.poll(() => readFileSync(file, 'utf8'), { message: 'the document holds what was set' }).toMatch(/outageSeconds: 12/);
  const gateway = readFileSync(file, 'utf8').split('\nx-gateway:\n')[1] ?? '';
  expect(gateway.trimEnd().split('\n').map((l) => l.trim())).toEqual(['# ops asked for an explicit heartbeat', 'heartbeatSeconds: 15', 'upstream: per-client', 'outageSeconds: 12', 'maxStreams: 50']);
  await expect(detail.saveButton(), 'saved: unchanged again').toBeDisabled();
  await expect(detail.setting('outageSeconds')).toHaveValue('12');

  // Emptying a field gives the setting back to the default: its key leaves the file.
  await detail.setting('outageSeconds').fill('');
  await expect(detail.settingHelp('outageSeconds')).toContainText('Empty = default: 30 s');
  await detail.save();
  await expect.poll(() => readFileSync(file, 'utf8')).not.toMatch(/outageSeconds/);
  expect(readFileSync(file, 'utf8')).toMatch(/maxStreams: 50/);
  expect(pageErrors).toEqual([]);
});
