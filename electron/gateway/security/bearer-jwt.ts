import { REALM, refuse, type AuthRequest, type AuthResult } from './auth-result.ts';
import { verifyJwt, type JwtConfig } from './jwt.ts';
import { findHeader, findQuery, parseAuthorization, printable } from './request-parts.ts';
import { fingerprint } from './secret.ts';

/**
 * A JWT sent as an OAuth 2.0 bearer token (RFC 6750): `Authorization: Bearer <jwt>` (§2.1), or the
 * `access_token` query parameter (§2.3). The query form is accepted because a browser's EventSource
 * cannot set request headers; it puts the token in URLs, so the gateway must not log query strings
 * or forward this parameter to the backend (see withoutCredentials).
 */
export const ACCESS_TOKEN_PARAM = 'access_token';

// §3.1: a request with no credentials gets a challenge without an error code.
const CHALLENGE = `Bearer realm="${REALM}"`;

export function authenticateJwt(config: JwtConfig, request: AuthRequest, now = Date.now()): AuthResult {
  const header = findHeader(request.headers, 'authorization');
  const param = findQuery(request.query, ACCESS_TOKEN_PARAM);
  if (header.kind === 'many') return refuse('The Authorization header was sent more than once: send it once.', invalid('invalid_request', 'Send the Authorization header once.'));
  if (param.kind === 'many') return refuse(`The ${ACCESS_TOKEN_PARAM} query parameter was sent more than once: send it once.`, invalid('invalid_request', 'Send access_token once.'));

  let token: string | undefined;
  if (header.kind === 'one') {
    const { scheme, credentials } = parseAuthorization(header.value);
    if (scheme !== 'bearer') {
      return refuse(`This API needs a JWT: send "Authorization: Bearer <token>" (the Authorization header uses the "${printable(scheme, 20)}" scheme).`, CHALLENGE);
    }
    // §2: clients MUST NOT use more than one method to transmit the token in each request.
    if (param.kind === 'one') {
      const message = `The JWT was sent twice, in the Authorization header and in the ${ACCESS_TOKEN_PARAM} query parameter: use one.`;
      return refuse(message, invalid('invalid_request', message));
    }
    if (credentials === '') return refuse('"Authorization: Bearer" has no token after it: send "Authorization: Bearer <token>".', invalid('invalid_request', 'No token after Bearer.'));
    token = credentials;
  } else if (param.kind === 'one') {
    if (param.value === '') return refuse(`The ${ACCESS_TOKEN_PARAM} query parameter is empty: put the JWT in it.`, invalid('invalid_request', 'Empty access_token.'));
    token = param.value;
  } else {
    return refuse(
      `Missing JWT: send "Authorization: Bearer <token>", or, from a browser's EventSource (which cannot set headers), add ?${ACCESS_TOKEN_PARAM}=<token> to the URL.`,
      CHALLENGE,
    );
  }

  const verdict = verifyJwt(config, token, now);
  if (!verdict.ok) return refuse(verdict.message, invalid('invalid_token', verdict.message));
  const sub = verdict.claims.sub;
  if (typeof sub === 'string' && sub !== '') {
    const name = printable(sub, 200);
    return { ok: true, subscriberKey: `sub:${name}`, principal: name };
  }
  // No subject: the token itself is the only identity (a fingerprint, never the token).
  const id = fingerprint(token);
  return { ok: true, subscriberKey: `jwt:${id}`, principal: `JWT ${id} (no "sub" claim)` };
}

/** `Bearer realm=..., error=..., error_description=...` (RFC 6750 §3). */
function invalid(error: 'invalid_token' | 'invalid_request', description: string): string {
  return `${CHALLENGE}, error="${error}", error_description="${descriptionText(description)}"`;
}

/**
 * §3: error_description is limited to %x20-21 / %x23-5B / %x5D-7E (printable ASCII without `"` and
 * `\`). Node also refuses non-Latin-1 header values, so this must hold or writeHead throws.
 */
function descriptionText(text: string): string {
  return text
    .replaceAll('…', '...')
    .replaceAll('"', "'")
    .replaceAll('\\', '/')
    .replace(/[^\x20-\x7e]/g, '?');
}
