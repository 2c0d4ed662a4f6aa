import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import type { Readable } from 'node:stream';

/**
 * One GET for an event stream over HTTP/1.1 or HTTP/2, answered the same way: status, content type,
 * body. The subscriber decides what the answer means (EventSource rules); this file only speaks
 * the protocols. HTTP/2 is asked for explicitly: h2 over TLS (ALPN) for https:, h2c with prior
 * knowledge for http: (what `curl --http2-prior-knowledge` does; browsers never use h2c).
 */
export interface TlsOptions {
  /** Certificates to trust besides Node's bundled CAs (e.g. the local gateway's self-signed one). */
  ca?: string | Buffer | Array<string | Buffer>;
  /** false accepts any certificate: for local testing only. */
  rejectUnauthorized?: boolean;
}

export interface StreamRequestOptions {
  headers: Record<string, string>;
  http2: boolean;
  tls?: TlsOptions | undefined;
}

export interface StreamAnswer {
  status: number;
  contentType: string;
  location: string | undefined;
  httpVersion: string;
  body: Readable;
}

export interface StreamRequestHandlers {
  onAnswer(answer: StreamAnswer): void;
  /** The request failed before any answer (refused, TLS, protocol error). */
  onError(error: NodeJS.ErrnoException): void;
}

export interface StreamRequest {
  /** Tears the connection down (the body, if any, then closes). */
  close(): void;
}

// RFC 9113 §8.2.2: connection-specific fields are malformed on HTTP/2; `host` becomes `:authority`.
const NOT_ON_HTTP2 = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

export function openStreamRequest(url: URL, options: StreamRequestOptions, handlers: StreamRequestHandlers): StreamRequest {
  return options.http2 ? openHttp2(url, options, handlers) : openHttp1(url, options, handlers);
}

function openHttp1(url: URL, options: StreamRequestOptions, handlers: StreamRequestHandlers): StreamRequest {
  const secure = url.protocol === 'https:';
  const tls = secure ? tlsOptions(options.tls) : {};
  // agent: false — a fresh socket per attempt, so a drop really is a new connection.
  const req = (secure ? https : http).request(url, { method: 'GET', headers: options.headers, agent: false, ...tls });
  let answered = false;
  req.on('response', (res) => {
    answered = true;
    res.on('error', () => undefined); // surfaced through 'close' by the subscriber
    handlers.onAnswer({
      status: res.statusCode ?? 0,
      contentType: res.headers['content-type'] ?? '',
      location: res.headers.location,
      httpVersion: res.httpVersion,
      body: res,
    });
  });
  req.on('error', (err: NodeJS.ErrnoException) => {
    if (!answered) handlers.onError(err);
  });
  req.end();
  return { close: () => req.destroy() };
}

function openHttp2(url: URL, options: StreamRequestOptions, handlers: StreamRequestHandlers): StreamRequest {
  const session = http2.connect(url.origin, url.protocol === 'https:' ? tlsOptions(options.tls) : {});
  let answered = false;
  let failed = false;
  const fail = (err: NodeJS.ErrnoException) => {
    if (answered || failed) return;
    failed = true;
    handlers.onError(err);
    session.destroy();
  };
  session.on('error', fail);
  const headers: http2.OutgoingHttpHeaders = { ':method': 'GET', ':path': url.pathname + url.search };
  for (const [name, value] of Object.entries(options.headers)) {
    const lower = name.toLowerCase();
    if (!NOT_ON_HTTP2.has(lower)) headers[lower] = value;
  }
  const stream = session.request(headers);
  // A failed session (TLS, refused) cancels its stream first; wait a turn so the session's own
  // error, which says why, is the one reported.
  stream.on('error', (err: NodeJS.ErrnoException) => setImmediate(() => fail(err)));
  stream.on('response', (h) => {
    answered = true;
    const location = h.location;
    handlers.onAnswer({
      status: Number(h[':status'] ?? 0),
      contentType: String(h['content-type'] ?? ''),
      location: Array.isArray(location) ? location[0] : location,
      httpVersion: '2.0',
      body: stream,
    });
  });
  // One session per stream: when the stream is over, so is the connection.
  stream.on('close', () => session.close());
  return {
    close: () => {
      stream.destroy();
      session.destroy();
    },
  };
}

function tlsOptions(tls: TlsOptions | undefined): { ca?: Array<string | Buffer>; rejectUnauthorized?: boolean } {
  // Node's `ca` replaces its CA list: keep the bundled CAs so public hosts still verify.
  const ca = tls?.ca === undefined ? undefined : [...rootCertificates, ...(Array.isArray(tls.ca) ? tls.ca : [tls.ca])];
  return { ...(ca ? { ca } : {}), ...(tls?.rejectUnauthorized !== undefined ? { rejectUnauthorized: tls.rejectUnauthorized } : {}) };
}
