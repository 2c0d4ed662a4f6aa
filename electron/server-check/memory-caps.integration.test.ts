import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { startScriptedBackend } from '../../test/support/scripted-backend.ts';
import { runServerCheck } from './run-server-check.ts';
import { startRuleBreakingBackend } from './testing/rule-breaking-backends.ts';

// Real sockets: a hostile backend must not make the check hold unbounded memory; the cap that cut
// it is named in the report, never a silent pass.
const started: Array<{ close(): Promise<void> }> = [];
afterAll(async () => Promise.all(started.map((b) => b.close())));

describe('server check memory caps', () => {
  it('cuts one endless event (data lines, never a blank line) at 4 MiB and says so', async () => {
    const b = await startRuleBreakingBackend('endless-event');
    started.push(b);
    const heapBefore = process.memoryUsage().heapUsed;
    const report = await runServerCheck({ url: `${b.url}/events`, headers: {}, http2: false, insecure: false, durationSeconds: 8, drops: 2, origin: undefined, allowHosts: [] });
    const framing = report.checks.find((c) => c.id === 'framing');
    expect(framing?.status).toBe('fail');
    expect(framing?.summary).toMatch(/one event grew past 4 MiB without a blank line/);
    const resume = report.checks.find((c) => c.id === 'resume');
    expect(resume?.status).not.toBe('pass');
    expect(resume?.evidence.join('\n')).toMatch(/one event grew past 4 MiB/);
    // Cut at the cap, not held until the deadline (64 KiB every 5 ms reaches 4 MiB in well under a second).
    expect(b.closedCount()).toBe(b.requests.length);
    expect(report.durationMs).toBeLessThan(8000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('stops inflating a gzip body at 64 MiB decompressed and says so (a warning, not a pass)', async () => {
    // 80 MiB of heartbeat comments and blank lines, about 80 KiB gzipped, then the connection stays open.
    const bomb = zlib.gzipSync(Buffer.alloc(80 * 1024 * 1024, ':\n\n'), { level: 9 });
    const b = await startScriptedBackend((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'content-encoding': 'gzip' });
      res.write(bomb);
    });
    started.push(b);
    const report = await runServerCheck({ url: `${b.url}/events`, headers: {}, http2: false, insecure: false, durationSeconds: 8, drops: 1, origin: undefined, allowHosts: [] });
    const framing = report.checks.find((c) => c.id === 'framing');
    expect(framing?.status).toBe('warn');
    expect(framing?.evidence.join('\n')).toMatch(/cut after 64 MiB decompressed/);
    expect(b.closedCount()).toBe(b.requests.length);
  });

  it('the resume probe keeps at most 100,000 log entries, and says so', async () => {
    // 120,000 tiny events at once on every connection (under 2 MB), then the connection stays open.
    let burst = '';
    for (let i = 1; i <= 120_000; i++) burst += `id: ${i}\ndata: x\n\n`;
    const b = await startScriptedBackend((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(burst);
    });
    started.push(b);
    const report = await runServerCheck({ url: `${b.url}/events`, headers: {}, http2: false, insecure: false, durationSeconds: 6, drops: 2, origin: undefined, allowHosts: [] });
    const resume = report.checks.find((c) => c.id === 'resume');
    expect(resume?.status).not.toBe('pass');
    expect(resume?.evidence.join('\n')).toMatch(/stopped after 100000 log entries/);
  });
});
