import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { GatewayResponse } from './types.ts';

// RFC 9113 §8.2.2: connection-specific header fields are malformed in HTTP/2. Node drops
// `connection` with a warning but throws on the others, mid-response.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

/** Whether `name` may be sent on an HTTP/2 response; `connectionTokens` are the names a `Connection` value listed. */
function allowedOnHttp2(name: string, value: OutgoingHttpHeaders[string], connectionTokens: Set<string>): boolean {
  if (HOP_BY_HOP.has(name) || connectionTokens.has(name)) return false;
  // `te` is the one exception, and only with the value `trailers`.
  if (name === 'te') return String(value).trim().toLowerCase() === 'trailers';
  return true;
}

/**
 * Sets response headers the same way on every protocol: on HTTP/2 hop-by-hop headers (and any
 * header a `Connection` value names, RFC 9110 §7.6.1) are left out instead of crashing the stream,
 * so SSE code can keep writing `connection: keep-alive` for HTTP/1.1 clients.
 */
export function setStreamHeaders(res: GatewayResponse, headers: OutgoingHttpHeaders): void {
  const http2 = res.req.httpVersionMajor === 2;
  const connectionTokens = new Set<string>();
  if (http2) {
    for (const [name, value] of Object.entries(headers)) {
      if (name.toLowerCase() !== 'connection' || value === undefined) continue;
      for (const token of String(value).split(',')) connectionTokens.add(token.trim().toLowerCase());
    }
  }
  for (const [rawName, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    if (http2 && !allowedOnHttp2(name, value, connectionTokens)) continue;
    res.setHeader(name, value);
  }
}

/**
 * setStreamHeaders + writeHead, with the head sent now: SSE clients wait for the status before the
 * first event. (HTTP/2's writeHead sends at once; HTTP/1.1 holds it until flushHeaders or a write.)
 */
export function writeStreamHead(res: GatewayResponse, status: number, headers: OutgoingHttpHeaders = {}): void {
  setStreamHeaders(res, headers);
  // TypeScript cannot call an overloaded method on a union; both classes take (statusCode).
  (res as ServerResponse).writeHead(status);
  if (res.req.httpVersionMajor !== 2) (res as ServerResponse).flushHeaders();
}
