import { expect, test } from './fixtures/example-project.ts';
import { callStudio, TesterLab } from './pages/tester-lab.ts';

/**
 * Sessions live in the host (issue 10): a tester runs three subscriptions on two APIs, moves
 * between tabs and APIs and reloads the page, and finds each session, its events and its verdict
 * intact; the session list shows what runs. Only Stop (or closing its viewer) ends a session.
 */
const COUNTER_API = `asyncapi: 3.0.0
info:
  title: Counter
  version: 1.0.0
x-context: /counter-api
servers:
  mock: { host: 127.0.0.1:8080, protocol: sse }
channels:
  counter:
    address: /counter
    x-mock: { scenario: counter, rate: 5 }
    messages:
      count: { name: count, payload: { type: string } }
operations:
  receiveCount: { action: receive, channel: { $ref: '#/channels/counter' } }
`;

test('three subscriptions on two APIs survive tab switches, API switches and a reload, with their events and verdicts', async ({ page, studio }) => {
  test.setTimeout(120_000);
  await page.goto(studio.uiUrl);
  await callStudio(page, 'documents.create', { fileName: 'counter.asyncapi.yaml', text: COUNTER_API });
  await callStudio(page, 'apis.deploy', { id: 'counter.asyncapi.yaml' });

  // Stock Ticker: two subscribers (/prices and /prices/ACME); the first drops once, so its verdict has a drop to judge.
  const first = new TesterLab(page, 0);
  await first.openApi('Stock Ticker');
  await first.subscribe();
  await page.getByTestId('add-subscriber').click();
  const second = new TesterLab(page, 1);
  await page.getByTestId('subscriber-tab-2').click();
  await second.panel.getByRole('combobox').first().click();
  await page.getByRole('option', { name: '/prices/{symbol}', exact: true }).click();
  await second.subscribe('/prices/ACME');
  await page.getByTestId('subscriber-tab-1').click();
  await expect.poll(() => first.number('event-count'), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await first.get('drop-client').click();
  await expect(first.get('verdict-drops')).toHaveText('1', { timeout: 20_000 });
  await expect(first.get('viewer-state')).toHaveText('open', { timeout: 20_000 });

  // Counter: a third subscription on another API.
  const counter = new TesterLab(page, 0);
  await counter.openApi('Counter');
  await counter.subscribe();
  await expect.poll(() => counter.number('event-count'), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);

  // The session list shows all three, on two APIs.
  const sessions = page.getByTestId('session-list');
  await expect(sessions).toHaveAttribute('data-running', '3');
  await expect(sessions.getByTestId('session-row')).toHaveCount(3);
  await expect(sessions).toContainText('Stock Ticker /prices');
  await expect(sessions).toContainText('Stock Ticker /prices/ACME');
  await expect(sessions).toContainText('Counter /counter');

  // Back to Stock Ticker (another API and back): the first session, its events and its verdict are there.
  await first.openApi('Stock Ticker');
  await expectIntact(first, 'the API switch');
  const verdictBefore = await first.verdictStatus().textContent();

  // A tab switch: Design (where the viewer is not shown), then back.
  await page.getByTestId('tab-design').click();
  await expect(page.getByTestId('subscriber-panel')).toHaveCount(0);
  await page.getByTestId('tab-overview').click();
  await expectIntact(first, 'the tab switch');
  await expect(first.verdictStatus()).toHaveText(verdictBefore ?? '');
  await page.getByTestId('subscriber-tab-2').click();
  await expect(second.get('viewer-state')).toHaveText('open');
  await expect.poll(() => second.number('event-count'), { timeout: 20_000 }).toBeGreaterThan(0);

  // A page reload: the viewers find their sessions on the host again.
  await page.reload();
  await first.openApi('Stock Ticker');
  await expectIntact(first, 'the reload');
  await expect(page.getByTestId('session-list')).toHaveAttribute('data-running', '3');

  // The host agrees: three sessions running, the first with its drop judged.
  const listed = await callStudio<{ subscriptions: Array<{ topicPath?: string; state: string; events: number; connections: number; verdictStatus: string }> }>(page, 'subscriptions.list', {});
  expect(listed.subscriptions.filter((s) => s.state === 'open').map((s) => s.topicPath).sort()).toEqual(['/counter', '/prices', '/prices/ACME']);
  expect(listed.subscriptions.find((s) => s.topicPath === '/prices')?.connections).toBe(2);

  // Stop ends a session, and only that one.
  await first.stop();
  await expect(page.getByTestId('session-list')).toHaveAttribute('data-running', '2');
});

async function expectIntact(lab: TesterLab, after: string): Promise<void> {
  await expect(lab.get('viewer-state'), `the session is still open after ${after}`).toHaveText('open', { timeout: 20_000 });
  await expect.poll(() => lab.number('event-count'), { message: `its events are back after ${after}`, timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await expect(lab.rows().first()).toBeVisible();
  await expect(lab.get('verdict-drops'), `its verdict still counts the drop after ${after}`).toHaveText('1', { timeout: 20_000 });
  await expect(lab.get('viewer-url')).toContainText('/stocks/1.0.0/prices');
}
