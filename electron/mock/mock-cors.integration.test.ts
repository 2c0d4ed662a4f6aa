import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockBackend } from './mock-backend.ts';

/** The mock answers CORS only for origins the project's APIs allow (their x-gateway.cors). */
let mock: MockBackend;
let url: string;

beforeEach(async () => {
  mock = new MockBackend({ host: '127.0.0.1', port: 0 });
  url = await mock.start();
});
afterEach(() => mock.stop());

async function allowOrigin(path: string, origin: string): Promise<string | null> {
  const controller = new AbortController();
  const res = await fetch(url + path, { headers: { origin }, signal: controller.signal });
  controller.abort();
  return res.headers.get('access-control-allow-origin');
}

describe('mock CORS', () => {
  it('sends no CORS header to a foreign page by default (it used to send *)', async () => {
    expect(await allowOrigin('/counter', 'https://evil.example')).toBeNull();
    mock.setApis([{ id: 'a.yaml', name: 'A', endpoint: url, topics: [{ path: '/feed' }] }]);
    expect(await allowOrigin('/feed', 'https://evil.example')).toBeNull();
  });

  it('echoes an origin that an API of the project lists, on its topics and the built-in streams', async () => {
    mock.setApis([{ id: 'a.yaml', name: 'A', endpoint: url, topics: [{ path: '/feed' }], corsOrigins: ['http://localhost:3000'] }]);
    expect(await allowOrigin('/feed', 'http://localhost:3000')).toBe('http://localhost:3000');
    expect(await allowOrigin('/counter', 'http://localhost:3000')).toBe('http://localhost:3000');
    expect(await allowOrigin('/feed', 'https://evil.example')).toBeNull();
  });
});
