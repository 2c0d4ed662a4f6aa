import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/**
 * Status 200, `Content-Type: text/event-stream` (a charset, if any, must be utf-8: SSE is always
 * UTF-8), `Cache-Control: no-cache` or `no-store` (else a cache may hold the stream).
 * `Content-Encoding` or `Content-Length` on a stream is a warning: compression buffers events
 * until a block is full, and a length means the body ends.
 */
export function responseCheck(e: RunEvidence): CheckResult {
  const base = { id: 'response' as const, title: 'Response' };
  const o = e.observe;
  if (o.error !== undefined && /^no answer within/.test(o.error)) {
    const id = e.identityProbe;
    if (id?.answeredMs !== undefined) {
      const summary = `buffered by compression: asked as a browser asks (Accept-Encoding: gzip, deflate, br), ${o.error}; asked without compression, ${id.status} came after ${id.answeredMs} ms. A compressing proxy holds the stream, headers included, until its buffer fills: turn compression off for text/event-stream`;
      return { ...base, status: 'fail', summary, evidence: [...o.redirects, `with Accept-Encoding: gzip, deflate, br: ${o.error}`, `with Accept-Encoding: identity: ${id.status} after ${id.answeredMs} ms`] };
    }
    const summary = `${o.error}: no response headers came, so nothing reaches a client; a buffering proxy holds even the headers until its buffer fills (or the server answers only with its first event)`;
    return { ...base, status: 'fail', summary, evidence: [...o.redirects] };
  }
  if (o.error !== undefined || o.status === undefined) return { ...base, status: 'fail', summary: `no answer: ${o.error ?? 'unknown error'}`, evidence: [...o.redirects] };
  const evidence = [`HTTP ${o.httpVersion} ${o.status}`, ...o.redirects.map((r) => `redirect: ${r}`)];
  const fails: string[] = [];
  const warns: string[] = [];
  if (o.status !== 200) fails.push(`status ${o.status}, not 200${o.status === 204 ? ' (204 tells EventSource to stop for good)' : ''}`);
  const type = o.headers['content-type'];
  evidence.push(`content-type: ${type ?? '(none)'}`);
  if (o.status === 200) {
    const [essence = '', ...params] = (type ?? '').split(';').map((p) => p.trim().toLowerCase());
    if (essence !== 'text/event-stream') fails.push(`Content-Type is ${type ? `"${type}"` : 'missing'}: EventSource refuses anything but text/event-stream`);
    const charset = params.find((p) => p.startsWith('charset='))?.slice(8).replace(/"/g, '');
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') fails.push(`charset=${charset}: an event stream is always UTF-8, other charsets are not honoured`);
    const cache = o.headers['cache-control'];
    evidence.push(`cache-control: ${cache ?? '(none)'}`);
    if (!cache || !/no-cache|no-store/i.test(cache)) warns.push('no Cache-Control: no-cache (or no-store): a cache or proxy may hold the stream');
    const encoding = o.headers['content-encoding'];
    if (encoding && encoding.toLowerCase() !== 'identity') warns.push(`Content-Encoding: ${encoding}: compression holds events until its block fills (buffering); send event streams uncompressed`);
    const length = o.headers['content-length'];
    if (length !== undefined) warns.push(`Content-Length: ${length} on a stream: the body ends after that many bytes and proxies may buffer it whole`);
  }
  evidence.push(...fails, ...warns);
  const status = fails.length ? 'fail' : warns.length ? 'warn' : 'pass';
  const summary = fails[0] ?? warns[0] ?? '200, text/event-stream, not cached';
  return { ...base, status, summary, evidence, figures: { status: o.status, headers: o.headers } };
}
