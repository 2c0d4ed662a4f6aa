import { createHmac, createPublicKey, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { SecurityConfig } from '../../../shared/model/runtime.ts';
import { printable } from './request-parts.ts';

export type JwtConfig = Extract<SecurityConfig, { type: 'jwt' }>;
export type JwtVerdict = { ok: true; claims: Record<string, unknown> } | { ok: false; message: string };

/** Clock skew tolerated between the token issuer and this machine, for `exp` and `nbf`. */
export const CLOCK_LEEWAY_SECONDS = 30;
/** Longer tokens are refused before any parsing or crypto: bounded work per request. */
export const MAX_JWT_LENGTH = 16 * 1024;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Verifies a compact JWS JWT (RFC 7519, RFC 7515 §7.1) against the API's one configured algorithm.
 * Order matters: structure, then `alg` (so "none" and alg confusion never reach the crypto), then the
 * signature, and only then the claims, which are not to be trusted before the signature is.
 */
export function verifyJwt(config: JwtConfig, token: string, now = Date.now()): JwtVerdict {
  if (token.length > MAX_JWT_LENGTH) return fail(`The JWT is ${token.length} characters long; at most ${MAX_JWT_LENGTH} are accepted.`);
  const parts = token.split('.');
  if (parts.length === 5) return fail('This is an encrypted JWT (JWE, 5 parts); the gateway accepts signed JWTs (JWS: header.payload.signature).');
  if (parts.length !== 3) return fail(`A JWT is three base64url parts separated by dots (header.payload.signature); this token has ${parts.length}.`);
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const notBase64url = (name: string) => fail(`The JWT ${name} is not base64url text (RFC 7515 §2: letters, digits, "-" and "_", no "=" padding).`);
  if (!BASE64URL.test(headerPart)) return notBase64url('header');
  if (!BASE64URL.test(payloadPart)) return notBase64url('payload');

  const header = decodeJson(headerPart);
  if (!header) return fail('The JWT header is not a base64url-encoded JSON object.');
  const alg = header.alg;
  if (typeof alg !== 'string') return fail('The JWT header has no "alg" (RFC 7515 §4.1.1).');
  // RFC 8725 §3.1: accept only the algorithm configured for this key, never the token's choice.
  if (alg.toLowerCase() === 'none') return fail('Unsigned JWTs (alg "none") are not accepted.');
  if (alg !== config.algorithm) return fail(`The JWT is signed with ${printable(alg, 20)}, but this API accepts only ${config.algorithm} tokens (x-gateway.security.algorithm).`);
  // RFC 7515 §4.1.11: extensions marked critical that we do not understand make the token invalid.
  if (header.crit !== undefined) return fail('The JWT header lists critical extensions ("crit") that this gateway does not support.');
  if (signaturePart === '') return fail('The JWT has no signature: unsigned tokens are not accepted.');
  if (!BASE64URL.test(signaturePart)) return notBase64url('signature');

  const claims = decodeJson(payloadPart);
  if (!claims) return fail('The JWT payload is not a base64url-encoded JSON object (RFC 7519 §7.2).');

  const signed = `${headerPart}.${payloadPart}`;
  const signature = Buffer.from(signaturePart, 'base64url');
  if (config.algorithm === 'HS256') {
    const expected = createHmac('sha256', config.secret).update(signed, 'ascii').digest();
    // The length of an HMAC-SHA256 is public (32 bytes); the bytes are compared in constant time.
    const good = signature.length === expected.length && timingSafeEqual(signature, expected);
    if (!good) return fail('The JWT signature does not match: the token was changed, or signed with another secret than this API\'s (x-gateway.security.secret).');
  } else {
    const key = publicKeyFor(config.publicKey);
    if (typeof key === 'string') return fail(key);
    // RS256 is RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3), node's default padding for RSA keys.
    if (!verify('sha256', Buffer.from(signed, 'ascii'), key, signature)) {
      return fail('The JWT signature does not match: the token was changed, or signed with another key than the one matching this API\'s publicKey.');
    }
  }

  return checkClaims(config, claims, now);
}

/**
 * RFC 7519 §4.1: exp, nbf, iss, aud. RFC 7519 makes exp optional, but a token without it never
 * expires: a leaked one works forever. So it is refused unless the API says `requireExp: false`.
 */
function checkClaims(config: JwtConfig, claims: Record<string, unknown>, now: number): JwtVerdict {
  const nowSeconds = now / 1000;
  const { exp, nbf, iss, aud } = claims;
  if (exp !== undefined) {
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return fail('The JWT "exp" claim must be a number of seconds since 1970 (RFC 7519 §4.1.4).');
    if (nowSeconds >= exp + CLOCK_LEEWAY_SECONDS) return fail(`The JWT expired at ${isoSeconds(exp)} (gateway time ${isoSeconds(nowSeconds)}): get a new token.`);
  }
  if (nbf !== undefined) {
    if (typeof nbf !== 'number' || !Number.isFinite(nbf)) return fail('The JWT "nbf" claim must be a number of seconds since 1970 (RFC 7519 §4.1.5).');
    if (nowSeconds + CLOCK_LEEWAY_SECONDS < nbf) {
      return fail(`The JWT is not valid before ${isoSeconds(nbf)} (gateway time ${isoSeconds(nowSeconds)}): wait, or check the clocks of the token issuer and this machine.`);
    }
  }
  if (config.issuer !== undefined) {
    if (iss === undefined) return fail(`The JWT has no "iss" claim; this API accepts tokens issued by "${config.issuer}".`);
    if (iss !== config.issuer) return fail(`The JWT was issued by ${quote(iss)}, but this API accepts tokens issued by "${config.issuer}" (x-gateway.security.issuer).`);
  }
  if (config.audience !== undefined) {
    // "aud" may be one string or an array of strings (RFC 7519 §4.1.3).
    if (aud === undefined) return fail(`The JWT has no "aud" claim; this API accepts tokens for audience "${config.audience}".`);
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(config.audience)) {
      return fail(`The JWT is for audience ${quote(aud)}, but this API accepts tokens for audience "${config.audience}" (x-gateway.security.audience).`);
    }
  }
  if (exp === undefined && config.requireExp !== false) {
    return fail('The JWT has no "exp" claim, so it would never expire: issue tokens with an expiry (or set x-gateway.security.requireExp: false).');
  }
  return { ok: true, claims };
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// Parsing a PEM costs more than verifying: keep the few keys in use (one per deployed API).
const keyCache = new Map<string, KeyObject | string>();

/** The RSA public key, or a message saying why the configured PEM cannot be used. */
function publicKeyFor(pem: string): KeyObject | string {
  const cached = keyCache.get(pem);
  if (cached !== undefined) return cached;
  let result: KeyObject | string;
  try {
    const key = createPublicKey(pem);
    result = key.asymmetricKeyType === 'rsa' ? key : `The gateway's RS256 publicKey is a ${key.asymmetricKeyType ?? 'non-RSA'} key; RS256 needs an RSA public key (x-gateway.security.publicKey).`;
  } catch {
    result = 'The gateway cannot read its RS256 publicKey: x-gateway.security.publicKey must be a PEM "-----BEGIN PUBLIC KEY-----" block.';
  }
  if (keyCache.size >= 32) keyCache.clear();
  keyCache.set(pem, result);
  return result;
}

function isoSeconds(seconds: number): string {
  const date = new Date(Math.floor(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds} s after 1970` : date.toISOString();
}

const quote = (value: unknown) => printable(JSON.stringify(value) ?? String(value));
const fail = (message: string): JwtVerdict => ({ ok: false, message });
