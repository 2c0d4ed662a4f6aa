import { describe, expect, it } from 'vitest';
import { authenticate } from './authenticate.ts';
import { signHs256 } from './jwt-test-tokens.ts';

const request = (headers: Record<string, string> = {}, query = '') => ({ headers, query: new URLSearchParams(query) });

describe('authenticate', () => {
  it('lets everyone in when security is none, as "anonymous"', () => {
    expect(authenticate({ type: 'none' }, request())).toEqual({ ok: true, subscriberKey: 'anonymous', principal: 'anonymous' });
  });
  it('dispatches to the configured scheme', () => {
    expect(authenticate({ type: 'apiKey', in: 'header', name: 'apikey', keys: ['key-000000001'] }, request({ apikey: 'key-000000001' })).ok).toBe(true);
    expect(authenticate({ type: 'basic', users: [{ username: 'a', password: 'b' }] }, request({ authorization: 'Basic YTpi' }))).toMatchObject({ ok: true, subscriberKey: 'user:a' });
    const secret = 'a-test-secret-of-32-characters!!';
    const now = Date.parse('2026-03-01T12:00:00Z');
    const token = signHs256({ sub: 'alice', exp: now / 1000 + 60 }, secret);
    expect(authenticate({ type: 'jwt', algorithm: 'HS256', secret }, request({ authorization: `Bearer ${token}` }), now)).toMatchObject({ ok: true, subscriberKey: 'sub:alice' });
    expect(authenticate({ type: 'jwt', algorithm: 'HS256', secret }, request({ authorization: `Bearer ${token}` }), now + 3_600_000).ok).toBe(false);
  });
  it('does not accept one scheme\'s credentials for another', () => {
    expect(authenticate({ type: 'basic', users: [{ username: 'a', password: 'b' }] }, request({ apikey: 'YTpi' })).ok).toBe(false);
  });
});
