import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import type { ConnectionTracker } from './connection-tracker.ts';
import { HTTP2_BACKSTOP_FACTOR, withHttp2HeaderLimit } from './header-limit.ts';
import { closeWhenIdle, http2Settings } from './http2-session-policy.ts';
import { routeByPreface } from './preface-sniffer.ts';
import type { GatewayHandler } from './types.ts';

export interface CleartextOptions {
  handler: GatewayHandler;
  tracker: ConnectionTracker;
  maxHeaderSize: number;
  /** An HTTP/2 session with no open stream is closed after this long (http2-session-policy.ts). */
  sessionIdleMs?: number;
}

/**
 * One port for HTTP/1.1 and h2c with prior knowledge: a plain TCP server peeks at each connection
 * and hands it to an HTTP/1.1 or an HTTP/2 server that never listen themselves. (h2c via
 * `Upgrade: h2c` is not offered: browsers never use h2c and curl falls back to HTTP/1.1.)
 */
export function createCleartextListener({ handler, tracker, maxHeaderSize, sessionIdleMs }: CleartextOptions): net.Server {
  const h1 = http.createServer({ noDelay: true, maxHeaderSize }, (req, res) => handler(req, res, 'http'));
  const h2c = http2.createServer(
    { settings: http2Settings(maxHeaderSize * HTTP2_BACKSTOP_FACTOR) },
    withHttp2HeaderLimit(maxHeaderSize, (req, res) => handler(req, res, 'http')),
  );
  h2c.on('session', (session) => {
    tracker.addSession(session);
    closeWhenIdle(session, sessionIdleMs);
  });

  const server = net.createServer({ noDelay: true }, (socket) => {
    tracker.addSocket(socket);
    routeByPreface(socket, (sniffed, protocol) => {
      if (protocol === 'h2c') {
        // Http2Session reads what is already buffered on the socket (the preface we put back)
        // before it takes over the handle.
        h2c.emit('connection', sniffed);
      } else {
        h1.emit('connection', sniffed);
        // The HTTP/1.1 parser takes the bytes we put back through a 'data' listener, which does
        // not restart a socket that was explicitly paused.
        sniffed.resume();
      }
    });
  });
  // http.Server enforces headersTimeout/requestTimeout (slow-loris protection) with a timer it
  // starts on 'listening' and stops in close(); ours never listens, so it follows the TCP server.
  server.on('listening', () => h1.emit('listening'));
  server.on('close', () => h1.close());
  return server;
}
