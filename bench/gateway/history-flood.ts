/**
 * `npx tsx bench/gateway/history-flood.ts [--requests 300] [--symbol-bytes 15000] [--rate 1000]`
 * The gateway's own memory limits under the hostile flood of the gateway round-2 issue, with a
 * backend that accepts ANY path (so every request opens a stream the gateway must record for its
 * replay window; `npm run bench:flood` floods `serve` with the mock, which refuses unknown symbols).
 * Many GETs for distinct long paths, each closed after its first bytes, while one normal subscriber
 * keeps streaming. Prints RSS, what the replay histories hold against their budget, live streams,
 * evictions and refusals. The backend runs in its own process; everything is on 127.0.0.1.
 * Run with NODE_OPTIONS=--expose-gc to see what is retained after a full GC.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { Gateway } from '../../electron/gateway/gateway.ts';
import { defaultRuntime } from '../../shared/model/runtime.ts';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const requests = arg('requests', 300);
const symbolBytes = arg('symbol-bytes', 15_000);
const rate = arg('rate', 1000);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

if (process.argv[2] === '--backend') {
  // Child: every path streams ~300-byte numbered events at `rate` per second, for as long as asked.
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.flushHeaders();
    let n = 0;
    const pad = 'x'.repeat(250);
    const perTick = Math.max(1, Math.round(rate / 100));
    const timer = setInterval(() => {
      let out = '';
      for (let i = 0; i < perTick; i++) out += `id: ${++n}\ndata: ${n} ${pad}\n\n`;
      res.write(out);
    }, 10);
    res.on('close', () => clearInterval(timer));
  });
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as { port: number }).port));
} else {
  const child = fork(fileURLToPath(import.meta.url), ['--backend', '--rate', String(rate)], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(m as number)));
  const gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  gateway.deploy({ id: 'flood', name: 'Flood', basePath: '/stocks/1.0.0', endpoint: `http://127.0.0.1:${port}`, topics: [{ path: '/prices/{symbol}' }], runtime: defaultRuntime() });
  const base = `${gateway.url}/stocks/1.0.0/prices`;

  let normalEvents = 0;
  const normal = await fetch(`${base}/ACME`);
  const reader = normal.body!.getReader();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      normalEvents += new TextDecoder().decode(value).split('\n\n').length - 1;
    }
  })();

  const rssBefore = process.memoryUsage().rss;
  let refused = 0;
  let peakRss = rssBefore;
  const started = Date.now();
  for (let i = 0; i < requests; i++) {
    const res = await fetch(`${base}/${`S${i}`.padEnd(symbolBytes, 'Z')}?rate=1000`);
    if (res.status !== 200) refused++;
    const r = res.body?.getReader();
    if (r) {
      await r.read().catch(() => undefined);
      await r.cancel().catch(() => undefined);
    }
    if (i % 20 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const floodSeconds = (Date.now() - started) / 1000;
  const eventsAtEnd = normalEvents;
  // The streams keep recording for their replay window, as they would between an attacker's bursts.
  for (let s = 0; s < 10; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const memory = gateway.metrics.memory?.();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const usage = process.memoryUsage();
  process.stdout.write(
    [
      `flood: ${requests} GETs for distinct paths (${symbolBytes}-byte symbols, ?rate=${rate}), each closed after its first bytes, in ${floodSeconds.toFixed(1)} s`,
      `RSS (gateway + this driver): before ${mb(rssBefore)} MB, peak ${mb(peakRss)} MB, after 10 s of recording ${mb(usage.rss)} MB`,
      `after a full GC${gc ? '' : ' (not run: start with NODE_OPTIONS=--expose-gc)'}: JS heap ${mb(usage.heapUsed)} MB, array buffers ${mb(usage.arrayBuffers)} MB`,
      `replay histories: ${mb(memory?.historyBytes ?? 0)} MB held of a ${mb(memory?.historyBudgetBytes ?? 0)} MB budget; ${memory?.historiesEvicted ?? 0} idle histories evicted`,
      `streams: ${memory?.streams ?? 0} live; ${refused} requests refused (503, maxStreams)`,
      `normal subscriber: ${eventsAtEnd} events during the flood, ${normalEvents - eventsAtEnd} in the 10 s after`,
    ].join('\n') + '\n',
  );
  await reader.cancel().catch(() => undefined);
  await gateway.stop();
  child.kill();
}
