import { describe, expect, it } from 'vitest';
import { credentialsFor } from './credentials.ts';
import { verifyJwt } from '../gateway/security/jwt.ts';

describe('check credentials from x-gateway.security', () => {
  it('uses the first API key, in the header or the query', () => {
    expect(credentialsFor({ type: 'apiKey', in: 'header', name: 'X-Api-Key', keys: ['k1', 'k2'] })).toMatchObject({ ok: true, headers: { 'x-api-key': 'k1' }, query: {} });
    expect(credentialsFor({ type: 'apiKey', in: 'query', name: 'key', keys: ['k1'] })).toMatchObject({ ok: true, headers: {}, query: { key: 'k1' } });
  });

  it('uses the first Basic user', () => {
    expect(credentialsFor({ type: 'basic', users: [{ username: 'ann', password: 'pw' }] })).toMatchObject({ headers: { authorization: `Basic ${Buffer.from('ann:pw').toString('base64')}` } });
  });

  it('signs an HS256 JWT the gateway accepts', () => {
    const config = { type: 'jwt', algorithm: 'HS256', secret: 's3cret', issuer: 'me', audience: 'you' } as const;
    const made = credentialsFor(config);
    if (!made.ok) throw new Error(made.reason);
    const token = (made.headers.authorization as string).replace(/^Bearer /, '');
    expect(verifyJwt(config, token)).toMatchObject({ ok: true, claims: { iss: 'me', aud: 'you', sub: 'sse-studio-check' } });
  });

  it('cannot sign RS256, and says why', () => {
    expect(credentialsFor({ type: 'jwt', algorithm: 'RS256', publicKey: 'pem' })).toEqual({ ok: false, reason: expect.stringMatching(/RS256 .*cannot sign/) });
  });
});
