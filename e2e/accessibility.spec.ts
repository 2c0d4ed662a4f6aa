import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/example-project.ts';
import { ApiDetailPage } from './pages/api-detail-page.ts';
import { TesterLab } from './pages/tester-lab.ts';

/**
 * axe-core on every main screen of the stock ticker example, at 1280x800: no serious or critical
 * violation (WCAG 2.x A and AA rules plus axe's best practices). A failure lists each rule with the
 * elements it found, so the fix is obvious from the report.
 */
test.use({ viewport: { width: 1280, height: 800 } });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`).join('\n')}`);
}

test('no serious or critical accessibility violation on any main screen', async ({ page, studio }) => {
  test.setTimeout(180_000);
  const detail = new ApiDetailPage(page);
  const lab = new TesterLab(page);
  await page.goto(studio.uiUrl);
  await lab.openApi('Stock Ticker');
  const found: Record<string, string[]> = {};

  await detail.openTab('overview');
  found.overview = await seriousViolations(page);

  // The live viewer with events, a selected event and its detail.
  await lab.subscribe();
  await expect.poll(() => lab.rows().count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await lab.rows().first().click();
  found.viewer = await seriousViolations(page);
  await lab.stop();

  await detail.openTab('runtime');
  found.runtime = await seriousViolations(page);

  await detail.openTab('metrics');
  found.metrics = await seriousViolations(page);

  await page.getByTestId('tab-design').click();
  await page.getByTestId('design-pane').waitFor();
  found.design = await seriousViolations(page);

  await page.getByTestId('new-api-button').click();
  await page.getByTestId('create-api-submit').waitFor();
  found.newApi = await seriousViolations(page);

  const failures = Object.entries(found).filter(([, v]) => v.length);
  expect(failures.map(([screen, v]) => `${screen}:\n${v.join('\n')}`).join('\n\n'), 'serious or critical axe violations').toBe('');
});

test('controls are named by their visible labels: fault checkboxes, titles that tick them, Pause', async ({ page, studio }) => {
  const lab = new TesterLab(page);
  await page.goto(studio.uiUrl);
  await lab.openApi('Stock Ticker');
  for (const name of ['Stall (send nothing)', 'Latency and jitter', 'Bandwidth cap', 'Answer with a status', 'Wrong content type']) {
    const box = page.getByRole('checkbox', { name, exact: true });
    await expect(box, `the ${name} checkbox is named`).toHaveCount(1);
    await page.getByText(name, { exact: true }).click();
    await expect(box, `a click on "${name}" ticks it`).toBeChecked();
  }
  await lab.subscribe();
  await expect(lab.panel.getByRole('button', { name: 'Pause', exact: true }), 'Pause keeps its visible name').toBeVisible();
  await expect(page.getByTestId('copy-eventsource-http').first()).toHaveAccessibleName(/^js\b/);
  await lab.stop();
});

test('the keyboard focus is visible on every control it reaches', async ({ page, studio }) => {
  test.setTimeout(120_000);
  await page.goto(studio.uiUrl);
  await new TesterLab(page).openApi('Stock Ticker');
  const missing: string[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const active = page.locator(':focus');
    if ((await active.count()) === 0) continue;
    const focused = await active.first().evaluate((el) => {
      // Browser types, spelled out: e2e code is checked without the DOM library.
      const node = el as unknown as { tagName: string; textContent: string | null; parentElement: unknown; matches(selector: string): boolean; getAttribute(name: string): string | null };
      // A checkbox's input is invisible (MUI): the box around it must show the ring.
      const shown = node.matches('input[type="checkbox"], input[type="radio"]') ? node.parentElement : el;
      const style = (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string } }).getComputedStyle(shown);
      // A text field shows focus with its own outlined border; everything else needs a ring.
      const field = node.matches('input[type="text"], input:not([type]), textarea, [role="combobox"]');
      return { what: `${node.tagName.toLowerCase()} ${node.getAttribute('data-testid') ?? node.textContent?.trim().slice(0, 30) ?? ''}`, ring: field || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) };
    });
    if (focused && !focused.ring) missing.push(focused.what);
  }
  expect(missing, 'controls the keyboard reached without a visible focus ring').toEqual([]);
});
