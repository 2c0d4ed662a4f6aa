import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { StudioEvent } from '../../shared/api/contract.ts';
import { encodeSseComment, encodeSseMessage } from '../../shared/sse/encode.ts';
import type { StudioHost } from '../host/studio-host.ts';
import { dispatch } from '../host/dispatch.ts';
import { baseUrl, listen } from '../host/listen.ts';
import { isLocalHostHeader } from '../gateway/security/host-header.ts';
import { serveStatic } from './static-files.ts';

/**
 * Web mode: the built renderer plus the Studio API over HTTP (POST /api/call/<method>) and host
 * events over SSE (GET /api/events), on 127.0.0.1. Every API request needs the per-run token
 * (Authorization: Bearer); the page gets it from the URL fragment, which never reaches a server log.
 * The Host header is checked so a DNS-rebinding page cannot reach the API.
 */
export interface WebServerOptions {
  host: string;
  port: number;
  uiRoot: string;
  token?: string;
}

const MAX_BODY = 1024 * 1024;
const HEARTBEAT_MS = 15_000;
/**
 * Unsent bytes past which a page that cannot keep up gets only the newest event of each viewer
 * batch (its `seq` still tells the page how many the host received), and past four times this,
 * none, until it catches up: bounded queues, so the host's memory does not grow with a slow tab and
 * the page does not fall seconds behind. What it misses shows as gaps in `seq`, which the viewer
 * counts and reports ("showing 1 in N"); every other event still goes.
 */
export const MAX_EVENTS_BACKLOG = 1024 * 1024;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // MUI (emotion) injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The one exception: the worker that runs @asyncapi/parser. Its schema validator (ajv) compiles
 * code with `new Function` and has no mode without it, so that worker alone may eval. A worker
 * has no DOM and its own policy; the page keeps the strict one above.
 */
export const PARSER_WORKER_PATH = /^\/assets\/parser\.worker-[\w-]+\.js$/;
export const PARSER_WORKER_CSP = "default-src 'none'; script-src 'self' 'unsafe-eval'";

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export class WebServer {
  readonly token: string;
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(
    private readonly studio: StudioHost,
    private readonly options: WebServerOptions,
  ) {
    this.token = options.token ?? randomBytes(24).toString('base64url');
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        console.error('web UI request failed:', err);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal error\n');
      });
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    this.port = (await listen(this.server, 'Web UI', this.options.host, this.options.port)).port;
    return this.url;
  }

  get url(): string {
    return baseUrl('http', this.options.host, this.port);
  }

  /** The address to open: the token rides in the fragment. */
  get openUrl(): string {
    return `${this.url}/#token=${this.token}`;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLocalHostHeader(req.headers.host, this.options.host, this.port)) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request: unknown Host header.\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://studio');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET' }).end();
        return;
      }
      const headers = PARSER_WORKER_PATH.test(url.pathname) ? { ...SECURITY_HEADERS, 'content-security-policy': PARSER_WORKER_CSP } : SECURITY_HEADERS;
      await serveStatic(this.options.uiRoot, url.pathname, res, headers);
      return;
    }
    if (!this.authorized(req)) {
      sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong Studio token: open the URL that `sse-studio serve` printed.' } });
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') return this.streamEvents(req, res);
    const call = /^\/api\/call\/([a-z]+(?:\.[a-zA-Z]+)+)$/.exec(url.pathname);
    if (call && req.method === 'POST') {
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 400, { ok: false, error: { code: 'bad_request', message: body.message } });
      sendJson(res, 200, await dispatch(this.studio.handlers, call[1], body.value));
      return;
    }
    sendJson(res, 404, { ok: false, error: { code: 'not_found', message: `No Studio API route ${req.method} ${url.pathname}.` } });
  }

  private streamEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
    res.write(encodeSseComment('studio events'));
    const send = (event: StudioEvent) => {
      if (event.type === 'subscription.events' && res.writableLength > MAX_EVENTS_BACKLOG) {
        if (res.writableLength > MAX_EVENTS_BACKLOG * 4 || event.events.length === 0) return;
        event = { ...event, events: event.events.slice(-1) };
      }
      res.write(encodeSseMessage({ event: event.type, data: JSON.stringify(event) }));
    };
    const unsubscribe = this.studio.onEvent(send);
    const heartbeat = setInterval(() => res.write(encodeSseComment()), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const expected = Buffer.from(this.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

async function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return { ok: false, message: 'Send the params as application/json.' };
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, message: 'The request body is over 1 MB.' };
    chunks.push(chunk as Buffer);
  }
  try {
    return { ok: true, value: chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {} };
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
}
