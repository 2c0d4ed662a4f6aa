/**
 * A URL as it may be published (docs, exports for others): without a `user:password@` part, which
 * a backend endpoint may carry for the gateway's own use. Only that part changes, so a URL without
 * credentials comes back exactly as written.
 */
export function withoutUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}
