import http2 from 'node:http2';
import type { Http2Evidence } from './evidence.ts';
import { BROWSER_HEADERS } from './open-stream.ts';

/**
 * Opens one HTTP/2 connection (h2 by ALPN for https:, h2c with prior knowledge for http:) and
 * `streams` event streams on it at once; a stream counts when it answers 200 and sends a byte.
 * Bounded by `timeoutMs`; everything is closed at the end.
 */
export function probeHttp2(url: URL, headers: Record<string, string>, insecure: boolean, streams: number, timeoutMs: number): Promise<Http2Evidence> {
  return new Promise((resolve) => {
    const session = http2.connect(url.origin, url.protocol === 'https:' && insecure ? { rejectUnauthorized: false } : {});
    let ok = 0;
    let done = false;
    const finish = (available: boolean, detail: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      session.destroy();
      resolve({ available, streamsAsked: streams, streamsOk: ok, detail });
    };
    const timer = setTimeout(() => finish(ok > 0, ok > 0 ? `${ok} of ${streams} streams answered within ${timeoutMs} ms` : `no HTTP/2 answer within ${timeoutMs} ms`), timeoutMs);
    session.on('error', (err) => finish(false, err.message));
    session.on('remoteSettings', () => undefined);
    const plain: http2.OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(headers)) if (!['connection', 'host', 'keep-alive', 'transfer-encoding', 'upgrade'].includes(k.toLowerCase())) plain[k.toLowerCase()] = v;
    for (let i = 0; i < streams; i++) {
      const stream = session.request({ ':method': 'GET', ':path': url.pathname + url.search, ...BROWSER_HEADERS, ...plain });
      let status = 0;
      let counted = false;
      stream.on('response', (h) => (status = Number(h[':status'] ?? 0)));
      stream.on('data', () => {
        if (counted || status !== 200) return;
        counted = true;
        ok++;
        if (ok === streams) finish(true, `${streams} streams on one connection each answered 200 with bytes`);
      });
      stream.on('error', () => undefined);
    }
  });
}
