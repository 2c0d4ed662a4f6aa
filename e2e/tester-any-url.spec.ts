import { expect, test } from './fixtures/example-project.ts';
import { TesterLab } from './pages/tester-lab.ts';

/**
 * Beyond the API's topics: the viewer subscribes straight to any SSE URL. On the stock ticker
 * example, pick "Any SSE URL…", point it at the mock backend's /counter stream (not a topic of the
 * API, not through the gateway) and see its `count` events arrive.
 */
test('the viewer subscribes to any SSE URL, not only the API topics', async ({ page, studio }) => {
  test.setTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lab = new TesterLab(page);
  await page.goto(studio.uiUrl);
  await lab.openApi('Stock Ticker');

  await lab.panel.getByRole('combobox', { name: 'Topic' }).click();
  await page.getByRole('option', { name: 'Any SSE URL…' }).click();
  const url = lab.get('viewer-any-url');
  await expect(url).toHaveAttribute('placeholder', 'http://127.0.0.1:8080/counter');
  await expect(lab.get('viewer-path')).toHaveCount(0);

  // Not an absolute http(s) URL: the field says how to fix it and Subscribe waits.
  await url.fill('/counter');
  await expect(lab.panel.getByText('Enter an absolute URL starting with http:// or https://')).toBeVisible();
  await expect(lab.get('subscribe-button')).toBeDisabled();

  const counter = `${studio.mockUrl.replace(/\/+$/, '')}/counter?rate=50`;
  await url.fill(counter);
  await lab.subscribe();
  await expect(lab.get('viewer-url')).toHaveText(counter);
  const countRows = lab.rows().filter({ has: page.getByTestId('event-type').getByText('count', { exact: true }) });
  await expect.poll(() => countRows.count(), { message: 'count events arrive', timeout: 15_000 }).toBeGreaterThanOrEqual(3);

  await lab.stop();
  expect(errors).toEqual([]);
});
