import type { SubscriptionTarget } from '../../../shared/api/contract.ts';
import type { SecurityConfig } from '../../../shared/model/runtime.ts';

/**
 * What the viewer's Subscribe form turns into: the target (through the gateway over HTTP/1.1, h2c,
 * or its HTTPS listener over HTTP/1.1 or HTTP/2), credentials as headers or query parameters
 * (prefilled from the API's runtime security), and an initial Last-Event-ID. Pure.
 */
export type Transport = 'http1' | 'h2c' | 'https1' | 'h2';

export const TRANSPORTS: ReadonlyArray<{ value: Transport; label: string; help: string }> = [
  { value: 'http1', label: 'HTTP/1.1', help: 'Plain HTTP/1.1 to the gateway, as most EventSource clients connect.' },
  { value: 'h2', label: 'HTTP/2 (TLS)', help: "HTTP/2 over TLS to the gateway's HTTPS listener, as browsers speak HTTP/2." },
  { value: 'https1', label: 'HTTP/1.1 (TLS)', help: "HTTP/1.1 over TLS to the gateway's HTTPS listener." },
  { value: 'h2c', label: 'HTTP/2 cleartext (h2c)', help: 'HTTP/2 without TLS (prior knowledge): what curl --http2-prior-knowledge does. Browsers never do this.' },
];

export interface CredentialRow {
  name: string;
  value: string;
  in: 'header' | 'query';
}

/** Credentials that pass the API's security as configured (JWT: the header, the token left to fill in). */
export function credentialsFor(security: SecurityConfig): CredentialRow[] {
  switch (security.type) {
    case 'none':
      return [];
    case 'apiKey':
      return [{ name: security.name, value: security.keys[0] ?? '', in: security.in }];
    case 'jwt':
      return [{ name: 'Authorization', value: 'Bearer ', in: 'header' }];
    case 'basic': {
      const user = security.users[0];
      return [{ name: 'Authorization', value: user ? `Basic ${base64(`${user.username}:${user.password}`)}` : 'Basic ', in: 'header' }];
    }
  }
}

export interface SubscribeInput {
  apiId: string;
  /** The concrete topic path (`/prices`), maybe with a query. */
  topicPath: string;
  lastEventId: string;
  credentials: readonly CredentialRow[];
  transport: Transport;
  /** The gateway's HTTPS base for this API (`https://127.0.0.1:8243/feed/1.0.0`), or null when HTTPS is off. */
  httpsBase: string | null;
}

export type BuiltTarget = { ok: true; target: SubscriptionTarget } | { ok: false; error: string; row?: number };

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function buildTarget(input: SubscribeInput): BuiltTarget {
  const parts = requestParts(input.credentials, input.lastEventId);
  if (!parts.ok) return parts;
  const path = withQuery(input.topicPath.trim(), parts.query);
  const options = { ...parts.options, ...(input.transport === 'h2' || input.transport === 'h2c' ? { http2: true } : {}) };
  if (input.transport === 'http1' || input.transport === 'h2c') return { ok: true, target: { apiId: input.apiId, topicPath: path, ...options } };
  if (!input.httpsBase) return { ok: false, error: 'HTTPS is off for the gateway or for this API (Runtime tab, transports): pick HTTP/1.1 or h2c.' };
  return { ok: true, target: { url: input.httpsBase.replace(/\/+$/, '') + path, ...options } };
}

/** The Topic select's last item: subscribe to any SSE URL instead of one of the API's topics. */
export const ANY_URL = 'any-sse-url';
export const ANY_URL_EXAMPLE = 'http://127.0.0.1:8080/counter';

/** Why `url` cannot be subscribed to, as what to do about it; undefined when it can. */
export function checkSseUrl(url: string): string | undefined {
  const value = url.trim();
  if (!value) return `Enter the URL of an SSE stream, e.g. ${ANY_URL_EXAMPLE}.`;
  if (/\s/.test(value)) return 'Remove the spaces: encode them as %20.';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `Enter an absolute URL starting with http:// or https://, e.g. ${ANY_URL_EXAMPLE}.`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `Only http:// and https:// URLs carry SSE: replace "${parsed.protocol}//" with http:// or https://.`;
  if (!parsed.hostname) return `Add the host after ${parsed.protocol}//, e.g. ${ANY_URL_EXAMPLE}.`;
  if (parsed.username || parsed.password) return 'Remove the user:password@ part: send credentials as an Authorization header (Headers).';
  return undefined;
}

/** An https: URL (the certificate question applies); false for anything else, invalid ones included. */
export function isHttpsUrl(url: string): boolean {
  return /^https:\/\//i.test(url.trim());
}

/** Accepting a self-signed certificate is the sensible default on this machine only. */
export function defaultInsecureTls(url: string): boolean {
  try {
    const host = new URL(url.trim()).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  } catch {
    return false;
  }
}

export interface UrlSubscribeInput {
  url: string;
  lastEventId: string;
  credentials: readonly CredentialRow[];
  /** h2 over TLS for https:, h2c with prior knowledge for http:. */
  http2: boolean;
  /** https: accept any certificate. Ignored for http:. */
  insecureTls: boolean;
}

/** A subscription straight to any SSE URL (not through the gateway): query credentials go into its query, the fragment is dropped. */
export function buildUrlTarget(input: UrlSubscribeInput): BuiltTarget {
  const problem = checkSseUrl(input.url);
  if (problem) return { ok: false, error: problem };
  const parts = requestParts(input.credentials, input.lastEventId);
  if (!parts.ok) return parts;
  const parsed = new URL(input.url.trim());
  parsed.hash = '';
  const options = { ...parts.options, ...(input.http2 ? { http2: true } : {}), ...(input.insecureTls && parsed.protocol === 'https:' ? { insecureTls: true } : {}) };
  return { ok: true, target: { url: withQuery(parsed.href, parts.query), ...options } };
}

type RequestParts = { ok: true; query: Array<[string, string]>; options: { lastEventId?: string; headers?: Record<string, string> } } | { ok: false; error: string; row?: number };

/** Credentials as headers and query parameters, and the Last-Event-ID, checked. */
function requestParts(credentials: readonly CredentialRow[], lastEventIdInput: string): RequestParts {
  const headers: Record<string, string> = {};
  const query: Array<[string, string]> = [];
  for (const [row, c] of credentials.entries()) {
    const name = c.name.trim();
    if (!name && !c.value.trim()) continue;
    if (c.in === 'header') {
      if (!HEADER_NAME.test(name)) return { ok: false, error: `"${name}" is not a header name: letters, digits and - only, no spaces.`, row };
      if (/[\r\n\0]/.test(c.value)) return { ok: false, error: `The value of ${name} must be on one line.`, row };
      if (name.toLowerCase() === 'last-event-id') return { ok: false, error: 'Set Last-Event-ID in its own field: the client sends it (and updates it on reconnects).', row };
      headers[name] = c.value.trim();
    } else {
      if (!name) return { ok: false, error: 'A query parameter needs a name.', row };
      query.push([name, c.value]);
    }
  }
  const lastEventId = lastEventIdInput.trim();
  if (/[\r\n\0]/.test(lastEventId)) return { ok: false, error: 'Last-Event-ID must be on one line.' };
  return { ok: true, query, options: { ...(lastEventId ? { lastEventId } : {}), ...(Object.keys(headers).length ? { headers } : {}) } };
}

function withQuery(path: string, query: ReadonlyArray<[string, string]>): string {
  if (!query.length) return path;
  const extra = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return path + (path.includes('?') ? '&' : '?') + extra;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
