import { describe, expect, it } from 'vitest';
import type { OutgoingHttpHeaders } from 'node:http';
import { setStreamHeaders } from './headers.ts';
import type { GatewayResponse } from './types.ts';

/** Just what setStreamHeaders touches of a response: its request's version and setHeader. */
function fakeResponse(httpVersionMajor: number): { res: GatewayResponse; sent: OutgoingHttpHeaders } {
  const sent: OutgoingHttpHeaders = {};
  const res = { req: { httpVersionMajor }, setHeader: (name: string, value: string) => (sent[name] = value) };
  return { res: res as unknown as GatewayResponse, sent };
}

const sse = {
  'Content-Type': 'text/event-stream',
  'cache-control': 'no-cache',
  Connection: 'keep-alive',
  'keep-alive': 'timeout=60',
  'transfer-encoding': 'chunked',
};

describe('setStreamHeaders', () => {
  it('passes every header through on HTTP/1.1 (names lower-cased)', () => {
    const { res, sent } = fakeResponse(1);
    setStreamHeaders(res, sse);
    expect(sent).toEqual({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'keep-alive': 'timeout=60',
      'transfer-encoding': 'chunked',
    });
  });

  it('drops hop-by-hop headers on HTTP/2, where Node would throw ERR_HTTP2_INVALID_CONNECTION_HEADERS', () => {
    const { res, sent } = fakeResponse(2);
    setStreamHeaders(res, { ...sse, upgrade: 'websocket', 'proxy-connection': 'keep-alive' });
    expect(sent).toEqual({ 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  });

  it('on HTTP/2 also drops headers a Connection value names, and keeps `te: trailers` only', () => {
    const { res, sent } = fakeResponse(2);
    setStreamHeaders(res, { connection: 'close, X-Hop', 'x-hop': '1', 'x-end': '2', te: 'trailers' });
    expect(sent).toEqual({ 'x-end': '2', te: 'trailers' });
    const other = fakeResponse(2);
    setStreamHeaders(other.res, { te: 'gzip' });
    expect(other.sent).toEqual({});
  });

  it('skips undefined values', () => {
    const { res, sent } = fakeResponse(1);
    setStreamHeaders(res, { 'x-a': undefined, 'x-b': 'b' });
    expect(sent).toEqual({ 'x-b': 'b' });
  });
});
