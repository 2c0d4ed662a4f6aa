import { describe, expect, it } from 'vitest';
import { authenticateJwt } from './bearer-jwt.ts';
import type { JwtConfig } from './jwt.ts';
import { signHs256 } from './jwt-test-tokens.ts';
import { fingerprint } from './secret.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const secret = 'a-test-secret-of-32-characters!!';
const config: JwtConfig = { type: 'jwt', algorithm: 'HS256', secret };
const good = signHs256({ sub: 'alice', exp: NOW / 1000 + 600 }, secret);
const request = (headers: Record<string, string | undefined> = {}, query = '') => ({ headers, query: new URLSearchParams(query) });

describe('JWT as a bearer token', () => {
  it('accepts "Authorization: Bearer <jwt>" and names the subscriber by its sub claim', () => {
    expect(authenticateJwt(config, request({ authorization: `Bearer ${good}` }), NOW)).toEqual({ ok: true, subscriberKey: 'sub:alice', principal: 'alice' });
  });
  it('accepts ?access_token= for browsers, whose EventSource cannot send headers', () => {
    expect(authenticateJwt(config, request({}, `access_token=${good}`), NOW)).toMatchObject({ ok: true, subscriberKey: 'sub:alice' });
  });
  it('names a token without sub by a fingerprint of the token', () => {
    const anonymous = signHs256({ exp: NOW / 1000 + 600 }, secret);
    expect(authenticateJwt(config, request({ authorization: `bearer ${anonymous}` }), NOW)).toMatchObject({ ok: true, subscriberKey: `jwt:${fingerprint(anonymous)}` });
  });
  it('challenges a request without a token, without an error code (RFC 6750 §3.1)', () => {
    const result = authenticateJwt(config, request(), NOW);
    expect(result).toMatchObject({ ok: false, status: 401, wwwAuthenticate: 'Bearer realm="SSE Studio gateway"' });
    expect(!result.ok && result.message).toMatch(/Missing JWT: send "Authorization: Bearer <token>", or, from a browser's EventSource .* \?access_token=<token>/);
  });
  it('reports an invalid token as invalid_token with a header-safe description', () => {
    const expired = signHs256({ sub: 'alice', exp: NOW / 1000 - 3600 }, secret);
    const result = authenticateJwt(config, request({ authorization: `Bearer ${expired}` }), NOW);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^The JWT expired at 2026-03-01T11:00:00.000Z/) });
    const challenge = result.ok ? '' : (result.wwwAuthenticate ?? '');
    expect(challenge).toMatch(/^Bearer realm="SSE Studio gateway", error="invalid_token", error_description="The JWT expired at 2026-03-01T11:00:00.000Z[^"]*"$/);
    expect(challenge).toMatch(/^[\x20-\x7e]+$/);
  });
  it('keeps quotes and non-ASCII out of error_description', () => {
    const result = authenticateJwt(config, request({ authorization: 'Bearer abc' }), NOW);
    const description = /error_description="([^"]*)"$/.exec(result.ok ? '' : (result.wwwAuthenticate ?? ''))?.[1];
    expect(description).toBe('A JWT is three base64url parts separated by dots (header.payload.signature); this token has 1.');
    const none = authenticateJwt(config, request({ authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.e30.` }), NOW);
    expect(none.ok ? '' : none.wwwAuthenticate).toContain("error_description=\"Unsigned JWTs (alg 'none') are not accepted.\"");
  });
  it('refuses a token sent both ways (RFC 6750 §2)', () => {
    const result = authenticateJwt(config, request({ authorization: `Bearer ${good}` }, `access_token=${good}`), NOW);
    expect(result).toMatchObject({ ok: false, wwwAuthenticate: expect.stringContaining('error="invalid_request"') });
  });
  it('refuses another scheme and an empty Bearer, saying what to send', () => {
    expect(authenticateJwt(config, request({ authorization: 'Basic YTpi' }), NOW)).toMatchObject({ ok: false, message: expect.stringContaining('uses the "basic" scheme') });
    expect(authenticateJwt(config, request({ authorization: 'Bearer' }), NOW)).toMatchObject({ ok: false, message: expect.stringContaining('has no token after it') });
    expect(authenticateJwt(config, request({}, 'access_token='), NOW)).toMatchObject({ ok: false, message: expect.stringContaining('is empty') });
  });
  it('never echoes the token', () => {
    const wrong = signHs256({ sub: 'alice' }, 'another-secret-of-32-characters!');
    expect(JSON.stringify(authenticateJwt(config, request({ authorization: `Bearer ${wrong}` }), NOW))).not.toContain(wrong.split('.')[2]);
  });
});
