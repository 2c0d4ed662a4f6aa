import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import http2 from 'node:http2';
import { Gateway, METRICS_PATH } from './gateway.ts';

/**
 * /_studio/metrics answers only requests addressed to this machine (the Studio API's Host check):
 * a page on evil.test that rebinds its name to 127.0.0.1 cannot read the gateway's metrics.
 */
let gateway: Gateway;
let port: number;

beforeAll(async () => {
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  port = Number(new URL(gateway.url as string).port);
});
afterAll(() => gateway.stop());

function get(host: string): Promise<{ status: number | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: METRICS_PATH, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function getH2(authority: string): Promise<number | undefined> {
  const session = http2.connect(`http://127.0.0.1:${port}`);
  return new Promise<number | undefined>((resolve, reject) => {
    session.on('error', reject);
    const stream = session.request({ ':path': METRICS_PATH, ':authority': authority });
    stream.on('response', (headers) => resolve(headers[':status']));
    stream.on('error', reject);
    stream.resume();
  }).finally(() => session.close());
}

describe('/_studio/metrics Host check', () => {
  it('serves the metrics to a request addressed to this machine', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) expect((await get(host)).status, host).toBe(200);
    expect(await getH2(`localhost:${port}`)).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) with 421, on HTTP/1.1 and HTTP/2', async () => {
    expect(await get(`evil.test:${port}`)).toEqual({ status: 421, body: 'Misdirected request: unknown Host header.\n' });
    expect(await getH2(`evil.test:${port}`)).toBe(421);
  });
});
