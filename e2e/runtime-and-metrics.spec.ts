import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { expect, test } from './fixtures/studio-server.ts';
import { ApiDetailPage } from './pages/api-detail-page.ts';
import { StudioPage } from './pages/studio-page.ts';

/**
 * Screenshots for people, from the top of the page: the test output folder always, and
 * $SSE_STUDIO_SHOTS_DIR too when set (plus a tall one with the whole tab, for review).
 */
async function shot(page: Page, name: string, outputPath: (name: string) => string): Promise<void> {
  await page.locator('main > div').last().evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: outputPath(name) });
  const dir = process.env.SSE_STUDIO_SHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, name) });
    // The tab scrolls inside the main area; a tall window shows all of it at once.
    await page.setViewportSize({ width: 1440, height: 2600 });
    await page.screenshot({ path: path.join(dir, name.replace('.png', '-tall.png')) });
    await page.setViewportSize({ width: 1440, height: 900 });
  }
}

test('secures an API with a key from the Runtime tab and sees the refusals and the traffic in Metrics', async ({ page, studio }, testInfo) => {
  const studioPage = new StudioPage(page);
  const detail = new ApiDetailPage(page);
  const pageErrors = studioPage.collectPageErrors();
  const outputPath = (name: string) => testInfo.outputPath(name);
  await page.goto(studio.uiUrl);

  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name: 'Guarded Feed', context: '/guarded', version: '1.0.0', endpoint: studio.mockUrl });
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-name')).toHaveText('Guarded Feed');
  await page.getByTestId('deploy-button').click();
  await expect(page.getByTestId('deployed-status')).toHaveText('Deployed');
  await expect(page.getByTestId('topic-http-url')).toHaveText(`${studio.gatewayUrl}/guarded/1.0.0/*`);
  await expect(page.getByTestId('topic-https-url'), 'the HTTPS URL sits next to the HTTP one').toContainText('https://127.0.0.1:');

  // Runtime: nothing changed yet, so nothing to save.
  await detail.openTab('runtime');
  await expect(detail.saveButton()).toBeDisabled();
  await expect(detail.preview()).toContainText('no x-gateway block');
  await expect(page.getByTestId('runtime-transport-http')).toBeChecked();
  await expect(page.getByTestId('runtime-transport-https')).toBeChecked();

  // An API key that is too short is refused at its field, with what to do.
  await detail.chooseSecurity('apiKey');
  await detail.apiKey(0).fill('short');
  await expect(detail.apiKey(0)).toHaveAttribute('aria-invalid', 'true');
  await expect(detail.settingHelp('security.keys')).toContainText('at least 8 characters');
  await expect(detail.saveButton()).toBeEnabled();
  await detail.saveButton().click();
  await expect(detail.apiKey(0), 'Save moves to the field to fix').toBeFocused();
  await expect(detail.apiKey(0), 'nothing typed is lost').toHaveValue('short');
  await expect(detail.savedNotice()).toHaveCount(0);
  await shot(page, 'runtime-key-error.png', outputPath);

  await detail.apiKey(0).fill('secret-key-1');
  await expect(detail.apiKey(0)).toHaveAttribute('aria-invalid', 'false');
  await expect(detail.preview()).toContainText('apikey');
  await expect(detail.preview()).toContainText('secret-key-1');
  await expect(page.getByTestId('tab-runtime').getByLabel('unsaved changes')).toBeVisible();
  await shot(page, 'runtime-tab.png', outputPath);
  await detail.save();
  await expect(detail.savedNotice()).toContainText('redeployed');
  await expect(detail.saveButton(), 'saved: unchanged again').toBeDisabled();
  const file = readFileSync(path.join(studio.projectDir, 'guarded-feed-1.0.0.asyncapi.yaml'), 'utf8');
  expect(file).toMatch(/x-gateway:\n\s+security:\n\s+type: apiKey/);

  // Overview: the copy-as-curl command sends the key the way this API reads it.
  await detail.openTab('overview');
  await expect(page.getByTestId('api-security')).toContainText('API key in the "apikey" header');
  await page.getByTestId('copy-curl-http').hover();
  await expect(page.getByRole('tooltip', { name: /^curl/ })).toHaveText(`curl -N -H 'apikey: secret-key-1' '${studio.gatewayUrl}/guarded/1.0.0/*'`);
  await page.getByTestId('copy-curl-https').hover();
  await expect(page.getByRole('tooltip', { name: /--http2/ })).toContainText(`curl -N --http2 -k -H 'apikey: secret-key-1' 'https://127.0.0.1:`);
  await shot(page, 'overview-tab.png', outputPath);
  await page.mouse.move(0, 0);

  // The viewer sends no key: the gateway answers 401, and the viewer says so.
  await page.getByTestId('viewer-path').fill('/prices');
  await page.getByTestId('subscribe-button').click();
  await expect(page.getByTestId('viewer-state')).toHaveText('failed');
  await expect(page.locator('[data-testid="timeline-entry"][data-state="failed"]')).toContainText('HTTP 401');

  await detail.openTab('metrics');
  await expect(page.getByTestId('prometheus-url')).toHaveText(`${studio.gatewayUrl}/_studio/metrics`);
  await expect.poll(() => detail.metric('/*', 'authFailures'), { message: 'the refusal is counted' }).toBeGreaterThanOrEqual(1);

  // Open the API again, subscribe, and watch the traffic.
  await detail.openTab('runtime');
  await detail.chooseSecurity('none');
  await expect(detail.preview()).toContainText('no x-gateway block');
  await detail.save();
  await detail.openTab('overview');
  await expect(page.getByTestId('api-security')).toContainText('None');

  await page.getByTestId('subscribe-button').click();
  await expect(page.getByTestId('viewer-state')).toHaveText('open');
  await expect.poll(() => studioPage.eventRows().count(), { message: 'price events arrive', timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await detail.openTab('metrics');
  await expect.poll(() => detail.metric('/*', 'eventsOut'), { message: 'events out are counted' }).toBeGreaterThan(0);
  await expect.poll(() => detail.metric('/*', 'connectionsOpen'), { message: 'the viewer is the one open connection' }).toBe(1);
  expect(await detail.metric('/*', 'authFailures')).toBeGreaterThanOrEqual(1);
  const chartPoints = async () => Number(await page.getByTestId('rate-chart').getAttribute('data-points'));
  await expect.poll(chartPoints, { message: 'the chart draws successive polls' }).toBeGreaterThanOrEqual(3);
  // A picture for people needs more than three seconds of line.
  if (process.env.SSE_STUDIO_SHOTS_DIR) await expect.poll(chartPoints, { timeout: 20_000 }).toBeGreaterThanOrEqual(12);
  await shot(page, 'metrics-tab.png', outputPath);

  await page.getByTestId('unsubscribe-button').click();
  await expect(page.getByTestId('viewer-state')).toHaveText('closed');
  expect(pageErrors).toEqual([]);
});

test('says which backend the gateway really streams from when the mock answers for localhost:8080', async ({ page, studio }) => {
  const studioPage = new StudioPage(page);
  await page.goto(studio.uiUrl);
  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name: 'Docs Example', context: '/docs', version: '1.0.0', endpoint: 'http://localhost:8080' });
  await page.getByTestId('create-api-submit').click();
  await expect(page.getByTestId('api-endpoint')).toHaveText('http://localhost:8080');
  // The API's own mount on the mock (its streams are its own), shown with the port.
  await expect(page.getByTestId('api-endpoint-in-use')).toHaveText(new RegExp(`^→ mock on :${new URL(studio.mockUrl).port}/apis/[a-z0-9-]+-[0-9a-f]{6}$`));
});
