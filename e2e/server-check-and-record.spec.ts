import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/example-project.ts';
import { TesterLab } from './pages/tester-lab.ts';

/**
 * "Check a server" runs the conformance suite in the host against any SSE URL (here the mock's
 * /counter) and shows each check's verdict; the viewer's Record button saves what it received as a
 * recording in the project, with the x-mock line that plays it from the mock.
 */
test('Check a server: the suite runs in the host and shows each check', async ({ page, studio }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(studio.uiUrl);
  await page.getByTestId('check-server-button').click();
  await page.getByTestId('server-check-url').fill(`${studio.mockUrl.replace(/\/+$/, '')}/counter?rate=20`);
  await page.getByTestId('server-check-duration').fill('4');
  await page.getByTestId('server-check-drops').fill('2');
  await page.getByTestId('server-check-start').click();
  await expect(page.getByTestId('server-check-run')).toHaveAttribute('data-running', 'true');
  await expect(page.getByTestId('server-check-progress')).not.toBeEmpty();
  await expect(page.getByTestId('server-check-verdict')).toHaveAttribute('data-ok', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('check-resume')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-resume-summary')).toContainText('resumes');
  await expect(page.getByTestId('check-response')).toHaveAttribute('data-status', 'pass');
  expect(errors).toEqual([]);
});

test('the viewer records what it received into a mock scenario file', async ({ page, studio }) => {
  test.setTimeout(60_000);
  const lab = new TesterLab(page);
  await page.goto(studio.uiUrl);
  await lab.openApi('Stock Ticker');
  await lab.subscribe();
  await expect.poll(() => lab.rows().count(), { message: 'price events arrive', timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await lab.get('record-button').click();
  await page.getByTestId('record-name').fill('e2e-prices');
  await page.getByTestId('record-save').click();
  await expect(page.getByTestId('record-x-mock')).toHaveText('x-mock: { scenario: recorded, file: recordings/e2e-prices.json, timing: original }');
  // The stock ticker's data is JSON: the dialog offers the message with examples and a schema.
  await expect(page.getByTestId('record-messages')).toContainText('price:');
  await expect(page.getByTestId('record-messages')).toContainText('type: object');
  const file = path.join(studio.projectDir, 'recordings', 'e2e-prices.json');
  expect(existsSync(file)).toBe(true);
  const recording = JSON.parse(readFileSync(file, 'utf8')) as { events: Array<{ event: string; atMs: number }> };
  expect(recording.events.length).toBeGreaterThanOrEqual(3);
  expect(recording.events.every((e) => e.event === 'price')).toBe(true);
});
