import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import http2 from 'node:http2';
import https from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { EventSource, type FetchLike } from 'eventsource';
import { Gateway, type AccessEntry } from './gateway.ts';
import { defaultRuntime, type ApiRuntime } from '../../shared/model/runtime.ts';
import { loadOrCreateLocalCertificate, type TlsMaterial } from './transports/local-certificate.ts';
import { curl, h2Get } from './transports/test-support.ts';
import { startScriptedBackend, sseHeaders, waitFor, type ScriptedBackend } from '../../test/support/scripted-backend.ts';

/**
 * The real Gateway on both listeners: HTTP (HTTP/1.1 + h2c on one port) and HTTPS (h2 via ALPN +
 * HTTP/1.1), with the generated localhost certificate, driven by curl, the `eventsource` package
 * and Node's HTTP/2 client. Per-API `transports` decide which listener may serve an API.
 */
const FINITE_BODY = 'id: 1\ndata: one\n\nid: 2\ndata: two\n\nid: 3\ndata: three\n\n';

let dir: string;
let tls: TlsMaterial;
let gateway: Gateway;
let backend: ScriptedBackend;
let httpUrl: string;
let httpsUrl: string;
const access: AccessEntry[] = [];
/** Backend connections of the /firehose stream still open. */
let firehoseOpen = 0;

function api(id: string, basePath: string, transports: ApiRuntime['transports']) {
  // close-client: when the backend ends its stream the client's ends too, so curl finishes.
  // per-client with no replay window (WSO2's behaviour): each request gets the backend's finite
  // stream from its start, and its backend connection closes with it (shared, the default, would
  // join a stream already under way and keep recording after the client leaves).
  return { id, name: id, basePath, endpoint: backend.url, topics: [{ path: '/*' }], runtime: { ...defaultRuntime(), transports, onBackendDrop: 'close-client' as const, heartbeatSeconds: 0, upstream: 'per-client' as const, lingerSeconds: 0 } };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sse-studio-gateway-transports-'));
  tls = await loadOrCreateLocalCertificate(dir);
  backend = await startScriptedBackend((req, res) => {
    const url = req.url ?? '';
    if (url === '/finite') {
      // Three events, then the end of the stream.
      sseHeaders(res);
      res.end(FINITE_BODY);
      return;
    }
    if (url.startsWith('/firehose')) {
      // 4 KB events as fast as a timer allows: a client that stops reading soon has data waiting.
      sseHeaders(res);
      firehoseOpen++;
      const event = `data: ${'x'.repeat(4096)}\n\n`;
      const timer = setInterval(() => res.write(event), 1);
      res.on('close', () => {
        firehoseOpen--;
        clearInterval(timer);
      });
      return;
    }
    const live = /^\/live\/(\w+)$/.exec(url);
    if (live) {
      // A numbered event per 10 ms naming its topic, for as long as the client listens.
      sseHeaders(res);
      let n = 0;
      const timer = setInterval(() => res.write(`id: ${++n}\ndata: ${live[1]} ${n}\n\n`), 10);
      res.on('close', () => clearInterval(timer));
      return;
    }
    // A non-stream answer carrying hop-by-hop headers, which HTTP/2 must not see.
    res.writeHead(404, { 'content-type': 'text/plain', connection: 'keep-alive', 'keep-alive': 'timeout=5' });
    res.end('no such stream\n');
  });
  gateway = new Gateway({ host: '127.0.0.1', port: 0, httpsPort: 0, tls, onAccess: (entry) => access.push(entry) });
  await gateway.start();
  httpUrl = gateway.url!;
  httpsUrl = gateway.httpsUrl!;
  gateway.deploy(api('both', '/both/1.0.0', { http: true, https: true }));
  gateway.deploy(api('https-only', '/https-only/1.0.0', { http: false, https: true }));
  gateway.deploy(api('http-only', '/http-only/1.0.0', { http: true, https: false }));
});
afterAll(async () => {
  await gateway.stop();
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  access.length = 0;
});

/** The access log entries of the last `count` finished requests (written when a response closes). */
async function accessLog(count: number): Promise<AccessEntry[]> {
  await waitFor(() => access.length >= count, `${count} access log entries`);
  return access;
}

/** curl with the negotiated HTTP version written to stderr, so stdout is exactly the SSE body. */
async function curlSse(flags: string[], url: string): Promise<{ body: string; version: string }> {
  const { stdout, stderr, exitCode } = await curl(['-N', '--max-time', '5', '-w', '%{stderr}%{http_version}', ...flags, url]);
  expect(exitCode, stderr).toBe(0);
  return { body: stdout, version: stderr.trim() };
}

describe('curl through the gateway', () => {
  it('gets HTTP/2 and the events over TLS with --http2 --cacert (ALPN h2, the certificate verified)', async () => {
    const { body, version } = await curlSse(['--http2', '--cacert', tls.certPath], `${httpsUrl}/both/1.0.0/finite`);
    expect(version).toBe('2');
    expect(body).toBe(FINITE_BODY);
    expect(await accessLog(1)).toMatchObject([{ transport: 'https', httpVersion: '2.0', status: 200, apiId: 'both' }]);
  });

  it('gets HTTP/2 on the HTTP port with --http2-prior-knowledge (h2c)', async () => {
    const { body, version } = await curlSse(['--http2-prior-knowledge'], `${httpUrl}/both/1.0.0/finite`);
    expect(version).toBe('2');
    expect(body).toBe(FINITE_BODY);
    expect(await accessLog(1)).toMatchObject([{ transport: 'http', httpVersion: '2.0', status: 200 }]);
  });

  it.each([
    { port: 'HTTP', transport: 'http', base: () => httpUrl, trust: () => [] },
    { port: 'HTTPS', transport: 'https', base: () => httpsUrl, trust: () => ['--cacert', tls.certPath] },
  ])('gets HTTP/1.1 with --http1.1 on the $port port', async ({ transport, base, trust }) => {
    const { body, version } = await curlSse(['--http1.1', ...trust()], `${base()}/both/1.0.0/finite`);
    expect(version).toBe('1.1');
    expect(body).toBe(FINITE_BODY);
    expect(await accessLog(1)).toMatchObject([{ transport, httpVersion: '1.1', status: 200 }]);
  });
});

/** fetch for the `eventsource` package over node:https, trusting only the gateway's certificate. */
function fetchTrusting(ca: string): FetchLike {
  const agent = new https.Agent({ ca, keepAlive: false });
  return (url, init) =>
    new Promise((resolve, reject) => {
      const req = https.get(url, { agent, headers: init.headers, signal: init.signal as AbortSignal }, (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        resolve(new Response(Readable.toWeb(res) as ReadableStream<Uint8Array>, { status: res.statusCode ?? 0, headers }));
      });
      req.on('error', reject);
    });
}

describe('the `eventsource` package over HTTPS', () => {
  it('receives the events in order, trusting the generated certificate', async () => {
    const es = new EventSource(`${httpsUrl}/both/1.0.0/live/alpha`, { fetch: fetchTrusting(tls.cert) });
    const received: Array<{ id: string; data: string }> = [];
    es.onmessage = (e) => received.push({ id: e.lastEventId, data: e.data });
    try {
      await waitFor(() => received.length >= 5, '5 events over HTTPS');
    } finally {
      es.close();
    }
    expect(received.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((n) => ({ id: String(n), data: `alpha ${n}` })));
    expect((await accessLog(1))[0]).toMatchObject({ transport: 'https', httpVersion: '1.1', status: 200 });
  });
});

describe('HTTP/2 multiplexing', () => {
  it('carries two SSE streams (two topics) at once over ONE session, each with its own events', async () => {
    const session = http2.connect(httpsUrl, { ca: tls.cert });
    const got: Record<string, string> = { alpha: '', beta: '' };
    const streams = Object.keys(got).map((topic) => {
      const stream = session.request({ ':path': `/both/1.0.0/live/${topic}`, accept: 'text/event-stream' });
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (got[topic] += chunk));
      return stream;
    });
    const count = (topic: string) => (got[topic]!.match(/^data: /gm) ?? []).length;
    try {
      // Both streams are open together: each gets events while the other is still streaming.
      await waitFor(() => count('alpha') >= 5 && count('beta') >= 5, '5 events on each stream');
      expect(streams.every((s) => !s.closed)).toBe(true);
    } finally {
      // RST_STREAM(CANCEL), as a browser sends when a page closes its EventSource.
      for (const s of streams) s.close(http2.constants.NGHTTP2_CANCEL);
      session.close();
    }
    for (const topic of ['alpha', 'beta']) {
      const data = [...got[topic]!.matchAll(/^data: (.*)$/gm)].map((m) => m[1]);
      expect(data.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((n) => `${topic} ${n}`));
    }
    expect((await accessLog(2)).map((a) => [a.transport, a.httpVersion, a.path].join(' ')).sort()).toEqual(['https 2.0 /both/1.0.0/live/alpha', 'https 2.0 /both/1.0.0/live/beta']);
  });
});

describe('HTTP/2 clients that go away', () => {
  it.each([
    { listener: 'h2 over TLS', connect: () => http2.connect(httpsUrl, { ca: tls.cert }) },
    { listener: 'h2c', connect: () => http2.connect(httpUrl) },
  ])('$listener: streams the client resets with NO_ERROR (what Node\'s stream.close() sends) are freed: subscribers gone, backend connections closed', async ({ connect }) => {
    // 20 streams, each reset while the gateway still has event bytes waiting to go out on it.
    const STREAMS = 20;
    const session = connect();
    const subscribers = () => gateway.metrics.rows().find((r) => r.apiId === 'both')?.connectionsOpen;
    try {
      const streams = Array.from({ length: STREAMS }, (_, i) => {
        const stream = session.request({ ':path': `/both/1.0.0/firehose?n=${i}`, accept: 'text/event-stream' });
        stream.once('data', () => stream.pause()); // got the first bytes; now stop reading
        return stream;
      });
      await waitFor(() => firehoseOpen === STREAMS && subscribers() === STREAMS, `${STREAMS} subscribers and upstream connections`);
      for (const s of streams) s.close(http2.constants.NGHTTP2_NO_ERROR);
      await waitFor(() => subscribers() === 0 && firehoseOpen === 0, 'every subscriber and upstream connection to close', 3000).catch(() => undefined);
      expect(subscribers(), 'subscribers still counted open after their streams were reset').toBe(0);
      expect(firehoseOpen, 'backend connections still open for them').toBe(0);
    } finally {
      session.destroy();
    }
  });
});

describe('per-API transports', () => {
  it('an HTTPS-only API answers 403 on the HTTP port, naming HTTPS and where to go, and streams on HTTPS', async () => {
    const refused = await fetch(`${httpUrl}/https-only/1.0.0/finite`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe(`"https-only" is not served over HTTP: its transports allow HTTPS only (${httpsUrl}/https-only/1.0.0/finite).\n`);
    const served = await curlSse(['--cacert', tls.certPath], `${httpsUrl}/https-only/1.0.0/finite`);
    expect(served.body).toBe(FINITE_BODY);
    expect(backend.requests.filter((r) => r.path === '/finite').length).toBeGreaterThan(0);
  });

  it('an HTTP-only API answers 403 on the HTTPS port (h2 and HTTP/1.1), naming HTTP, and streams on HTTP', async () => {
    const before = backend.requests.length;
    const h2 = await h2Get(`${httpsUrl}/http-only/1.0.0/finite`, tls.cert);
    expect(h2.status).toBe(403);
    expect(h2.body).toBe(`"http-only" is not served over HTTPS: its transports allow HTTP only (${httpUrl}/http-only/1.0.0/finite).\n`);
    const h1 = await curl(['--http1.1', '--cacert', tls.certPath, '-w', '%{stderr}%{http_code}', `${httpsUrl}/http-only/1.0.0/finite`]);
    expect(h1.stderr.trim()).toBe('403');
    expect(h1.stdout).toMatch(/allow HTTP only/);
    expect(backend.requests.length, 'a refused request never reaches the backend').toBe(before);
    const served = await curlSse([], `${httpUrl}/http-only/1.0.0/finite`);
    expect(served.body).toBe(FINITE_BODY);
  });
});

describe('HTTP/2 responses carry no connection-specific headers', () => {
  const CONNECTION_SPECIFIC = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

  /**
   * Node drops a `connection` header on HTTP/2 by itself (warning once per process), so the wire
   * alone cannot show the gateway trying: record the header names it sets on HTTP/2 responses.
   */
  function recordHttp2HeaderNames(): { names(): string[]; restore(): void } {
    const proto = http2.Http2ServerResponse.prototype;
    const setHeader = vi.spyOn(proto, 'setHeader');
    const writeHead = vi.spyOn(proto, 'writeHead');
    return {
      names: () => [
        ...setHeader.mock.calls.map((call) => String(call[0]).toLowerCase()),
        ...writeHead.mock.calls.flatMap((call) => {
          const headers = call.find((arg) => typeof arg === 'object' && arg !== null) as object | undefined;
          return headers ? Object.keys(headers).map((n) => n.toLowerCase()) : [];
        }),
      ],
      restore: () => {
        setHeader.mockRestore();
        writeHead.mockRestore();
      },
    };
  }

  /** h2Get has no time limit of its own: a gateway that throws mid-answer would hang the test. */
  const within = <T>(ms: number, promise: Promise<T>) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

  it.each([
    { listener: 'h2 over TLS', base: () => httpsUrl, ca: () => tls.cert },
    { listener: 'h2c', base: () => httpUrl, ca: () => undefined },
  ])('an SSE stream on $listener', async ({ base, ca }) => {
    const recorded = recordHttp2HeaderNames();
    try {
      const answer = await within(5000, h2Get(`${base()}/both/1.0.0/finite`, ca()));
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('text/event-stream');
      expect(answer.body).toBe(FINITE_BODY);
      for (const name of CONNECTION_SPECIFIC) expect(answer.headers[name], `${name} on the wire`).toBeUndefined();
      expect(recorded.names(), 'header names the gateway set').toContain('content-type');
      expect(recorded.names().filter((n) => CONNECTION_SPECIFIC.includes(n)), 'connection-specific headers the gateway set').toEqual([]);
    } finally {
      recorded.restore();
    }
  });

  it('a backend error answer with Connection and Keep-Alive headers, passed through on h2', async () => {
    const recorded = recordHttp2HeaderNames();
    try {
      const answer = await within(5000, h2Get(`${httpsUrl}/both/1.0.0/missing`, tls.cert));
      expect(answer.status).toBe(404);
      expect(answer.body).toBe('no such stream\n');
      for (const name of CONNECTION_SPECIFIC) expect(answer.headers[name], `${name} on the wire`).toBeUndefined();
      expect(recorded.names().filter((n) => CONNECTION_SPECIFIC.includes(n)), 'connection-specific headers the gateway set').toEqual([]);
    } finally {
      recorded.restore();
    }
  });
});
