import type { SecurityConfig } from '../../../shared/model/runtime.ts';
import type { AuthRequest, AuthResult } from './auth-result.ts';
import { authenticateApiKey } from './api-key.ts';
import { authenticateBasic } from './basic.ts';
import { authenticateJwt } from './bearer-jwt.ts';

export type { AuthRequest, AuthResult } from './auth-result.ts';

/**
 * Who is subscribing, per the API's `x-gateway.security`. Pure: no sockets, no clock but `now`.
 * The subscriberKey identifies the subscriber for rate limits and metrics and never contains a
 * secret: `anonymous` (the caller may replace it with the client IP), `key:<sha256 prefix>`,
 * `sub:<JWT subject>`, `jwt:<sha256 prefix>` or `user:<name>`.
 */
export function authenticate(config: SecurityConfig, request: AuthRequest, now = Date.now()): AuthResult {
  switch (config.type) {
    case 'none':
      return { ok: true, subscriberKey: 'anonymous', principal: 'anonymous' };
    case 'apiKey':
      return authenticateApiKey(config, request);
    case 'jwt':
      return authenticateJwt(config, request, now);
    case 'basic':
      return authenticateBasic(config, request);
  }
}
