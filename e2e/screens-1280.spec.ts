import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures/example-project.ts';
import { ApiDetailPage } from './pages/api-detail-page.ts';
import { TesterLab } from './pages/tester-lab.ts';

/**
 * Every main screen at 1280x800, the smallest common laptop size: pictures to look at
 * (SSE_STUDIO_SHOTS_DIR keeps them) and the layout bugs a newcomer found there, checked in the page:
 * paths break only at "/" (never inside `{symbol}`), the event list's Data column has room, the
 * reconnect buttons stay on one line.
 */
test.use({ viewport: { width: 1280, height: 800 } });

async function shot(page: Page, testInfo: TestInfo, name: string, target?: string): Promise<void> {
  await page.mouse.move(0, 799);
  if (target)
    await page
      .getByTestId(target)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: testInfo.outputPath(name) });
  const dir = process.env.SSE_STUDIO_SHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, name) });
  }
}

/** Text pieces of `path` that the browser laid out on more than one line (a piece: the text between slashes). */
async function piecesBrokenMidWord(where: Locator): Promise<string[]> {
  const found = await where.evaluateAll((elements) =>
    elements.flatMap((el) => {
      // Browser types, spelled out: e2e code is checked without the DOM library.
      type Node = { nodeType: number; textContent: string | null; childNodes: ArrayLike<Node> };
      type RangeLike = { setStart(n: Node, o: number): void; setEnd(n: Node, o: number): void; getClientRects(): ArrayLike<{ top: number; width: number }> };
      const doc = (globalThis as unknown as { document: { createRange(): RangeLike } }).document;
      const broken: string[] = [];
      const walk = (node: Node) => {
        if (node.nodeType === 3) {
          const text = node.textContent ?? '';
          let start = 0;
          for (const piece of text.split('/')) {
            if (piece) {
              const range = doc.createRange();
              range.setStart(node, start);
              range.setEnd(node, start + piece.length);
              const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
              if (tops.size > 1) broken.push(piece);
            }
            start += piece.length + 1;
          }
        }
        Array.from(node.childNodes).forEach(walk);
      };
      walk(el as unknown as Node);
      return broken;
    }),
  );
  return found;
}

test('every main screen at 1280x800: paths whole, the Data column visible, the reconnect bar on one line', async ({ page, studio }, testInfo) => {
  test.setTimeout(120_000);
  const detail = new ApiDetailPage(page);
  const lab = new TesterLab(page);
  await page.goto(studio.uiUrl);
  await lab.openApi('Stock Ticker');

  await detail.openTab('overview');
  await expect(page.getByTestId('topic-row')).toHaveCount(2);
  await shot(page, testInfo, 'overview-1280.png');
  for (const testId of ['topic-row', 'overview-panel']) {
    const broken = await piecesBrokenMidWord(page.getByTestId(testId));
    expect(broken, `no path piece is broken across lines (${testId})`).toEqual([]);
  }

  await lab.subscribe();
  await expect.poll(() => lab.rows().count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await lab.rows().first().click();
  await shot(page, testInfo, 'viewer-1280.png', 'viewer');
  const data = lab.rows().first().getByTestId('event-data');
  const dataWidth = await data.evaluate((el) => (el as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width);
  expect(dataWidth, 'the Data column has room for the event data').toBeGreaterThanOrEqual(240);
  const tops = await lab
    .get('reconnect-panel')
    .locator('button')
    .evaluateAll((buttons) => buttons.map((b) => Math.round((b as unknown as { getBoundingClientRect(): { top: number } }).getBoundingClientRect().top)));
  expect(new Set(tops).size, `the reconnect buttons stay on one line (tops: ${tops.join(', ')})`).toBe(1);
  await shot(page, testInfo, 'test-lab-1280.png', 'fault-panel');
  const clipped = await page
    .getByTestId('fault-panel')
    .locator('input[placeholder]')
    .evaluateAll((inputs) => {
      // A placeholder does not count in scrollWidth: measure its text against the input's content box.
      type Style = { font: string; paddingLeft: string; paddingRight: string };
      const win = globalThis as unknown as {
        getComputedStyle(e: unknown): Style;
        document: { createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(t: string): { width: number } } } };
      };
      const context = win.document.createElement('canvas').getContext('2d');
      return inputs.flatMap((i) => {
        const el = i as unknown as { clientWidth: number; placeholder: string };
        const style = win.getComputedStyle(i);
        context.font = style.font;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return context.measureText(el.placeholder).width > room + 0.5 ? [el.placeholder] : [];
      });
    });
  expect(clipped, 'every placeholder fits its field').toEqual([]);
  await lab.stop();

  await detail.openTab('runtime');
  await shot(page, testInfo, 'runtime-1280.png');
  await detail.openTab('metrics');
  await shot(page, testInfo, 'metrics-1280.png');
  const cut = await page.getByTestId('metric-label').evaluateAll((cells) =>
    cells.flatMap((c) => {
      const el = c as unknown as { scrollWidth: number; clientWidth: number; textContent: string | null };
      return el.scrollWidth > el.clientWidth ? [el.textContent ?? ''] : [];
    }),
  );
  expect(cut, 'no metric label is cut off').toEqual([]);
});
