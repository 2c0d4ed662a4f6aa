import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';

/**
 * Which listener a request arrived on: `http` is the cleartext port (HTTP/1.1 and h2c with prior
 * knowledge), `https` the TLS port (HTTP/2 via ALPN, or HTTP/1.1). Per-API settings may disable one,
 * so the handler is told which it was instead of guessing from headers a client controls.
 */
export type Transport = 'http' | 'https';

export type GatewayRequest = IncomingMessage | Http2ServerRequest;
export type GatewayResponse = ServerResponse | Http2ServerResponse;

/**
 * One handler serves every listener and protocol; `req.httpVersionMajor` is 2 on h2c and h2.
 *
 * Handlers must not set hop-by-hop headers (`connection`, `keep-alive`, `transfer-encoding`,
 * `upgrade`, `proxy-connection`, `te` other than `trailers`) on an HTTP/2 response: RFC 9113 §8.2.2
 * forbids them and Node throws ERR_HTTP2_INVALID_CONNECTION_HEADERS from write()/end() (it only
 * drops `connection`, with a process warning). Use `setStreamHeaders()` / `writeStreamHead()` from
 * `./headers.ts`, which leave them out on HTTP/2.
 *
 * TypeScript cannot call the overloaded `writeHead`/`write`/`end` on the response union; narrow with
 * `res as ServerResponse` for the (status) / (string) forms, which both classes accept at run time.
 */
export type GatewayHandler = (req: GatewayRequest, res: GatewayResponse, transport: Transport) => void;
