/**
 * Context rules from WSO2 API Manager: the gateway serves an API at its context followed by its
 * version (`/events` + `1.0.0` -> `/events/1.0.0`), unless the context holds a `{version}` segment,
 * which is replaced where it stands (`/{version}/events` -> `/1.0.0/events`).
 */
export const VERSION_PLACEHOLDER = '{version}';

/** `Stock Ticker API` -> `/stock-ticker-api`: the context used when a document has no `x-context`. */
export function defaultContext(name: string): string {
  const kebab = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents: "Ünïcode" -> "Unicode"
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return '/' + (kebab || 'api');
}

/** Leading slash, no trailing slash, no doubled slashes. */
export function normalizeContext(context: string): string {
  const trimmed = context.trim().replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : '/' + trimmed;
}

/** The path prefix under which the gateway serves the API. */
export function gatewayBasePath(context: string, version: string): string {
  const normalized = normalizeContext(context);
  const segments = normalized.split('/');
  if (segments.includes(VERSION_PLACEHOLDER)) {
    return segments.map((s) => (s === VERSION_PLACEHOLDER ? version : s)).join('/');
  }
  return `${normalized === '/' ? '' : normalized}/${version}`;
}
