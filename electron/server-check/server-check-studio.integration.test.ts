import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../../test/support/cli-process.ts';
import { runServerCheck } from './run-server-check.ts';
import { formatServerCheckReport } from './server-check-report.ts';
import type { CheckId, ServerCheckOptions, ServerCheckReport } from './types.ts';

// check --url against SSE Studio's own services, started by `sse-studio serve`: the embedded
// gateway (HTTP/1.1 and HTTPS with HTTP/2) and the mock backend keep every promise checked.
let serve: ServeProcess;
beforeAll(async () => {
  serve = await startServe(['examples/stock-ticker', '--gateway-port', '0', '--https-port', '0', '--mock-port', '0', '--no-ui']);
});
afterAll(async () => serve?.stop());

const options = (url: string, more: Partial<ServerCheckOptions> = {}): ServerCheckOptions => ({ url, headers: {}, http2: false, insecure: false, durationSeconds: 6, drops: 4, origin: undefined, allowHosts: [], ...more });
const check = (report: ServerCheckReport, id: CheckId) => report.checks.find((c) => c.id === id) as ServerCheckReport['checks'][number];

describe('check --url against the embedded gateway and the mock', () => {
  it.concurrent('the gateway over HTTP/1.1: no check fails, resume passes', async () => {
    const report = await runServerCheck(options(`${serve.urls.gateway}/stocks/1.0.0/prices`));
    const text = formatServerCheckReport(report).join('\n');
    expect(report.ok, text).toBe(true);
    expect(check(report, 'resume').status, text).toBe('pass');
    expect(check(report, 'response').status, text).toBe('pass');
  });

  it.concurrent('the gateway over HTTPS with HTTP/2: streams multiplexed on one connection', async () => {
    const report = await runServerCheck(options(`${serve.urls.https}/stocks/1.0.0/prices`, { http2: true, insecure: true }));
    const text = formatServerCheckReport(report).join('\n');
    expect(report.ok, text).toBe(true);
    expect(check(report, 'http2').status, text).toBe('pass');
    expect(check(report, 'resume').status, text).toBe('pass');
  });

  it.concurrent('the mock backend: no check fails, resume passes', async () => {
    const report = await runServerCheck(options(`${serve.urls.mock}/counter?rate=20`));
    const text = formatServerCheckReport(report).join('\n');
    expect(report.ok, text).toBe(true);
    expect(check(report, 'resume').status, text).toBe('pass');
    expect(check(report, 'ids').status, text).toBe('pass');
  });
});
