import type { SecurityConfig } from '../model/runtime.ts';

/**
 * A curl command that subscribes to a topic the way this API's security expects it. WSO2's
 * Developer Portal shows `Authorization: Bearer <key>` for API-key APIs, which the gateway does not
 * read: here the key goes where the API reads it (`-H 'apikey: <key>'`, or `?apikey=` for query keys).
 *
 * -N turns off curl's output buffering so events print as they arrive. HTTPS URLs get `--http2`
 * (the gateway speaks h2 over TLS) and `-k`, because the Studio's certificate is a local self-signed one.
 */
export const TOKEN_PLACEHOLDER = '<token>';
export const API_KEY_PLACEHOLDER = '<api key>';

export function curlCommand(url: string, security: SecurityConfig): string {
  const args = ['curl', '-N'];
  if (url.startsWith('https:')) args.push('--http2', '-k');
  // A {param} template would be read as a curl glob: {a,b} means "a then b".
  if (/[{}[\]]/.test(url)) args.push('-g');
  let target = url;
  switch (security.type) {
    case 'none':
      break;
    case 'apiKey': {
      const key = security.keys[0] ?? API_KEY_PLACEHOLDER;
      if (security.in === 'header') args.push('-H', quote(`${security.name}: ${key}`));
      else target = withQuery(url, security.name, key);
      break;
    }
    case 'jwt':
      args.push('-H', quote(`Authorization: Bearer ${TOKEN_PLACEHOLDER}`));
      break;
    case 'basic': {
      const user = security.users[0];
      args.push('-u', quote(user ? `${user.username}:${user.password}` : 'user:password'));
      break;
    }
  }
  args.push(quote(target));
  return args.join(' ');
}

/** Single quotes for a POSIX shell: nothing inside is expanded; a quote itself is closed, escaped and reopened. */
export function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function withQuery(url: string, name: string, value: string): string {
  return withQueryParam(url, name, value, value === API_KEY_PLACEHOLDER);
}

/** Adds `name=value` to a URL's query, before any fragment; `raw` keeps a placeholder unencoded. */
export function withQueryParam(url: string, name: string, value: string, raw: boolean): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const separator = base.includes('?') ? '&' : '?';
  const param = `${encodeURIComponent(name)}=${raw ? value : encodeURIComponent(value)}`;
  return base + separator + param + (hash === -1 ? '' : url.slice(hash));
}
