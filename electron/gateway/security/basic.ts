import type { SecurityConfig } from '../../../shared/model/runtime.ts';
import { REALM, refuse, type AuthRequest, type AuthResult } from './auth-result.ts';
import { findHeader, parseAuthorization, printable } from './request-parts.ts';
import { sameSecret } from './secret.ts';

type BasicConfig = Extract<SecurityConfig, { type: 'basic' }>;

/** RFC 7617 §2.1: the realm, and that user names and passwords are UTF-8. */
export const BASIC_CHALLENGE = `Basic realm="${REALM}", charset="UTF-8"`;

// Compared against when the user name is unknown, so an unknown user costs the same time as a
// wrong password and timing does not reveal which user names exist.
const NO_SUCH_USER = '\u0000no such user\u0000';

/** HTTP Basic authentication (RFC 7617): `Authorization: Basic base64(user-id ":" password)`. */
export function authenticateBasic(config: BasicConfig, request: AuthRequest): AuthResult {
  const header = findHeader(request.headers, 'authorization');
  if (header.kind === 'none') {
    return refuse('This API needs HTTP Basic authentication: send "Authorization: Basic <base64 of user:password>".', BASIC_CHALLENGE);
  }
  if (header.kind === 'many') return refuse('The Authorization header was sent more than once: send it once.', BASIC_CHALLENGE);
  const { scheme, credentials } = parseAuthorization(header.value);
  if (scheme !== 'basic') {
    return refuse(`This API needs HTTP Basic authentication, but the Authorization header uses the "${printable(scheme, 20)}" scheme. Send "Authorization: Basic <base64 of user:password>".`, BASIC_CHALLENGE);
  }
  const decoded = decodeBase64Utf8(credentials);
  if (decoded === undefined) {
    return refuse('The Basic credentials are not valid base64 of UTF-8 "user:password" text (RFC 7617). Encode "user:password" with base64, e.g. btoa("alice:secret").', BASIC_CHALLENGE);
  }
  // The user-id cannot contain a colon; the password may (RFC 7617 §2).
  const colon = decoded.indexOf(':');
  if (colon === -1) return refuse('The Basic credentials have no ":" between user name and password: encode "user:password".', BASIC_CHALLENGE);
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);

  const user = config.users.find((u) => u.username === username);
  const passwordOk = sameSecret(password, user?.password ?? NO_SUCH_USER);
  // One message for both cases: telling "no such user" apart from "wrong password" helps guessing.
  if (!user || !passwordOk) return refuse('Wrong user name or password for HTTP Basic authentication.', BASIC_CHALLENGE);
  return { ok: true, subscriberKey: `user:${username}`, principal: username };
}

/** Strict base64 (RFC 4648 §4, padded): Buffer.from(x, 'base64') would silently skip junk. */
function decodeBase64Utf8(text: string): string | undefined {
  if (text === '' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'base64'));
  } catch {
    return undefined;
  }
}
