/**
 * What every authentication scheme returns: who the subscriber is, or why the request is refused.
 * Refusals are data with a message that tells the user what to fix; they never contain a secret.
 */
export type AuthResult =
  | { ok: true; subscriberKey: string; principal: string }
  | { ok: false; status: 401; message: string; wwwAuthenticate?: string };

/** The parts of an HTTP request that carry credentials. Header names may be in any case. */
export interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  query: URLSearchParams;
}

/** Shown in WWW-Authenticate challenges (RFC 9110 §11.6.1). */
export const REALM = 'SSE Studio gateway';

export function refuse(message: string, wwwAuthenticate?: string): AuthResult {
  return wwwAuthenticate === undefined ? { ok: false, status: 401, message } : { ok: false, status: 401, message, wwwAuthenticate };
}
