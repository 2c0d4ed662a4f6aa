import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * nghttp2 only enforces our SETTINGS_MAX_HEADER_LIST_SIZE once the client has acknowledged it, and
 * clients (curl, browsers) send their first request before that: so HTTP/2 requests are measured
 * here too and answered 431 like HTTP/1.1. The advertised limit is this factor higher and only a
 * backstop, so the answer does not depend on SETTINGS timing; beyond it nghttp2 resets the stream
 * (ENHANCE_YOUR_CALM) without asking us.
 */
export const HTTP2_BACKSTOP_FACTOR = 2;

/** RFC 9113 §6.5.2 / RFC 7541 §4.1: each field counts name + value octets + 32, pseudo-headers too. */
export function headerListSize(rawHeaders: readonly string[]): number {
  let size = 0;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    size += Buffer.byteLength(rawHeaders[i] ?? '') + Buffer.byteLength(rawHeaders[i + 1] ?? '') + 32;
  }
  return size;
}

type Request = IncomingMessage | Http2ServerRequest;
type Response = ServerResponse | Http2ServerResponse;

/** Wraps a request listener so an HTTP/2 request with more than `maxBytes` of headers gets 431. */
export function withHttp2HeaderLimit<Req extends Request, Res extends Response>(
  maxBytes: number,
  next: (req: Req, res: Res) => void,
): (req: Req, res: Res) => void {
  return (req, res) => {
    if (req.httpVersionMajor === 2 && headerListSize(req.rawHeaders) > maxBytes) {
      res.writeHead(431, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Request header fields too large\n');
      return;
    }
    next(req, res);
  };
}
