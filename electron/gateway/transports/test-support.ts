// Shared by this folder's *.integration.test.ts: a tiny SSE handler and the clients that talk to it.
import { execFile } from 'node:child_process';
import http2 from 'node:http2';
import https from 'node:https';
import type { ServerResponse } from 'node:http';
import net from 'node:net';
import { writeStreamHead } from './headers.ts';
import type { GatewayHandler, Transport } from './types.ts';

export const FIRST_EVENT = 'id: 1\ndata: hello\n\n';

export interface Seen {
  transport: Transport;
  httpVersion: string;
  path: string;
}

/**
 * Answers `text/event-stream` and writes `id: N\ndata: hello\n\n`; ends after `events` events, or
 * keeps the stream open (like a real SSE API) when `events` is undefined. Sets `connection:
 * keep-alive` through writeStreamHead, as SSE code does, to prove HTTP/2 survives it.
 */
export function sseHandler(events?: number): { handler: GatewayHandler; seen: Seen[] } {
  const seen: Seen[] = [];
  const handler: GatewayHandler = (req, res, transport) => {
    seen.push({ transport, httpVersion: req.httpVersion, path: req.url ?? '' });
    writeStreamHead(res, 200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    // TypeScript cannot call the overloaded write/end on the union; both accept (string).
    const out = res as ServerResponse;
    const total = events ?? 1;
    for (let n = 1; n <= total; n++) out.write(`id: ${n}\ndata: hello\n\n`);
    if (events !== undefined) out.end();
  };
  return { handler, seen };
}

export interface CurlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs /usr/bin/curl and resolves with what it printed, whatever its exit code (28 = --max-time). */
export function curl(args: string[], timeoutMs = 10_000): Promise<CurlResult> {
  return new Promise((resolve) => {
    execFile('/usr/bin/curl', ['-sS', ...args], { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = (err as { code?: unknown } | null)?.code;
      resolve({ stdout, stderr, exitCode: typeof code === 'number' ? code : err ? -1 : 0 });
    });
  });
}

export interface H2Answer {
  status: number | undefined;
  headers: http2.IncomingHttpHeaders & http2.IncomingHttpStatusHeader;
  body: string;
}

/** One HTTP/2 GET with Node's client (h2c for http:, h2 for https:), read to the end. */
export async function h2Get(url: string, ca?: string): Promise<H2Answer> {
  const session = http2.connect(url, ca ? { ca } : {});
  try {
    return await new Promise<H2Answer>((resolve, reject) => {
      session.once('error', reject);
      const stream = session.request({ ':path': new URL(url).pathname });
      let headers: H2Answer['headers'] = {};
      let body = '';
      stream.setEncoding('utf8');
      stream.on('response', (h) => (headers = h));
      stream.on('data', (chunk: string) => (body += chunk));
      stream.on('end', () => resolve({ status: headers[':status'], headers, body }));
      stream.on('error', reject);
    });
  } finally {
    session.close();
  }
}

/** One HTTP/1.1 GET over TLS with Node's https client, trusting `ca`. */
export function httpsGet(url: string, ca: string): Promise<{ status: number | undefined; body: string }> {
  const agent = new https.Agent({ ca, keepAlive: false });
  return new Promise((resolve, reject) => {
    https
      .get(url, { agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      })
      .on('error', reject);
  });
}

export function portOf(url: string | undefined): number {
  if (!url) throw new Error('listener is off');
  return Number(new URL(url).port);
}

/** True when 127.0.0.1:port can be bound again (the gateway let go of it). */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
