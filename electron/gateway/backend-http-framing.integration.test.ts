import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gateway } from './gateway.ts';
import { defaultRuntime, type UpstreamMode } from '../../shared/model/runtime.ts';
import { captureBytes, firstDifference } from '../../test/support/byte-capture.ts';

/**
 * The gateway reads its backends on a plain socket with its own HTTP/1.x response reader. Each
 * backend here answers with exact bytes, written in small pieces, so every body framing a real
 * server uses is covered: chunked (with extensions and trailers, chunks cut mid-event), Content-Length,
 * up to the close (HTTP/1.0 style), interim answers, and bytes that are not HTTP at all.
 */
const EVENTS = 'id: 1\r\ndata: one\r\n\r\nid: 2\ndata: two\n\n: comment\n\nid: 3\ndata: héllo €\n\n';

function chunked(body: string, cut: number[]): string {
  const bytes = Buffer.from(body, 'utf8');
  const bounds = [0, ...cut, bytes.length];
  let out = '';
  for (let i = 0; i + 1 < bounds.length; i++) {
    const piece = bytes.subarray(bounds[i], bounds[i + 1]);
    out += `${piece.length.toString(16)}${i === 1 ? ';ext=1' : ''}\r\n${piece.toString('latin1')}\r\n`;
  }
  return out;
}

/** Path → the raw answer; `keepOpen` leaves the connection open after writing it (a live stream). */
const ANSWERS: Record<string, { raw: string; keepOpen?: boolean }> = {
  '/chunked': { raw: `HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n${chunked(EVENTS, [3, 20, 21, 40])}`, keepOpen: true },
  '/http10': { raw: `HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n${Buffer.from(EVENTS, 'utf8').toString('latin1')}`, keepOpen: true },
  '/interim': { raw: `HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\nid: 9\ndata: after 103\n\n`, keepOpen: true },
  '/not-found': { raw: 'HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 14\r\nX-Reason: no such topic\r\n\r\nno such stream' },
  '/forbidden-until-close': { raw: 'HTTP/1.0 403 Forbidden\r\nContent-Type: text/plain\r\n\r\nnot for you' },
  '/chunked-answer': { raw: `HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nTransfer-Encoding: chunked\r\n\r\n${chunked('slow down', [4])}0\r\n\r\n` },
  '/garbage': { raw: 'SSH-2.0-OpenSSH_9.6\r\n' },
  // Both once crashed the gateway: Node's writeHead throws on them when the answer is passed on.
  '/bad-status': { raw: 'HTTP/1.1 000 Zero\r\nContent-Length: 0\r\n\r\n' },
  '/control-char': { raw: 'HTTP/1.1 403 Forbidden\r\nX-Why: a\rb\r\nContent-Length: 2\r\n\r\nno' },
  '/bad-chunks': { raw: 'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n', keepOpen: true },
};

let backend: net.Server;
let backendUrl: string;
const requestHeads: string[] = [];
let gateway: Gateway;

beforeAll(async () => {
  backend = net.createServer((socket) => {
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      requestHeads.push(head);
      const path = /^GET (\S+)/.exec(head)?.[1] ?? '';
      const answer = ANSWERS[path.replace(/^\/\w+-\w+\/1\.0\.0/, '')] ?? ANSWERS[path];
      if (!answer) return socket.end('HTTP/1.1 500 Unknown\r\nContent-Length: 0\r\n\r\n');
      // Small writes a turn apart, so the gateway gets the answer in many reads.
      const bytes = Buffer.from(answer.raw, 'latin1');
      let at = 0;
      const next = () => {
        if (socket.destroyed) return;
        if (at >= bytes.length) return answer.keepOpen ? undefined : void socket.end();
        socket.write(bytes.subarray(at, at + 7));
        at += 7;
        setImmediate(next);
      };
      next();
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  const runtime = (upstream: UpstreamMode) => ({ ...defaultRuntime(), upstream, heartbeatSeconds: 0, lingerSeconds: 0, outageSeconds: 0 });
  for (const mode of ['per-client', 'shared'] as const) {
    gateway.deploy({ id: `${mode}.yaml`, name: mode, basePath: `/${mode}/1.0.0`, endpoint: backendUrl, topics: [{ path: '/*' }], runtime: runtime(mode) });
  }
});
afterAll(async () => {
  await gateway.stop();
  await new Promise((resolve) => backend.close(resolve));
});

describe.each<{ mode: UpstreamMode }>([{ mode: 'per-client' }, { mode: 'shared' }])('$mode upstream, backend body framings', ({ mode }) => {
  const url = (path: string) => `${gateway.url}/${mode}/1.0.0${path}`;

  it.each([
    { path: '/chunked', body: EVENTS },
    { path: '/http10', body: EVENTS },
    { path: '/interim', body: 'id: 9\ndata: after 103\n\n' },
  ])('$path: the client gets the events byte for byte', async ({ path, body }) => {
    const expected = Buffer.from(body, 'utf8');
    const { status, body: got } = await captureBytes(url(path), expected.length);
    expect(status).toBe(200);
    expect(firstDifference(expected, got)).toBeUndefined();
  });

  it.each([
    { path: '/not-found', status: 404, body: 'no such stream', header: ['x-reason', 'no such topic'] },
    { path: '/forbidden-until-close', status: 403, body: 'not for you', header: ['content-type', 'text/plain'] },
    { path: '/chunked-answer', status: 429, body: 'slow down', header: ['retry-after', '7'] },
  ])('$path: a non-stream answer reaches the client as it is', async ({ path, status, body, header }) => {
    const res = await fetch(url(path), { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(status);
    expect(res.headers.get(header[0] as string)).toBe(header[1]);
    expect(await res.text()).toBe(body);
  });

  it('a backend that does not speak HTTP gets a 502 that says so', async () => {
    const res = await fetch(url('/garbage'), { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(502);
    expect(await res.text()).toMatch(/did not answer with HTTP\/1\.x \(first line: "SSH-2\.0-OpenSSH_9\.6"\)/);
  });

  it.each([
    { path: '/bad-status', says: /status 000, which is not an HTTP status/ },
    { path: '/control-char', says: /control character in the X-Why header/ },
  ])('$path: a 502 that says what was wrong, and the gateway keeps serving', async ({ path, says }) => {
    const res = await fetch(url(path), { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(502);
    expect(await res.text()).toMatch(says);
    const next = await fetch(url('/not-found'), { headers: { accept: 'text/event-stream' } });
    expect(next.status).toBe(404);
  });

  it('broken chunked encoding mid-stream is reported to the client, not passed on', async () => {
    const { status, body } = await captureBytes(url('/bad-chunks'), 1, { timeoutMs: 3000 });
    expect(status).toBe(200);
    expect(body.toString()).toMatch(/^: the backend sent malformed chunked encoding \(bad chunk size\)/m);
  });
});

describe('the request the backend gets', () => {
  it('asks for an event stream, resumes with Last-Event-ID, closes after, and sends the URL credentials', async () => {
    gateway.deploy({
      id: 'auth.yaml',
      name: 'auth',
      basePath: '/auth/1.0.0',
      endpoint: backendUrl.replace('http://', 'http://us%3Aer:p%40ss@'),
      topics: [{ path: '/*' }],
      runtime: { ...defaultRuntime(), upstream: 'per-client', heartbeatSeconds: 0, lingerSeconds: 0 },
    });
    requestHeads.length = 0;
    // A browser sends the id's UTF-8 bytes; Node's header API takes them as latin1 characters.
    await captureBytes(`${gateway.url}/auth/1.0.0/interim`, 23, { headers: { 'last-event-id': Buffer.from('ab-é', 'utf8').toString('latin1') } });
    const head = requestHeads[0] ?? '';
    expect(head).toMatch(/^GET \/interim HTTP\/1\.1\r\n/);
    expect(head).toContain(`\r\nHost: ${new URL(backendUrl).host}\r\n`);
    expect(head).toContain('\r\nAccept: text/event-stream\r\n');
    expect(head).toContain('\r\nConnection: close\r\n');
    // The client's header bytes go on unchanged.
    expect(Buffer.from(head, 'latin1').includes(Buffer.from('\r\nLast-Event-ID: ab-é\r\n', 'utf8'))).toBe(true);
    expect(head).toContain(`\r\nAuthorization: Basic ${Buffer.from('us:er:p@ss').toString('base64')}\r\n`);
  });
});
