import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures/example-project.ts';
import { TesterLab } from './pages/tester-lab.ts';

/**
 * A stream faster than the list can show: the viewer says so ("showing 1 in N") while its counter
 * still counts every event. The source sends 40,000 events at once every second, far more than the
 * host passes to the window in one flush (it samples evenly past 30,000 a second), so the sampling
 * shows however fast or slow this machine is.
 */
const BURST = 40_000;

function startBurstSource(): Promise<{ url: string; close(): Promise<void> }> {
  let next = 1;
  const open = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    open.add(res);
    const burst = () => {
      let text = '';
      for (let i = 0; i < BURST; i++) text += `id: ${next}\ndata: ${next++}\n\n`;
      res.write(text);
    };
    burst();
    const timer = setInterval(burst, 1000);
    req.on('close', () => {
      clearInterval(timer);
      open.delete(res);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/burst`,
        close: () =>
          new Promise((done) => {
            for (const res of open) res.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

test('a stream too fast to list: "showing 1 in N", and the counter counts every event', async ({ page, studio }) => {
  test.setTimeout(90_000);
  const source = await startBurstSource();
  try {
    const lab = new TesterLab(page);
    await page.goto(studio.uiUrl);
    await lab.openApi('Stock Ticker');
    await lab.panel.getByRole('combobox', { name: 'Topic' }).click();
    await page.getByRole('option', { name: 'Any SSE URL…' }).click();
    await lab.get('viewer-any-url').fill(source.url);
    await lab.subscribe();

    const sampling = lab.get('viewer-sampling');
    await expect(sampling, 'the bar says the list is a sample').toBeVisible({ timeout: 30_000 });
    await expect(sampling).toHaveText(/^showing 1 in \d+(\.\d)?$/);
    expect(Number(await sampling.getAttribute('data-value'))).toBeGreaterThan(1.05);

    // Every event counts, listed or not: a whole burst, of which the list holds a part.
    const count = lab.get('event-count');
    await expect.poll(async () => Number(await count.getAttribute('data-value')), { message: 'the counter counts every event', timeout: 30_000 }).toBeGreaterThanOrEqual(BURST);
    const received = Number(await count.getAttribute('data-value'));
    const listed = Number(await count.getAttribute('data-listed'));
    expect(listed, 'the list holds a sample').toBeLessThan(received);
    expect(await lab.number('host-skipped')).toBeGreaterThan(0);
    await lab.stop();
  } finally {
    await source.close();
  }
});
