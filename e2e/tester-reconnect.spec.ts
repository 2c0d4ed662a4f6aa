import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/example-project.ts';
import { callStudio, expandIds, TesterLab } from './pages/tester-lab.ts';

/**
 * The tester's promise, end to end on the stock ticker example (mock backend, 2 events/s, ids 1, 2,
 * 3 ...): drop the viewer's connection on purpose and see the reconnect, the replayed events and a
 * GREEN verdict; then take away every replay (gateway history off, mock ignoring Last-Event-ID),
 * drop again, and see a RED verdict that names the lost ids — ids that are indeed not in the list.
 */
const SHOTS = process.env.SSE_STUDIO_SHOTS_DIR;

/** A 1440x900 picture with `target` at the top of the view (and the mouse out of the way of tooltips). */
async function shot(page: Page, name: string, outputPath: (name: string) => string, target: string): Promise<void> {
  await page.mouse.move(0, 899);
  await page
    .getByTestId(target)
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: outputPath(name) });
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, name) });
  }
}

test('a client drop is recovered by replay (GREEN); without any replay the verdict is RED and names the lost ids', async ({ page, studio }, testInfo) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const lab = new TesterLab(page);
  await page.goto(studio.uiUrl);
  await lab.openApi('Stock Ticker');
  await expect(page.getByTestId('deployed-status')).toHaveText('Deployed');

  // Subscribe to /prices through the gateway.
  await lab.subscribe();
  await expect(lab.get('viewer-url')).toHaveText(`${studio.gatewayUrl}/stocks/1.0.0/prices`);
  await expect.poll(() => lab.rows().count(), { message: 'price events arrive', timeout: 15_000 }).toBeGreaterThanOrEqual(4);
  await expect(lab.get('contract-violations'), 'every price fits the Price schema').toHaveText('0');
  await expect(lab.verdictStatus()).toHaveText('GREEN');
  expect(await lab.number('verdict-drops')).toBe(0);

  // Select an event: the detail pane shows its data and its frame with visible line ends.
  await lab.rows().first().click();
  await expect(lab.get('event-data-full')).toContainText('"symbol"');
  await lab.get('detail-tab-raw').click();
  await expect(lab.get('event-raw').locator('[data-mark="LF"]').first()).toBeVisible();
  await shot(page, 'tester-viewer.png', testInfo.outputPath.bind(testInfo), 'viewer');
  await lab.get('detail-tab-data').click();

  // Drop the client connection: it reconnects with Last-Event-ID and the backend replays the gap.
  await lab.get('drop-client').click();
  await expect(lab.get('timeline-entry').and(page.locator('[data-state="error"]')).first()).toContainText('client-drop');
  await expect(lab.get('timeline-entry').and(page.locator('[data-state="reconnecting"]')).first()).toContainText('Last-Event-ID');
  await expect.poll(() => lab.number('verdict-drops'), { message: 'the verdict sees the drop', timeout: 15_000 }).toBe(1);
  await expect.poll(() => lab.number('verdict-replayed'), { message: 'missed events came back by replay', timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  await expect(lab.verdictStatus()).toHaveText('GREEN');
  await expect(lab.verdictLost()).toHaveText('none');
  await expect(lab.get('event-replayed').first(), 'replayed events are marked in the list').toBeVisible();
  await expect(lab.get('verdict-window').first()).toContainText('client drop');
  await expect(page.locator('[data-testid="subscriber-panel"] [data-testid="timeline-entry"][data-state="open"]')).toHaveCount(2);
  await shot(page, 'tester-verdict-green.png', testInfo.outputPath.bind(testInfo), 'reconnect-panel');

  // Take every replay away: the gateway keeps no history (per-client upstream, replay.maxEvents 0)
  // and the mock ignores Last-Event-ID (x-mock resume: false).
  await lab.stop();
  const { apis } = await callStudio<{ apis: Array<{ id: string; name: string }> }>(page, 'apis.list', {});
  const id = apis.find((a) => a.name === 'Stock Ticker')?.id as string;
  const doc = await callStudio<{ text: string; hash: string }>(page, 'documents.get', { id });
  const noResume = doc.text.replace('      scenario: stock-ticker\n      rate: 2\n', '      scenario: stock-ticker\n      rate: 2\n      resume: false\n');
  expect(noResume).not.toBe(doc.text);
  await callStudio(page, 'documents.save', { id, text: noResume, baseHash: doc.hash });
  await callStudio(page, 'apis.updateRuntime', { id, gateway: { upstream: 'per-client', replay: { maxEvents: 0 } } });

  await lab.subscribe();
  await expect.poll(() => lab.rows().count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await expect.poll(() => lab.number('verdict-drops')).toBe(0);
  await lab.get('drop-client').click();
  await expect.poll(() => lab.number('verdict-drops'), { timeout: 15_000 }).toBe(1);
  await expect(lab.verdictStatus(), 'events were lost').toHaveText('RED', { timeout: 15_000 });
  const lostText = (await lab.verdictLost().textContent()) ?? '';
  const lost = expandIds(lostText);
  expect(lost.length, `lost ids are named: "${lostText}"`).toBeGreaterThanOrEqual(1);
  for (const lostId of lost) expect(lostId).toMatch(/^\d+$/);
  const shown = await lab.visibleIds();
  for (const lostId of lost) expect(shown, `lost id ${lostId} never arrived`).not.toContain(lostId);
  await expect(lab.get('verdict-reasons')).toContainText(lostText.split(',')[0] as string);
  await expect(lab.get('event-replayed')).toHaveCount(0);
  await expect(lab.get('event-gap').first(), 'the list marks where events are missing').toHaveText(`lost ${lost.length}`);
  await shot(page, 'tester-verdict-red.png', testInfo.outputPath.bind(testInfo), 'reconnect-panel');

  await lab.stop();
  expect(errors).toEqual([]);
});
