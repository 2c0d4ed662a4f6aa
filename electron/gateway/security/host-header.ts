/**
 * The Host check of the Studio API (electron/web/web-server.ts) and the gateway's own pages
 * (/_studio/metrics): only requests addressed to this machine by a loopback name, or by the
 * address the server is bound to, with the port they came in on. A DNS-rebinding page (evil.test
 * resolving to 127.0.0.1) sends its own name in Host and is refused.
 * HTTP/2 carries the name in `:authority` (RFC 9113 §8.3.1); HTTP/1.1 in `Host`.
 */
export function isLocalHostHeader(host: string | undefined, boundHost: string, port: number): boolean {
  if (!host) return false;
  const bound = boundHost.includes(':') ? `[${boundHost}]` : boundHost;
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${bound.toLowerCase()}:${port}`]);
  return allowed.has(host.toLowerCase());
}
