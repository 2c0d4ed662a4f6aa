import http2 from 'node:http2';
import type { ConnectionTracker } from './connection-tracker.ts';
import { HTTP2_BACKSTOP_FACTOR, withHttp2HeaderLimit } from './header-limit.ts';
import { closeWhenIdle, http2Settings } from './http2-session-policy.ts';
import type { TlsMaterial } from './tls-material.ts';
import type { GatewayHandler } from './types.ts';

export interface TlsListenerOptions {
  handler: GatewayHandler;
  tracker: ConnectionTracker;
  maxHeaderSize: number;
  tls: TlsMaterial;
  /** An HTTP/2 session with no open stream is closed after this long (http2-session-policy.ts). */
  sessionIdleMs?: number;
}

/** HTTPS: HTTP/2 when the client offers h2 in ALPN (browsers, curl), HTTP/1.1 otherwise. */
export function createTlsListener({ handler, tracker, maxHeaderSize, tls, sessionIdleMs }: TlsListenerOptions): http2.Http2SecureServer {
  const server = http2.createSecureServer(
    { key: tls.key, cert: tls.cert, allowHTTP1: true, settings: http2Settings(maxHeaderSize * HTTP2_BACKSTOP_FACTOR) },
    withHttp2HeaderLimit(maxHeaderSize, (req, res) => handler(req, res, 'https')),
  );
  // The HTTP/1.1 fallback parser reads this from the server object (as http.Server does); the
  // HTTP/2 constructor ignores a `maxHeaderSize` option.
  (server as http2.Http2SecureServer & { maxHeaderSize?: number }).maxHeaderSize = maxHeaderSize;
  // 'connection' is the raw TCP socket, before TLS: destroying it also ends handshakes in progress.
  server.on('connection', (socket) => tracker.addSocket(socket));
  server.on('session', (session) => {
    tracker.addSession(session);
    closeWhenIdle(session, sessionIdleMs);
  });
  return server;
}
