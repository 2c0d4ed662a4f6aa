import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChildRpc } from '../../bench/gateway/rpc.ts';
import type { BackendApi, BackendReady } from '../../bench/gateway/backend.ts';
import { runServerCheck } from './run-server-check.ts';
import { formatServerCheckReport } from './server-check-report.ts';
import { findNginxBinary, startNginxProxy } from './testing/nginx-proxy.ts';
import type { CheckId, ServerCheckReport } from './types.ts';

// `check --url` against nginx in front of the bench backend (bench/gateway/backend.ts, run with
// --resume so it honours Last-Event-ID): the SSE setup passes, gzip + proxy buffering is flagged.
const nginx = findNginxBinary();
if (!nginx) console.warn('nginx not found (/usr/sbin/nginx): skipping the nginx tests of check --url. Install nginx-light to run them.');

const check = (report: ServerCheckReport, id: CheckId) => report.checks.find((c) => c.id === id) as ServerCheckReport['checks'][number];

describe.skipIf(!nginx)('check --url against the bench backend, direct and through nginx', () => {
  let backend: ChildRpc<BackendApi, BackendReady>;
  beforeAll(async () => {
    backend = await ChildRpc.start<BackendApi, BackendReady>('bench backend', 'bench/gateway/backend.ts', { args: ['200', '--resume'] });
    await backend.call('setRate', { rate: 20 });
  });
  afterAll(async () => backend?.stop());

  it('passes against the bench backend itself', async () => {
    const report = await runServerCheck({ url: `http://127.0.0.1:${backend.ready.port}/events`, headers: {}, http2: false, insecure: false, durationSeconds: 5, drops: 3, origin: undefined, allowHosts: [] });
    const text = formatServerCheckReport(report).join('\n');
    expect(report.ok, text).toBe(true);
    expect(check(report, 'resume').status, text).toBe('pass');
  });

  it('passes behind the SSE setup (proxy_buffering off, HTTP/1.1, no Connection header)', async () => {
    const proxy = await startNginxProxy(nginx as string, backend.ready.port, 'sse');
    try {
      const report = await runServerCheck({ url: `${proxy.url}/events`, headers: {}, http2: false, insecure: false, durationSeconds: 6, drops: 5, origin: undefined, allowHosts: [] });
      const text = formatServerCheckReport(report).join('\n');
      expect(report.ok, text).toBe(true);
      expect(check(report, 'resume').status, text).toBe('pass');
      expect(check(report, 'delivery').status, text).toBe('pass');
      expect(check(report, 'response').status, text).toBe('pass');
    } finally {
      await proxy.stop();
    }
  });

  it('flags the buffering behind gzip on + proxy_buffering on', async () => {
    const proxy = await startNginxProxy(nginx as string, backend.ready.port, 'gzip-buffered');
    try {
      const report = await runServerCheck({ url: `${proxy.url}/events`, headers: {}, http2: false, insecure: false, durationSeconds: 6, drops: 5, origin: undefined, allowHosts: [] });
      const text = formatServerCheckReport(report).join('\n');
      // zlib holds this very compressible stream whole: not even the headers come. Asked again
      // without compression, nginx answers at once: the check names compression as the cause.
      expect(check(report, 'response').status, text).toBe('fail');
      expect(check(report, 'response').summary).toMatch(/^buffered by compression/);
      expect(check(report, 'delivery').status, text).toBe('fail');
      expect(report.ok).toBe(false);
    } finally {
      await proxy.stop();
    }
  });
});
