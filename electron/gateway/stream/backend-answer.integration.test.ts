import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { passAnswerThrough } from './backend-answer.ts';

/** The backstop behind the response reader's checks: a head Node refuses to write becomes a 502 that says why. */
let server: http.Server;
let base: string;
const answers: Record<string, () => [number, http.IncomingHttpHeaders]> = {
  '/status-0': () => [0, {}],
  '/bad-value': () => [403, { 'x-why': 'a\u0001b' }],
  '/fine': () => [404, { 'x-why': 'no such topic' }],
};
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const [status, headers] = (answers[req.url ?? ''] ?? answers['/fine']!)();
    passAnswerThrough(res, status, headers, Buffer.from('body'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it.each([
  ['/status-0', /the backend's answer \(HTTP 0\) cannot be passed on: Invalid status code: 0/],
  ['/bad-value', /the backend's answer \(HTTP 403\) cannot be passed on: Invalid character in header content \["x-why"\]/],
])('%s: 502 with the reason', async (path, reason) => {
  const res = await fetch(`${base}${path}`);
  expect(res.status).toBe(502);
  expect(await res.text()).toMatch(reason);
});

it('a head Node accepts is passed on as it is', async () => {
  const res = await fetch(`${base}/fine`);
  expect(res.status).toBe(404);
  expect(res.headers.get('x-why')).toBe('no such topic');
  expect(await res.text()).toBe('body');
});
