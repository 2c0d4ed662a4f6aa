import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import http2 from 'node:http2';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HTTP2_BACKSTOP_FACTOR } from './header-limit.ts';
import { startGatewayListeners, type GatewayListeners } from './listeners.ts';
import { loadOrCreateLocalCertificate } from './local-certificate.ts';
import { curl, sseHandler } from './test-support.ts';

// A small cap so an oversized request is still far below every client's and nghttp2's own limits
// (which would otherwise decide the outcome instead of ours).
const CAP = 4096;
const { handler, seen } = sseHandler(1);
let dir: string;
let gateway: GatewayListeners;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sse-studio-headers-'));
  const tls = await loadOrCreateLocalCertificate(dir);
  gateway = await startGatewayListeners({ host: '127.0.0.1', httpPort: 0, httpsPort: 0, tls, handler, maxHeaderSize: CAP });
});
afterAll(async () => {
  await gateway.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  seen.length = 0;
});

/** Status code and HTTP version curl saw for a GET carrying one `bytes`-long header. */
async function statusWithHeader(flags: string[], url: string, bytes: number): Promise<string> {
  const { stdout, stderr, exitCode } = await curl([...flags, '--max-time', '5', '-o', '/dev/null', '-w', '%{http_code} %{http_version}', '-H', `x-big: ${'x'.repeat(bytes)}`, url]);
  expect(exitCode, stderr).toBe(0);
  return stdout;
}

describe('request header cap', () => {
  // 6000 bytes: over the cap (4096), under HTTP/2's advertised backstop (2 × cap).
  it.each([
    ['HTTP/1.1, HTTP port', ['--http1.1'], 'http', '431 1.1'],
    ['h2c, HTTP port', ['--http2-prior-knowledge'], 'http', '431 2'],
    ['h2, HTTPS port', ['--http2', '-k'], 'https', '431 2'],
    ['HTTP/1.1, HTTPS port', ['--http1.1', '-k'], 'https', '431 1.1'],
  ] as const)('answers 431 over %s and never calls the handler', async (_name, flags, port, expected) => {
    const url = `${port === 'http' ? gateway.httpUrl : gateway.httpsUrl}/big`;
    expect(await statusWithHeader([...flags], url, 6000)).toBe(expected);
    expect(seen).toEqual([]);
  });

  it('lets a request just under the cap through on both protocols', async () => {
    expect(await statusWithHeader(['--http1.1'], `${gateway.httpUrl}/ok`, 3000)).toBe('200 1.1');
    expect(await statusWithHeader(['--http2-prior-knowledge'], `${gateway.httpUrl}/ok`, 3000)).toBe('200 2');
  });

  it('HTTP/2 beyond the advertised limit, once the client has acknowledged it: nghttp2 resets the stream (ENHANCE_YOUR_CALM)', async () => {
    // Why not 431: nghttp2 rejects such a header block before Node creates a request, so no
    // handler can answer; the session survives and other streams go on.
    const session = http2.connect(gateway.httpUrl as string);
    session.on('error', () => undefined);
    const request = (bytes: number) =>
      new Promise<{ status: unknown; rstCode: number | undefined }>((resolve) => {
        const stream = session.request({ ':path': '/big', 'x-big': 'x'.repeat(bytes) });
        let status: unknown;
        stream.on('response', (h) => (status = h[':status']));
        stream.on('error', () => undefined);
        stream.resume();
        stream.on('close', () => resolve({ status, rstCode: stream.rstCode }));
      });
    try {
      // The first request makes sure our SETTINGS have been acknowledged.
      expect(await request(10)).toEqual({ status: 200, rstCode: http2.constants.NGHTTP2_NO_ERROR });
      expect(await request(CAP * HTTP2_BACKSTOP_FACTOR + 1000)).toEqual({ status: undefined, rstCode: http2.constants.NGHTTP2_ENHANCE_YOUR_CALM });
      expect(await request(10)).toEqual({ status: 200, rstCode: http2.constants.NGHTTP2_NO_ERROR });
    } finally {
      session.close();
    }
  });
});
