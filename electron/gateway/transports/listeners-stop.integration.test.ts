import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ListenError } from '../../host/listen.ts';
import { startGatewayListeners } from './listeners.ts';
import { loadOrCreateLocalCertificate, type TlsMaterial } from './local-certificate.ts';
import { FIRST_EVENT, freePort, portIsFree, portOf, sseHandler } from './test-support.ts';

let dir: string;
let tls: TlsMaterial;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sse-studio-stop-'));
  tls = await loadOrCreateLocalCertificate(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface OpenStream {
  /** Resolves when the first event has arrived: the stream is live. */
  live: Promise<void>;
  /** Resolves when the client sees its connection end. */
  ended: Promise<void>;
}

/** An SSE request that never ends by itself, over HTTP/1.1 (plain or TLS). */
function openH1(url: string, ca?: string): OpenStream {
  let onLive!: () => void;
  const live = new Promise<void>((resolve) => (onLive = resolve));
  const ended = new Promise<void>((resolve) => {
    const get = url.startsWith('https:') ? https.get : http.get;
    const req = get(url, ca ? { agent: new https.Agent({ ca }) } : {}, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.includes(FIRST_EVENT)) onLive();
      });
      res.on('error', () => undefined);
    });
    // The server ending the stream mid-body is the point of the test, not a failure.
    req.on('error', () => undefined);
    req.on('close', () => resolve());
  });
  return { live, ended };
}

/** The same over HTTP/2: h2c for http:, h2 for https:. */
function openH2(url: string, ca?: string): OpenStream {
  let onLive!: () => void;
  const live = new Promise<void>((resolve) => (onLive = resolve));
  const session = http2.connect(url, ca ? { ca } : {});
  session.on('error', () => undefined);
  const stream = session.request({ ':path': new URL(url).pathname });
  stream.on('error', () => undefined);
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    text += chunk;
    if (text.includes(FIRST_EVENT)) onLive();
  });
  const ended = new Promise<void>((resolve) => session.on('close', () => resolve()));
  return { live, ended };
}

/** Fails after `ms` instead of hanging until the test timeout: a stuck stop() is the bug we look for. */
async function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const cases: Array<[string, (urls: { http: string; https: string }) => OpenStream]> = [
  ['HTTP/1.1', ({ http }) => openH1(`${http}/live`)],
  ['h2c', ({ http }) => openH2(`${http}/live`)],
  ['h2 over TLS', ({ https }) => openH2(`${https}/live`, tls.cert)],
  ['HTTP/1.1 over TLS', ({ https }) => openH1(`${https}/live`, tls.cert)],
];

describe('stop()', () => {
  it.each(cases)('ends an open %s SSE stream within a second and frees both ports', async (_name, open) => {
    const { handler } = sseHandler();
    const gateway = await startGatewayListeners({ host: '127.0.0.1', httpPort: 0, httpsPort: 0, tls, handler });
    const urls = { http: gateway.httpUrl as string, https: gateway.httpsUrl as string };
    const stream = open(urls);
    await stream.live;

    const started = performance.now();
    await within(1000, Promise.all([gateway.stop(), stream.ended]), 'stop() and the client seeing its stream end');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await portIsFree(portOf(urls.http))).toBe(true);
    expect(await portIsFree(portOf(urls.https))).toBe(true);
  });

  it('can be called twice', async () => {
    const gateway = await startGatewayListeners({ host: '127.0.0.1', httpPort: 0, httpsPort: null, handler: sseHandler().handler });
    await gateway.stop();
    await expect(gateway.stop()).resolves.toBeUndefined();
  });
});

describe('starting', () => {
  it('a null port turns that listener off', async () => {
    const gateway = await startGatewayListeners({ host: '127.0.0.1', httpPort: null, httpsPort: 0, tls, handler: sseHandler().handler });
    try {
      expect(gateway.httpUrl).toBeUndefined();
      expect(gateway.httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await gateway.stop();
    }
  });

  it('when the HTTPS port is taken, says so like the other services and lets go of the HTTP port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    const httpPort = await freePort();
    try {
      const starting = startGatewayListeners({ host: '127.0.0.1', httpPort, httpsPort: taken, tls, handler: sseHandler().handler });
      await expect(starting).rejects.toBeInstanceOf(ListenError);
      await expect(starting).rejects.toThrow(`Gateway (HTTPS): 127.0.0.1:${taken} is already in use; stop the program using it or pick another port.`);
      expect(await portIsFree(httpPort)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('refuses an HTTPS port without TLS material (a programming error, before binding anything)', async () => {
    await expect(startGatewayListeners({ host: '127.0.0.1', httpPort: 0, httpsPort: 0, handler: sseHandler().handler })).rejects.toThrow(/needs `tls`/);
  });
});
