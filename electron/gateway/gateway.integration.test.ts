import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { EventSource } from 'eventsource';
import { Gateway, type DeployedApi } from './gateway.ts';
import { defaultRuntime } from '../../shared/model/runtime.ts';
import { startScriptedBackend, sseHeaders, sleep, waitFor, type ScriptedBackend } from '../../test/support/scripted-backend.ts';
import { readEvents } from '../../test/support/parser-client.ts';

let gateway: Gateway;
let gatewayUrl: string;
let backend: ScriptedBackend | undefined;

beforeEach(async () => {
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  gatewayUrl = gateway.url!;
});
afterEach(async () => {
  await gateway.stop();
  await backend?.close();
  backend = undefined;
});

function deploy(endpoint: string, extra: Partial<DeployedApi> = {}): void {
  gateway.deploy({ id: 'feed.yaml', name: 'Feed', basePath: '/feed/1.0.0', endpoint, topics: [{ path: '/*' }], runtime: defaultRuntime(), ...extra });
}

/** A backend that writes `total` numbered events, `gapMs` apart, then keeps the stream open. */
function numberedEvents(total: number, gapMs: number) {
  return (_req: http.IncomingMessage, res: http.ServerResponse) => {
    sseHeaders(res);
    let n = 0;
    const timer = setInterval(() => {
      n++;
      res.write(`id: ${n}\nevent: tick\ndata: {"n":${n}}\n\n`);
      if (n === total) clearInterval(timer);
    }, gapMs);
    res.on('close', () => clearInterval(timer));
  };
}

describe('gateway streaming', () => {
  it('delivers every event in order to the `eventsource` package client', async () => {
    backend = await startScriptedBackend(numberedEvents(30, 5));
    deploy(backend.url);
    const es = new EventSource(`${gatewayUrl}/feed/1.0.0/ticks`);
    const ids: string[] = [];
    es.addEventListener('tick', (e) => ids.push(e.lastEventId));
    try {
      await waitFor(() => ids.length >= 30, '30 events');
    } finally {
      es.close();
    }
    expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
    expect(backend.requests[0]?.path).toBe('/ticks');
  });

  it('delivers every event in order to an eventsource-parser client, and passes the query string through', async () => {
    backend = await startScriptedBackend(numberedEvents(50, 2));
    deploy(backend.url);
    const { status, headers, events } = await readEvents(`${gatewayUrl}/feed/1.0.0/a/b?x=1&y=%20z`, 50);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/event-stream');
    expect(events.map((e) => e.id)).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
    expect(events[0]).toEqual({ id: '1', event: 'tick', data: '{"n":1}' });
    expect(backend.requests[0]?.path).toBe('/a/b?x=1&y=%20z');
  });

  it('is unbuffered: an event reaches the client while the backend holds the stream open', async () => {
    backend = await startScriptedBackend((_req, res) => {
      sseHeaders(res);
      res.write('id: 1\ndata: only one\n\n'); // and nothing more, ever
    });
    deploy(backend.url);
    const started = Date.now();
    const { events } = await readEvents(`${gatewayUrl}/feed/1.0.0/x`, 1, { timeoutMs: 3000 });
    expect(events[0]?.data).toBe('only one');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('passes the client Last-Event-ID upstream', async () => {
    backend = await startScriptedBackend(numberedEvents(1, 1));
    deploy(backend.url);
    await readEvents(`${gatewayUrl}/feed/1.0.0/x`, 1, { headers: { 'last-event-id': '41' } });
    expect(backend.requests[0]?.headers['last-event-id']).toBe('41');
  });

  it('lets an EventSource resume: after the backend drops, the reconnect carries the last id upstream', async () => {
    backend = await startScriptedBackend((req, res) => {
      sseHeaders(res);
      const from = Number(req.headers['last-event-id'] ?? 0);
      res.write('retry: 50\n\n');
      for (let n = from + 1; n <= from + 3; n++) res.write(`id: ${n}\ndata: ${n}\n\n`);
      if (from === 0) setTimeout(() => res.destroy(), 20); // drop the first connection
    });
    deploy(backend.url);
    const es = new EventSource(`${gatewayUrl}/feed/1.0.0/x`);
    const data: string[] = [];
    es.onmessage = (e) => data.push(e.data);
    try {
      await waitFor(() => data.length >= 6, '6 events across a reconnect');
    } finally {
      es.close();
    }
    expect(data).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(backend.requests[1]?.headers['last-event-id']).toBe('3');
  });

  it('closes the upstream connection when the client goes away (per-client mode with no replay window, as WSO2)', async () => {
    backend = await startScriptedBackend(numberedEvents(1000, 20));
    deploy(backend.url, { runtime: { ...defaultRuntime(), upstream: 'per-client', lingerSeconds: 0 } });
    await readEvents(`${gatewayUrl}/feed/1.0.0/x`, 2); // reads two events, then aborts
    await waitFor(() => backend!.closedCount() === 1, 'the backend to see its request closed', 1000);
  });

  it('per-client mode: a departed client\'s upstream keeps recording for the replay window, until another client of the stream connects', async () => {
    backend = await startScriptedBackend(numberedEvents(1000, 20));
    deploy(backend.url, { runtime: { ...defaultRuntime(), upstream: 'per-client', lingerSeconds: 60 } });
    await readEvents(`${gatewayUrl}/feed/1.0.0/x`, 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(backend.closedCount(), 'still recording').toBe(0);
    await readEvents(`${gatewayUrl}/feed/1.0.0/x`, 1);
    await waitFor(() => backend!.closedCount() >= 1, 'the recorder to stop once the new client\'s upstream opened', 2000);
  });

  it.each([0, 1])('in shared mode closes the upstream %i s after the last client leaves', async (lingerSeconds) => {
    backend = await startScriptedBackend(numberedEvents(1000, 20));
    deploy(backend.url, { runtime: { ...defaultRuntime(), upstream: 'shared', lingerSeconds } });
    await readEvents(`${gatewayUrl}/feed/1.0.0/x`, 2);
    const left = Date.now();
    await waitFor(() => backend!.closedCount() === 1, 'the backend to see its request closed', 3000);
    expect(Date.now() - left).toBeGreaterThanOrEqual(lingerSeconds * 1000 - 50);
    expect(Date.now() - left).toBeLessThan(lingerSeconds * 1000 + 1000);
  });
});

describe('gateway errors', () => {
  it('answers 404 for an unknown API and for an unknown topic, with a text body that says what exists', async () => {
    backend = await startScriptedBackend(numberedEvents(1, 1));
    deploy(backend.url, { topics: [{ path: '/prices' }] });
    const noApi = await fetch(`${gatewayUrl}/nothing/1.0.0/x`);
    expect(noApi.status).toBe(404);
    expect(await noApi.text()).toMatch(/No API is deployed at \/nothing\/1\.0\.0\/x\. Deployed: \/feed\/1\.0\.0/);
    const noTopic = await fetch(`${gatewayUrl}/feed/1.0.0/other`);
    expect(noTopic.status).toBe(404);
    expect(await noTopic.text()).toMatch(/"Feed" has no topic matching \/other\. Its topics: \/prices/);
    expect(backend.requests).toEqual([]);
  });

  it('answers 502 with a clear text body when the backend is down', async () => {
    const dead = await startScriptedBackend(() => undefined);
    const url = dead.url;
    await dead.close();
    deploy(url);
    const res = await fetch(`${gatewayUrl}/feed/1.0.0/x`);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(new RegExp(`the backend ${url.replace(/[.]/g, '\\.')} refused the connection\\. Is it running\\?`));
  });

  it('answers 405 for methods other than GET: topics are subscribe-only', async () => {
    backend = await startScriptedBackend(numberedEvents(1, 1));
    deploy(backend.url);
    const res = await fetch(`${gatewayUrl}/feed/1.0.0/x`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it.each(['/feed/1.0.0/../../etc/passwd', '/feed/1.0.0/a/%2e%2e/b', '/feed/1.0.0/a%2fb'])('refuses path traversal %s with 400, never reaching the backend', async (path) => {
    backend = await startScriptedBackend(numberedEvents(1, 1));
    deploy(backend.url);
    const status = await rawGetStatus(gatewayUrl, path);
    expect(status).toBe(400);
    expect(backend.requests).toEqual([]);
  });

  it('passes a non-stream backend answer through as is (204 tells clients to stop)', async () => {
    backend = await startScriptedBackend((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    deploy(backend.url);
    const res = await fetch(`${gatewayUrl}/feed/1.0.0/x`);
    expect(res.status).toBe(204);
    await sleep(10);
  });
});

/** fetch() normalizes `..` away, so traversal attempts go out on a raw socket. */
function rawGetStatus(base: string, path: string): Promise<number> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('topic to backend path mapping', () => {
  it('maps /prices/{symbol} to /v2/quotes?sym={symbol} and appends the client query to the mapped one', async () => {
    backend = await startScriptedBackend((_req, res) => {
      sseHeaders(res);
      res.write('id: 1\ndata: x\n\n');
    });
    deploy(backend.url, { topics: [{ path: '/prices/{symbol}', backendPath: '/v2/quotes?sym={symbol}' }] });
    await readEvents(`${gatewayUrl}/feed/1.0.0/prices/AC%20ME?depth=2`, 1);
    expect(backend.requests[0]?.path).toBe('/v2/quotes?sym=AC%20ME&depth=2');
  });
});
