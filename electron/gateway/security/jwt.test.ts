import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLOCK_LEEWAY_SECONDS, verifyJwt, type JwtConfig } from './jwt.ts';
import { b64url, rsaKeyPair, signHs256, signRs256 } from './jwt-test-tokens.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const nowSeconds = NOW / 1000;
const secret = 'a-test-secret-of-32-characters!!';
const hs: JwtConfig = { type: 'jwt', algorithm: 'HS256', secret };
const { publicKey, privateKey } = rsaKeyPair();
const rs: JwtConfig = { type: 'jwt', algorithm: 'RS256', publicKey };
const later = nowSeconds + 3600;
const claims = { sub: 'alice', iat: nowSeconds - 60, exp: later };

const message = (verdict: ReturnType<typeof verifyJwt>) => (verdict.ok ? '(accepted)' : verdict.message);

describe('HS256', () => {
  it('accepts a token signed with the secret and returns its claims', () => {
    expect(verifyJwt(hs, signHs256(claims, secret), NOW)).toEqual({ ok: true, claims });
  });
  it('refuses a token signed with another secret', () => {
    expect(message(verifyJwt(hs, signHs256(claims, 'another-secret-of-32-characters!'), NOW))).toMatch(/signature does not match/);
  });
  it('refuses a tampered payload', () => {
    const [header, , signature] = signHs256(claims, secret).split('.');
    const forged = `${header}.${b64url({ ...claims, sub: 'admin' })}.${signature}`;
    expect(message(verifyJwt(hs, forged, NOW))).toMatch(/signature does not match/);
  });
  it('refuses a truncated signature', () => {
    const token = signHs256(claims, secret);
    expect(verifyJwt(hs, token.slice(0, -4), NOW).ok).toBe(false);
  });
});

describe('RS256', () => {
  it('accepts a token signed with the private key', () => {
    expect(verifyJwt(rs, signRs256(claims, privateKey), NOW)).toEqual({ ok: true, claims });
  });
  it('refuses a signature of the wrong length without throwing', () => {
    const [header, payload] = signRs256(claims, privateKey).split('.');
    expect(message(verifyJwt(rs, `${header}.${payload}.${b64url('short')}`, NOW))).toMatch(/signature does not match/);
  });
  it('refuses a token signed with another key pair', () => {
    const other = rsaKeyPair();
    expect(message(verifyJwt(rs, signRs256(claims, other.privateKey), NOW))).toMatch(/signature does not match/);
  });
  it('refuses a tampered payload', () => {
    const [header, , signature] = signRs256(claims, privateKey).split('.');
    expect(verifyJwt(rs, `${header}.${b64url({ ...claims, sub: 'admin' })}.${signature}`, NOW).ok).toBe(false);
  });
  it('refuses alg confusion: an HS256 token whose secret is the public key PEM', () => {
    const confused = signHs256(claims, publicKey);
    expect(message(verifyJwt(rs, confused, NOW))).toBe('The JWT is signed with HS256, but this API accepts only RS256 tokens (x-gateway.security.algorithm).');
    // Even with the header claiming RS256, the HMAC bytes are no RSA signature.
    const relabelled = signHs256(claims, publicKey, { alg: 'RS256', typ: 'JWT' });
    expect(message(verifyJwt(rs, relabelled, NOW))).toMatch(/signature does not match/);
  });
  it('refuses an RS256 token where HS256 is configured', () => {
    expect(message(verifyJwt(hs, signRs256(claims, privateKey), NOW))).toMatch(/signed with RS256, but this API accepts only HS256/);
  });
  it('says when the configured public key is unusable', () => {
    expect(message(verifyJwt({ ...rs, publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----' }, signRs256(claims, privateKey), NOW))).toMatch(/cannot read its RS256 publicKey/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(message(verifyJwt({ ...rs, publicKey: ec.publicKey }, signRs256(claims, privateKey), NOW))).toMatch(/is a ec key; RS256 needs an RSA public key/);
  });
});

describe('alg "none"', () => {
  it('is refused, in any case, with or without a signature part', () => {
    for (const alg of ['none', 'None', 'NONE']) {
      expect(message(verifyJwt(hs, `${b64url({ alg })}.${b64url(claims)}.`, NOW))).toBe('Unsigned JWTs (alg "none") are not accepted.');
    }
    expect(verifyJwt(hs, `${b64url({ alg: 'none' })}.${b64url(claims)}.${b64url('x')}`, NOW).ok).toBe(false);
  });
});

describe('time claims', () => {
  it('refuses an expired token, naming when it expired', () => {
    const token = signHs256({ sub: 'a', exp: nowSeconds - 3600 }, secret);
    expect(message(verifyJwt(hs, token, NOW))).toBe('The JWT expired at 2026-03-01T11:00:00.000Z (gateway time 2026-03-01T12:00:00.000Z): get a new token.');
  });
  it(`tolerates ${CLOCK_LEEWAY_SECONDS} s of clock skew on exp`, () => {
    expect(verifyJwt(hs, signHs256({ exp: nowSeconds - CLOCK_LEEWAY_SECONDS + 1 }, secret), NOW).ok).toBe(true);
    expect(verifyJwt(hs, signHs256({ exp: nowSeconds - CLOCK_LEEWAY_SECONDS }, secret), NOW).ok).toBe(false);
  });
  it('refuses a token not yet valid (nbf), with leeway', () => {
    expect(message(verifyJwt(hs, signHs256({ nbf: nowSeconds + 600 }, secret), NOW))).toBe(
      'The JWT is not valid before 2026-03-01T12:10:00.000Z (gateway time 2026-03-01T12:00:00.000Z): wait, or check the clocks of the token issuer and this machine.',
    );
    expect(verifyJwt(hs, signHs256({ nbf: nowSeconds + CLOCK_LEEWAY_SECONDS, exp: later }, secret), NOW).ok).toBe(true);
  });
  it('refuses a token without exp (it would never expire) unless the API sets requireExp: false', () => {
    expect(message(verifyJwt(hs, signHs256({ sub: 'a' }, secret), NOW))).toBe(
      'The JWT has no "exp" claim, so it would never expire: issue tokens with an expiry (or set x-gateway.security.requireExp: false).',
    );
    expect(verifyJwt({ ...hs, requireExp: false }, signHs256({ sub: 'a' }, secret), NOW).ok).toBe(true);
    expect(verifyJwt({ ...hs, requireExp: true }, signHs256({ sub: 'a' }, secret), NOW).ok).toBe(false);
  });
  it('refuses non-numeric times', () => {
    expect(message(verifyJwt(hs, signHs256({ exp: '2030-01-01' }, secret), NOW))).toMatch(/"exp" claim must be a number/);
    expect(message(verifyJwt(hs, signHs256({ nbf: null }, secret), NOW))).toMatch(/"nbf" claim must be a number/);
  });
  it('describes absurd times without throwing', () => {
    expect(message(verifyJwt(hs, signHs256({ nbf: 1e300 }, secret), NOW))).toMatch(/not valid before 1e\+300 s after 1970/);
  });
});

describe('issuer and audience', () => {
  const strict: JwtConfig = { ...hs, issuer: 'https://idp.example', audience: 'stocks' };
  it('accepts the configured issuer and an audience given as string or array', () => {
    expect(verifyJwt(strict, signHs256({ iss: 'https://idp.example', aud: 'stocks', exp: later }, secret), NOW).ok).toBe(true);
    expect(verifyJwt(strict, signHs256({ iss: 'https://idp.example', aud: ['billing', 'stocks'], exp: later }, secret), NOW).ok).toBe(true);
  });
  it('refuses a wrong or missing issuer', () => {
    expect(message(verifyJwt(strict, signHs256({ iss: 'https://evil.example', aud: 'stocks' }, secret), NOW))).toBe(
      'The JWT was issued by "https://evil.example", but this API accepts tokens issued by "https://idp.example" (x-gateway.security.issuer).',
    );
    expect(message(verifyJwt(strict, signHs256({ aud: 'stocks' }, secret), NOW))).toMatch(/has no "iss" claim/);
  });
  it('refuses a wrong or missing audience', () => {
    expect(message(verifyJwt(strict, signHs256({ iss: 'https://idp.example', aud: ['billing'] }, secret), NOW))).toBe(
      'The JWT is for audience ["billing"], but this API accepts tokens for audience "stocks" (x-gateway.security.audience).',
    );
    expect(message(verifyJwt(strict, signHs256({ iss: 'https://idp.example' }, secret), NOW))).toMatch(/has no "aud" claim/);
  });
  it('ignores iss and aud when none is configured', () => {
    expect(verifyJwt(hs, signHs256({ iss: 'anyone', aud: 'anything', exp: later }, secret), NOW).ok).toBe(true);
  });
});

describe('malformed tokens', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['two parts', 'abc.def', /three base64url parts .* this token has 2/],
    ['one part', 'not-a-jwt', /this token has 1/],
    ['JWE', 'a.b.c.d.e', /encrypted JWT \(JWE/],
    ['padding', `${b64url({ alg: 'HS256' })}=.${b64url(claims)}.sig`, /header is not base64url/],
    ['bad payload characters', `${b64url({ alg: 'HS256' })}.pay+load.sig`, /payload is not base64url/],
    ['header not JSON', `${b64url('not json')}.${b64url(claims)}.c2ln`, /header is not a base64url-encoded JSON object/],
    ['header a JSON array', `${b64url('[1]')}.${b64url(claims)}.c2ln`, /header is not a base64url-encoded JSON object/],
    ['no alg', `${b64url({ typ: 'JWT' })}.${b64url(claims)}.c2ln`, /has no "alg"/],
    ['payload not JSON', `${b64url({ alg: 'HS256' })}.${b64url('{oops')}.c2ln`, /payload is not a base64url-encoded JSON object/],
    ['no signature', `${b64url({ alg: 'HS256' })}.${b64url(claims)}.`, /has no signature/],
    ['crit', `${b64url({ alg: 'HS256', crit: ['exp'] })}.${b64url(claims)}.c2ln`, /critical extensions/],
    ['too long', 'a'.repeat(20_000), /at most 16384/],
  ];
  it.each(cases)('refuses %s with a precise message', (_name, token, expected) => {
    expect(message(verifyJwt(hs, token, NOW))).toMatch(expected);
  });
});
