import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures/studio-server.ts';
import { StudioPage } from './pages/studio-page.ts';

test('creates an API in the form, deploys it and shows its live events', async ({ page, studio }, testInfo) => {
  const studioPage = new StudioPage(page);
  const pageErrors = studioPage.collectPageErrors();
  await page.goto(studio.uiUrl);
  await expect(page.getByTestId('api-list-empty')).toBeVisible();

  await studioPage.openNewApiForm();
  await expect(studioPage.field('endpoint'), 'the endpoint starts as the mock backend').toHaveValue(studio.mockUrl);
  await expect(studioPage.field('topic')).toHaveValue('/*');
  await studioPage.fillApi({ name: 'Price Feed', context: '/feed', version: '2.0.0', endpoint: studio.mockUrl });
  await expect(page.getByTestId('gateway-base-path'), 'the gateway path follows the typing').toHaveText('/feed/2.0.0');
  await page.screenshot({ path: testInfo.outputPath('1-new-api-form.png') });
  await page.getByTestId('create-api-submit').click();

  await expect(studioPage.apiItem('Price Feed')).toBeVisible();
  await expect(page.getByTestId('api-name')).toHaveText('Price Feed');
  await expect(page.getByTestId('api-base-path')).toHaveText('/feed/2.0.0');
  await expect(page.getByTestId('topic-row')).toContainText(`${studio.gatewayUrl}/feed/2.0.0/*`);
  await expect(page.getByTestId('deployed-status')).toHaveText('Not deployed');

  await page.getByTestId('deploy-button').click();
  await expect(page.getByTestId('deployed-status')).toHaveText('Deployed');
  await expect(studioPage.apiItem('Price Feed')).toContainText('deployed');

  await expect(page.getByTestId('viewer-path'), 'a /* topic suggests a mock stream').toHaveValue('/prices');
  await page.getByTestId('viewer-path').fill('/prices');
  await page.getByTestId('subscribe-button').click();
  await expect(page.getByTestId('viewer-url')).toHaveText(`${studio.gatewayUrl}/feed/2.0.0/prices`);
  await expect.poll(() => studioPage.eventRows().count(), { message: 'price events arrive', timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await expect(page.locator('[data-testid="timeline-entry"][data-state="open"]')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('2-live-events.png') });

  const events = await studioPage.readEvents();
  expect(events.length).toBeGreaterThanOrEqual(3);
  for (const event of events) {
    expect(event.type).toBe('price');
    expect(event.time).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3}$/);
    expect(JSON.parse(event.data)).toHaveProperty('symbol');
  }
  const ids = events.map((e) => Number(e.id)).reverse(); // the table is newest first
  for (let i = 1; i < ids.length; i++) expect(ids[i], `ids increase: ${ids.join(', ')}`).toBeGreaterThan(ids[i - 1] as number);
  expect(Number(await page.getByTestId('event-count').textContent())).toBeGreaterThanOrEqual(events.length);

  await page.getByTestId('unsubscribe-button').click();
  await expect(page.getByTestId('viewer-state')).toHaveText('closed');
  await expect(page.getByTestId('subscribe-button')).toBeEnabled();
  expect(pageErrors).toEqual([]);
});

test('shows form errors at their fields and creates nothing until they are fixed', async ({ page, studio }, testInfo) => {
  const studioPage = new StudioPage(page);
  const pageErrors = studioPage.collectPageErrors();
  await page.goto(studio.uiUrl);
  await studioPage.openNewApiForm();

  await studioPage.fillApi({ name: 'Bad Context', context: '/a b', version: '1.0.0' });
  await expect(studioPage.field('context')).toHaveAttribute('aria-invalid', 'true');
  await expect(studioPage.fieldHelp('context')).toContainText('Remove spaces from the context');
  await expect(studioPage.field('name')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('gateway-preview')).toContainText('Enter a valid context and version');
  await page.screenshot({ path: testInfo.outputPath('3-form-errors.png') });

  await page.getByTestId('create-api-submit').click();
  await expect(studioPage.field('context'), 'the invalid field gets the focus').toBeFocused();
  await expect(page.getByTestId('new-api-form')).toBeVisible();
  await expect(page.getByTestId('api-list-empty')).toBeVisible();
  expect(readdirSync(studio.projectDir), 'no file was written').toEqual([]);
  await expect(studioPage.field('name'), 'nothing typed is lost').toHaveValue('Bad Context');

  await studioPage.field('context').fill('/good');
  await expect(studioPage.fieldHelp('context')).not.toContainText('Remove');
  await page.getByTestId('create-api-submit').click();
  await expect(studioPage.apiItem('Bad Context')).toBeVisible();

  // The host's own checks come back onto the field: a second API at the same gateway path.
  await studioPage.openNewApiForm();
  await studioPage.fillApi({ name: 'Same Place', context: '/good', version: '1.0.0' });
  await page.getByTestId('create-api-submit').click();
  await expect(studioPage.fieldHelp('context')).toContainText('already served at /good/1.0.0');
  await expect(studioPage.field('name')).toHaveValue('Same Place');
  expect(readdirSync(studio.projectDir)).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});

test('keeps the token out of the address bar and applies the same CSP as the server', async ({ page, studio }) => {
  await page.goto(studio.uiUrl);
  await expect(page.getByTestId('api-list-empty')).toBeVisible();
  expect(page.url()).not.toContain('token');

  await page.reload();
  await expect(page.getByTestId('api-list-empty'), 'the token survives a reload (sessionStorage)').toBeVisible();

  const response = await page.request.get(new URL('/', studio.uiUrl).href);
  const header = directives(response.headers()['content-security-policy'] ?? '');
  const meta = directives((await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '');
  // frame-ancestors only works as a header (browsers ignore it in <meta>); everything else must match.
  header.delete('frame-ancestors');
  expect([...meta.entries()].sort()).toEqual([...header.entries()].sort());
});

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values.join(' ')]),
  );
}
