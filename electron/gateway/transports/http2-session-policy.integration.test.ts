import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http2 from 'node:http2';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startGatewayListeners, type GatewayListeners } from './listeners.ts';
import { loadOrCreateLocalCertificate, type TlsMaterial } from './local-certificate.ts';
import { MAX_CONCURRENT_STREAMS } from './http2-session-policy.ts';
import { sseHandler } from './test-support.ts';
import type { GatewayHandler } from './types.ts';

/**
 * HTTP/2 sessions on both gateway ports (h2c and TLS): the server advertises a stream limit, and a
 * session that opens no stream (or whose streams all ended) is closed, while one with an open SSE
 * stream stays.
 */
const IDLE_MS = 300;
const sse = sseHandler().handler;
// As the gateway does: read the (empty) request body, so a stream the client resets is freed.
const handler: GatewayHandler = (req, res, transport) => {
  req.resume();
  sse(req, res, transport);
};
let dir: string;
let tls: TlsMaterial;
let gateway: GatewayListeners;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sse-studio-h2-policy-'));
  tls = await loadOrCreateLocalCertificate(dir);
  gateway = await startGatewayListeners({ host: '127.0.0.1', httpPort: 0, httpsPort: 0, tls, handler, sessionIdleMs: IDLE_MS });
});
afterAll(async () => {
  await gateway.stop();
  await rm(dir, { recursive: true, force: true });
});

function connect(url: string): Promise<http2.ClientHttp2Session> {
  const session = http2.connect(url, url.startsWith('https:') ? { ca: tls.cert } : {});
  session.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    session.once('remoteSettings', () => resolve(session));
    session.once('error', reject);
  });
}

/** Resolves (ms waited) when the server ends the session: its GOAWAY, or the connection closing. */
const closed = (session: http2.ClientHttp2Session) =>
  new Promise<number>((resolve) => {
    const started = Date.now();
    const done = () => resolve(Date.now() - started);
    session.once('goaway', done);
    session.once('close', done);
  });

for (const which of ['h2c', 'h2 over TLS'] as const) {
  const url = () => (which === 'h2c' ? gateway.httpUrl : gateway.httpsUrl) as string;

  describe(which, () => {
    it(`advertises SETTINGS_MAX_CONCURRENT_STREAMS ${MAX_CONCURRENT_STREAMS}`, async () => {
      const session = await connect(url());
      expect(session.remoteSettings.maxConcurrentStreams).toBe(MAX_CONCURRENT_STREAMS);
      session.destroy();
    });

    it('closes a session that opens no stream', async () => {
      const session = await connect(url());
      // Generous bound for a loaded machine; without the policy the session stays open for good.
      const after = await Promise.race([closed(session), new Promise<number>((resolve) => setTimeout(() => resolve(-1), IDLE_MS + 10_000))]);
      session.destroy();
      expect(after, 'the server closed the idle session').toBeGreaterThan(0);
    });

    it('keeps a session with an open SSE stream, and closes it once the stream ends', async () => {
      const session = await connect(url());
      const stream = session.request({ ':path': '/feed/open' });
      stream.on('error', () => undefined);
      stream.resume();
      await new Promise((resolve) => stream.once('response', resolve));
      const sessionClosed = closed(session);
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 3));
      expect(session.closed || session.destroyed, 'an open stream keeps the session').toBe(false);
      stream.close();
      const after = await Promise.race([sessionClosed, new Promise<number>((resolve) => setTimeout(() => resolve(-1), IDLE_MS + 10_000))]);
      session.destroy();
      expect(after).toBeGreaterThan(0);
    });
  });
}
