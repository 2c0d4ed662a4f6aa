import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import type { Readable } from 'node:stream';

/**
 * One GET of an event stream over HTTP/1.1 or HTTP/2, giving the check everything the answer said:
 * status, every header, the protocol and the raw body bytes (not decompressed: the checks look at
 * what the server really sent). HTTP/2: h2 over TLS (ALPN) for https:, h2c with prior knowledge for
 * http:. A fresh connection per call (agent: false), so a drop really drops.
 */
export interface OpenStreamOptions {
  headers: Record<string, string>;
  http2: boolean;
  insecure: boolean;
  /** Gives up when no answer came in this time. */
  timeoutMs: number;
}

export interface StreamAnswer {
  status: number;
  headers: Record<string, string>;
  httpVersion: string;
  requestedAt: number;
  answeredAt: number;
  body: Readable;
  close(): void;
}

/**
 * What a browser's EventSource sends, so the server (and any proxy) answers as it would answer a
 * browser: a proxy that compresses only does so when asked. User headers win.
 */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = { accept: 'text/event-stream', 'cache-control': 'no-cache', 'accept-encoding': 'gzip, deflate, br' };

// RFC 9113 §8.2.2: connection-specific fields are malformed on HTTP/2.
const NOT_ON_HTTP2 = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

export function openStream(url: URL, options: OpenStreamOptions): Promise<StreamAnswer> {
  return options.http2 ? openHttp2(url, options) : openHttp1(url, options);
}

function openHttp1(url: URL, options: OpenStreamOptions): Promise<StreamAnswer> {
  const requestedAt = Date.now();
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(url, {
      method: 'GET',
      headers: { ...BROWSER_HEADERS, ...options.headers },
      agent: false,
      ...(secure && options.insecure ? { rejectUnauthorized: false } : {}),
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.on('error', () => undefined); // a cut shows as the body's end
      resolve({
        status: res.statusCode ?? 0,
        headers: flatten(res.headers),
        httpVersion: res.httpVersion,
        requestedAt,
        answeredAt: Date.now(),
        body: res,
        close: () => req.destroy(),
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end();
  });
}

function openHttp2(url: URL, options: OpenStreamOptions): Promise<StreamAnswer> {
  const requestedAt = Date.now();
  return new Promise((resolve, reject) => {
    const session = http2.connect(url.origin, url.protocol === 'https:' && options.insecure ? { rejectUnauthorized: false } : {});
    let answered = false;
    const fail = (err: Error) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      session.destroy();
      reject(err);
    };
    const timer = setTimeout(() => fail(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    session.on('error', fail);
    const headers: http2.OutgoingHttpHeaders = { ':method': 'GET', ':path': url.pathname + url.search, ...BROWSER_HEADERS };
    for (const [name, value] of Object.entries(options.headers)) if (!NOT_ON_HTTP2.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    const stream = session.request(headers);
    stream.on('error', (err) => setImmediate(() => fail(err)));
    stream.on('response', (h) => {
      answered = true;
      clearTimeout(timer);
      const { ':status': status, ...rest } = h;
      resolve({
        status: Number(status ?? 0),
        headers: flatten(rest),
        httpVersion: '2.0',
        requestedAt,
        answeredAt: Date.now(),
        body: stream,
        close: () => {
          stream.destroy();
          session.destroy();
        },
      });
    });
    stream.on('close', () => session.close());
  });
}

function flatten(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}
