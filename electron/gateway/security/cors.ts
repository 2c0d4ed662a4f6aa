import type { SecurityConfig } from '../../../shared/model/runtime.ts';

/**
 * CORS for SSE subscriptions (Fetch standard, "CORS protocol"). Browsers send `Origin` on
 * cross-origin requests; a request without it is not a CORS request (curl, a backend, a same-origin
 * page) and needs no CORS headers. CORS is not access control: any non-browser client can send any
 * Origin. It only decides which web pages may read the stream.
 *
 * Credentials (`withCredentials: true` on EventSource: cookies, cached Basic credentials) are allowed
 * only for origins listed by name. With `*` the Fetch standard forbids credentials, so browsers
 * would reject them anyway; and a listed origin is one the API's owner chose to trust. Header keys
 * are lowercase, as node:http sends them.
 */
export type CorsHeaders = Record<string, string>;

/** Headers for the SSE GET response, or 'forbidden' (answer 403) when the origin is not allowed. */
export function corsHeaders(allowedOrigins: string[], origin: string | undefined): CorsHeaders | 'forbidden' {
  if (origin === undefined) return {};
  const named = allowedOrigins.filter((o) => o !== '*').map(normalizeOrigin);
  const headers: CorsHeaders = {};
  // The answer depends on Origin whenever origins are listed by name: tell caches (RFC 9110 §12.5.5).
  if (named.length > 0) headers['vary'] = 'Origin';
  // "null" is the Origin of sandboxed iframes and file: pages of any site: never trust it by name.
  if (origin !== 'null' && named.includes(normalizeOrigin(origin))) {
    // Echo the Origin exactly as sent: browsers compare it byte for byte with their own.
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-credentials'] = 'true';
    return headers;
  }
  if (allowedOrigins.includes('*')) {
    headers['access-control-allow-origin'] = '*';
    return headers;
  }
  return 'forbidden';
}

/** Seconds browsers may cache a preflight answer (Chromium caps it at 7200). */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Headers for an OPTIONS preflight. EventSource itself never preflights (it sends only safelisted
 * headers), but fetch-based SSE clients that set Authorization, an API key header or Last-Event-ID do.
 * The allowed headers include the one the API's security reads, e.g. `apikey`.
 */
export function preflightHeaders(allowedOrigins: string[], origin: string | undefined, security?: SecurityConfig): CorsHeaders | 'forbidden' {
  const base = corsHeaders(allowedOrigins, origin);
  if (base === 'forbidden' || origin === undefined) return base;
  const allowHeaders = ['last-event-id', 'authorization', 'cache-control', 'accept'];
  if (security?.type === 'apiKey' && security.in === 'header' && !allowHeaders.includes(security.name.toLowerCase())) {
    allowHeaders.push(security.name.toLowerCase());
  }
  return {
    ...base,
    'access-control-allow-methods': 'GET',
    'access-control-allow-headers': allowHeaders.join(', '),
    'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}

/**
 * Origins compare as serialized by browsers: lowercase scheme and host, no default port, no
 * trailing slash. So "HTTP://Localhost:80" in the config matches the Origin "http://localhost".
 */
function normalizeOrigin(origin: string): string {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/i.exec(origin.trim());
  if (!match) return origin.trim();
  const scheme = (match[1] ?? '').toLowerCase();
  const host = (match[2] ?? '').toLowerCase();
  const port = match[3];
  const isDefault = port === undefined || (scheme === 'http' && port === '80') || (scheme === 'https' && port === '443');
  return isDefault ? `${scheme}://${host}` : `${scheme}://${host}:${port}`;
}
