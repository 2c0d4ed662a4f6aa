import type { IncomingHttpHeaders } from 'node:http';
import type { SubscriberResponse } from './subscriber.ts';

/**
 * Hands a backend's non-stream answer to a client as it is: the EventSource rules give statuses
 * their own meaning (204 stops the client for good, others fail it), so the gateway must not
 * turn them into something else.
 */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'content-length']);

interface AnswerOut {
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  end(body?: Buffer | string): unknown;
  headersSent: boolean;
}

export function passAnswerThrough(res: SubscriberResponse, status: number, headers: IncomingHttpHeaders, body: Buffer): void {
  const out = res as unknown as AnswerOut;
  if (out.headersSent) return;
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !name.startsWith(':')) kept[name] = value;
  }
  kept['content-length'] = String(body.length);
  try {
    out.writeHead(status, kept);
  } catch (err) {
    // A head Node will not write (the reader checks status and characters; this is the backstop):
    // the client hears why instead of the gateway throwing.
    const why = Buffer.from(`Bad gateway: the backend's answer (HTTP ${status}) cannot be passed on: ${(err as Error).message}\n`);
    out.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(why.length) });
    out.end(why);
    return;
  }
  out.end(body);
}

export function sendBadGateway(res: SubscriberResponse, detail: string, url: URL): void {
  const out = res as unknown as AnswerOut;
  if (out.headersSent) return;
  const body = Buffer.from(`Bad gateway: ${detail}. Is it running? The gateway tried GET ${url.href}\n`);
  out.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.length) });
  out.end(body);
}
