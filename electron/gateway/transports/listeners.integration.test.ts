import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startGatewayListeners, type GatewayListeners } from './listeners.ts';
import { loadOrCreateLocalCertificate, type TlsMaterial } from './local-certificate.ts';
import { HTTP2_PREFACE } from './preface-sniffer.ts';
import { FIRST_EVENT, curl, h2Get, httpsGet, portOf, sseHandler } from './test-support.ts';

// One pair of listeners for the file; the handler answers one event and ends, so clients finish.
const { handler, seen } = sseHandler(1);
let dir: string;
let tls: TlsMaterial;
let gateway: GatewayListeners;
let http: string;
let https: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sse-studio-transports-'));
  tls = await loadOrCreateLocalCertificate(dir);
  gateway = await startGatewayListeners({ host: '127.0.0.1', httpPort: 0, httpsPort: 0, tls, handler });
  http = gateway.httpUrl as string;
  https = gateway.httpsUrl as string;
});
afterAll(async () => {
  await gateway.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  seen.length = 0;
});

/** curl with the HTTP version it negotiated appended after a NUL, so the SSE body stays exact. */
async function curlSse(flags: string[], url: string): Promise<{ body: string; version: string | undefined }> {
  const { stdout, stderr, exitCode } = await curl(['-N', '--max-time', '5', '-w', '%{stderr}%{http_version}', ...flags, url]);
  expect(exitCode, stderr).toBe(0);
  return { body: stdout, version: stderr.trim() };
}

describe('curl on each path', () => {
  it('HTTP/1.1 on the HTTP port', async () => {
    const { body, version } = await curlSse(['--http1.1'], `${http}/feed/a`);
    expect(body).toBe(FIRST_EVENT);
    expect(version).toBe('1.1');
    expect(seen).toEqual([{ transport: 'http', httpVersion: '1.1', path: '/feed/a' }]);
  });

  it('h2c with prior knowledge on the same HTTP port', async () => {
    const { body, version } = await curlSse(['--http2-prior-knowledge'], `${http}/feed/b`);
    expect(body).toBe(FIRST_EVENT);
    expect(version).toBe('2');
    expect(seen).toEqual([{ transport: 'http', httpVersion: '2.0', path: '/feed/b' }]);
  });

  it('answers an `Upgrade: h2c` offer (curl --http2 on http:) with HTTP/1.1, as browsers never use h2c', async () => {
    const { body, version } = await curlSse(['--http2'], `${http}/feed/c`);
    expect(body).toBe(FIRST_EVENT);
    expect(version).toBe('1.1');
  });

  it('HTTP/2 over TLS via ALPN, verifying the generated certificate for 127.0.0.1', async () => {
    const { body, version } = await curlSse(['--http2', '--cacert', tls.certPath], `${https}/feed/d`);
    expect(body).toBe(FIRST_EVENT);
    expect(version).toBe('2');
    expect(seen).toEqual([{ transport: 'https', httpVersion: '2.0', path: '/feed/d' }]);
  });

  it('HTTP/1.1 over TLS (-k, as the brief asks, also works)', async () => {
    const { body, version } = await curlSse(['--http1.1', '-k'], `${https}/feed/e`);
    expect(body).toBe(FIRST_EVENT);
    expect(version).toBe('1.1');
    expect(seen).toEqual([{ transport: 'https', httpVersion: '1.1', path: '/feed/e' }]);
  });
});

describe('Node clients on each path', () => {
  it('http2.connect speaks h2c to the HTTP port; no Connection header reaches HTTP/2', async () => {
    const answer = await h2Get(`${http}/n/1`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/event-stream');
    expect(answer.headers.connection).toBeUndefined();
    expect(answer.body).toBe(FIRST_EVENT);
    expect(seen).toEqual([{ transport: 'http', httpVersion: '2.0', path: '/n/1' }]);
  });

  it('http2.connect speaks h2 to the HTTPS port, trusting the generated certificate', async () => {
    const answer = await h2Get(`${https}/n/2`, tls.cert);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(FIRST_EVENT);
    expect(seen).toEqual([{ transport: 'https', httpVersion: '2.0', path: '/n/2' }]);
  });

  it('fetch (HTTP/1.1) to the HTTP port', async () => {
    const res = await fetch(`${http}/n/3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(await res.text()).toBe(FIRST_EVENT);
    expect(seen).toEqual([{ transport: 'http', httpVersion: '1.1', path: '/n/3' }]);
  });

  it('https.get with an Agent({ ca }) to the HTTPS port', async () => {
    const answer = await httpsGet(`${https}/n/4`, tls.cert);
    expect(answer).toEqual({ status: 200, body: FIRST_EVENT });
    expect(seen).toEqual([{ transport: 'https', httpVersion: '1.1', path: '/n/4' }]);
  });

  it('fetch to the HTTPS port with the certificate trusted through NODE_EXTRA_CA_CERTS', async () => {
    // Global fetch takes no https.Agent, and NODE_EXTRA_CA_CERTS is read at start-up: a child process.
    const script = `fetch(process.argv[1]).then(async (r) => process.stdout.write(r.status + ' ' + (await r.text())))`;
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['-e', script, `${https}/n/5`], { env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.certPath }, timeout: 10_000 }, (err, out) =>
        err ? reject(err) : resolve(out),
      );
    });
    expect(stdout).toBe(`200 ${FIRST_EVENT}`);
    expect(seen).toEqual([{ transport: 'https', httpVersion: '1.1', path: '/n/5' }]);
  });
});

describe('telling h2c from HTTP/1.1 on one port', () => {
  /** Raw TCP: writes `pieces` as separate packets, resolves with what came back once `enough` says so. */
  async function rawExchange(pieces: Buffer[], enough: (reply: Buffer) => boolean): Promise<Buffer> {
    const socket = net.connect(portOf(http), '127.0.0.1');
    socket.setNoDelay(true);
    let reply = Buffer.alloc(0);
    const answered = new Promise<void>((resolve, reject) => {
      socket.on('data', (chunk: Buffer) => {
        reply = Buffer.concat([reply, chunk]);
        if (enough(reply)) resolve();
      });
      socket.on('close', () => reject(new Error(`closed after ${JSON.stringify(reply.toString('latin1'))}`)));
    });
    await new Promise((resolve) => socket.once('connect', resolve));
    for (const piece of pieces) {
      socket.write(piece);
      // A pause between writes so the server really sees them as separate reads.
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    try {
      await answered;
    } finally {
      socket.destroy();
    }
    return reply;
  }

  it('waits for a preface split across packets, then speaks HTTP/2 (answers with a SETTINGS frame)', async () => {
    const emptySettings = Buffer.from([0, 0, 0, 0x4, 0, 0, 0, 0, 0]);
    const reply = await rawExchange([HTTP2_PREFACE.subarray(0, 3), HTTP2_PREFACE.subarray(3, 17), Buffer.concat([HTTP2_PREFACE.subarray(17), emptySettings])], (r) => r.length >= 9);
    // Frame header: 24-bit length, then type 0x4 = SETTINGS (RFC 9113 §6.5).
    expect(reply[3]).toBe(0x4);
  });

  it('hands an HTTP/1.1 request that starts like the preface ("P", then "OST") to HTTP/1.1 with every byte', async () => {
    const reply = await rawExchange([Buffer.from('P'), Buffer.from('OST /raw HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n')], (r) => r.includes(FIRST_EVENT));
    expect(reply.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(reply.toString('latin1')).toContain(FIRST_EVENT);
    expect(seen).toEqual([{ transport: 'http', httpVersion: '1.1', path: '/raw' }]);
  });
});
