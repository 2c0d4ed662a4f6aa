import { createHmac } from 'node:crypto';
import type { SecurityConfig } from '../../shared/model/runtime.ts';

/**
 * Credentials `check` presents to a secured API, taken from the API's own `x-gateway.security`
 * (the project holds them, so a check of a secured API needs nothing more): the first API key,
 * the first Basic user, or an HS256 JWT signed with the API's secret. RS256 needs the issuer's
 * private key, which the project does not hold: such APIs are skipped with that reason.
 */
export type Credentials = { ok: true; headers: Record<string, string>; query: Record<string, string>; what: string } | { ok: false; reason: string };

const TOKEN_LIFETIME_SECONDS = 3600;

export function credentialsFor(security: SecurityConfig, now = Date.now()): Credentials {
  switch (security.type) {
    case 'none':
      return { ok: true, headers: {}, query: {}, what: 'none' };
    case 'apiKey': {
      const key = security.keys[0];
      if (key === undefined) return { ok: false, reason: 'the API key security lists no keys to use' };
      return security.in === 'header'
        ? { ok: true, headers: { [security.name.toLowerCase()]: key }, query: {}, what: `API key in header ${security.name}` }
        : { ok: true, headers: {}, query: { [security.name]: key }, what: `API key in query ${security.name}` };
    }
    case 'basic': {
      const user = security.users[0];
      if (!user) return { ok: false, reason: 'the Basic security lists no users to use' };
      return { ok: true, headers: { authorization: `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}` }, query: {}, what: `Basic user ${user.username}` };
    }
    case 'jwt': {
      if (security.algorithm !== 'HS256') return { ok: false, reason: 'the API takes RS256 JWTs, and the project holds only the public key: check cannot sign one' };
      const iat = Math.floor(now / 1000);
      const claims = { sub: 'sse-studio-check', iat, exp: iat + TOKEN_LIFETIME_SECONDS, ...(security.issuer ? { iss: security.issuer } : {}), ...(security.audience ? { aud: security.audience } : {}) };
      const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
      const token = `${input}.${createHmac('sha256', security.secret).update(input).digest('base64url')}`;
      return { ok: true, headers: { authorization: `Bearer ${token}` }, query: {}, what: 'an HS256 JWT signed with the API secret' };
    }
  }
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
