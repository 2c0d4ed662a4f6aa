import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Streams one backend SSE response to one client, unbuffered: every chunk the backend writes is
 * written to the client at once, bytes unchanged. When the client goes away the upstream request is
 * destroyed (WSO2's gateway keeps it open: a known bug we must not have).
 */
export interface ProxyTarget {
  url: URL;
  /** The client's Last-Event-ID, passed upstream so the backend can resume. */
  lastEventId: string | undefined;
}

// One socket per stream: SSE connections are long-lived, pooling buys nothing.
const httpAgent = new http.Agent({ keepAlive: false });
const httpsAgent = new https.Agent({ keepAlive: false });

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'content-length']);

export function proxySse(req: IncomingMessage, res: ServerResponse, target: ProxyTarget, onEnd?: (reason: string) => void): void {
  const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
  if (target.lastEventId !== undefined) headers['last-event-id'] = target.lastEventId;
  const client = target.url.protocol === 'https:' ? https : http;
  let finished = false;
  const finish = (reason: string) => {
    if (finished) return;
    finished = true;
    onEnd?.(reason);
  };

  const upstream = client.request(target.url, {
    method: 'GET',
    headers,
    agent: target.url.protocol === 'https:' ? httpsAgent : httpAgent,
  });

  upstream.on('response', (backend) => {
    const outHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(backend.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) outHeaders[name] = value;
    }
    const isStream = backend.statusCode === 200 && /^text\/event-stream\b/i.test(backend.headers['content-type'] ?? '');
    if (isStream) {
      outHeaders['cache-control'] = 'no-cache';
      outHeaders['x-accel-buffering'] = 'no';
    }
    res.writeHead(backend.statusCode ?? 502, outHeaders);
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    backend.pipe(res);
    backend.on('error', () => res.destroy());
    backend.on('end', () => finish('backend ended the stream'));
  });

  upstream.on('error', (err: NodeJS.ErrnoException) => {
    if (res.headersSent) {
      // The stream was running: end it so the client reconnects.
      res.destroy();
      finish(`backend connection lost (${err.code ?? err.message})`);
      return;
    }
    if (req.destroyed) return finish('client left');
    const why = err.code === 'ECONNREFUSED' ? 'refused the connection' : err.code === 'ENOTFOUND' ? 'has an unknown host name' : `failed (${err.code ?? err.message})`;
    const body = `Bad gateway: the backend ${target.url.origin} ${why}. Is it running? The gateway tried GET ${target.url.href}\n`;
    res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    finish(`backend unreachable (${err.code ?? err.message})`);
  });

  // The client left: close the upstream connection too.
  res.on('close', () => {
    if (!upstream.destroyed) upstream.destroy();
    finish('client left');
  });

  upstream.end();
}
