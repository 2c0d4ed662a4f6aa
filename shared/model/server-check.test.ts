import { describe, expect, it } from 'vitest';
import { checkServerCheckRequest } from './server-check.ts';

describe('server.check.start params', () => {
  it('takes a URL and the options of check --url', () => {
    const params = { url: 'https://api.example.com/events', headers: { authorization: 'Bearer x' }, http2: true, insecure: false, durationSeconds: 30, drops: 3, origin: 'https://app.example.com', allowHosts: ['auth.example.com'] };
    expect(checkServerCheckRequest(params)).toEqual({ ok: true, value: params });
  });

  it('refuses what the run could not honour, saying what fits', () => {
    const message = (p: Record<string, unknown>) => {
      const r = checkServerCheckRequest(p);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(message({ url: 'ftp://x/y' })).toMatch(/"url" must be an http/);
    expect(message({ url: 'http://a/b', durationSeconds: 1 })).toBe('"durationSeconds" must be a whole number from 2 to 600 when given.');
    expect(message({ url: 'http://a/b', drops: 50 })).toBe('"drops" must be a whole number from 1 to 20 when given.');
    expect(message({ url: 'http://a/b', origin: 'https://app.example.com/path' })).toMatch(/"origin" must be an origin/);
    expect(message({ url: 'http://a/b', headers: { a: 1 } })).toMatch(/"headers" must be an object of header names to string values/);
    expect(message({ url: 'http://a/b', extra: 1 })).toBe('Unknown parameter "extra".');
  });
});
