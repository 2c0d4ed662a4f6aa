/**
 * The GET the gateway sends its backend, as bytes. Written by hand because the gateway reads the
 * answer on a plain socket (see upstream-connection.ts); the same headers Node's client sent:
 * Host, the SSE Accept, no caching, the Last-Event-ID to resume from, Basic auth from the URL's
 * user info, and `Connection: close` (each upstream is one stream, never reused).
 */
export function upstreamRequestHead(url: URL, lastEventId: string | undefined): Buffer {
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, 'Accept: text/event-stream', 'Cache-Control: no-cache'];
  if (lastEventId !== undefined) lines.push(`Last-Event-ID: ${headerValue(lastEventId)}`);
  if (url.username || url.password) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    lines.push(`Authorization: Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`);
  }
  lines.push('Connection: close', '', '');
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

/**
 * An id as header bytes. An SSE id cannot hold CR or LF (they end its line); they are removed
 * again here so nothing can add a header line. A header value Node read is latin1 and goes back
 * byte for byte; characters above U+00FF (only in ids read from events) go as UTF-8, where Node's
 * client threw.
 */
function headerValue(id: string): string {
  const safe = id.replace(/[\r\n\0]/g, '');
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\xff]/.test(safe) ? Buffer.from(safe, 'utf8').toString('latin1') : safe;
}
