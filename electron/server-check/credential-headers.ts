/**
 * Login headers go only to the origin (scheme + host + port) the user named: a redirect to another
 * port, or from https to http, is a different origin and gets the request without them, as a
 * browser's fetch does. Other headers are the user's to send wherever the allowlist lets them.
 */
const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export interface HopHeaders {
  headers: Record<string, string>;
  /** Names of the login headers left out, as the user spelled them. */
  dropped: string[];
}

export function headersForHop(headers: Record<string, string>, hop: URL, userUrl: URL): HopHeaders {
  if (hop.origin === userUrl.origin) return { headers, dropped: [] };
  const kept: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (CREDENTIALS.has(name.toLowerCase())) dropped.push(name);
    else kept[name] = value;
  }
  return { headers: kept, dropped };
}

export function describeDropped(dropped: readonly string[], hop: URL): string {
  return `${dropped.join(', ')} not sent to ${hop.origin}: another origin than the URL given`;
}
