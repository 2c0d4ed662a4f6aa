import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { everyCut } from '../../../test/support/byte-cuts.ts';
import { createResponseReader } from './http1-response-reader.ts';

interface Read {
  status?: number;
  headers?: IncomingHttpHeaders;
  body: string;
  ended: boolean;
  error?: string;
  /** What the connection's close would mean: the end of a body read up to the close. */
  closeEndsBody: boolean;
}

/** Feeds `chunks` into one reader, reusing one buffer per feed as the gateway's socket does. */
function read(chunks: Buffer[]): Read {
  const out: Read = { body: '', ended: false, closeEndsBody: false };
  const reader = createResponseReader({
    onHead: (status, headers) => Object.assign(out, { status, headers }),
    onBody: (bytes, start, end) => (out.body += bytes.toString('latin1', start, end)),
    onEnd: () => (out.ended = true),
    onError: (detail) => (out.error = detail),
  });
  const shared = Buffer.alloc(64 * 1024);
  for (const c of chunks) {
    c.copy(shared);
    reader.feed(shared.subarray(0, c.length));
    shared.fill(0x58); // what the reader kept from the last feed must not be a view into this
  }
  out.closeEndsBody = reader.endsBody();
  return out;
}

const SSE_HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n';

describe('createResponseReader', () => {
  const cases: Array<[string, string, Partial<Read>]> = [
    ['chunked stream', `${SSE_HEAD}Transfer-Encoding: chunked\r\n\r\n8\r\ndata: a\n\r\n9\r\n\ndata: b\n\r\n`, { status: 200, body: 'data: a\n\ndata: b\n', ended: false, closeEndsBody: false }],
    ['chunked, upper-case hex, extension, trailers', `${SSE_HEAD}Transfer-Encoding: chunked\r\n\r\n1A;name=x\r\n${'y'.repeat(26)}\r\n0\r\nX-Trailer: 1\r\n\r\n`, { body: 'y'.repeat(26), ended: true }],
    ['chunked with bare LF line ends', `${SSE_HEAD}Transfer-Encoding: chunked\n\n3\nabc\n0\n\n`, { body: 'abc', ended: true }],
    ['up to the close (HTTP/1.0 style)', `HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: a\n\n`, { status: 200, body: 'data: a\n\n', ended: false, closeEndsBody: true }],
    ['Content-Length', 'HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nnopeX', { status: 404, body: 'nope' + 'X', ended: true }],
    ['Content-Length 0', 'HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nWWW-Authenticate: Basic\r\n\r\n', { status: 401, body: '', ended: true }],
    ['204 has no body', 'HTTP/1.1 204 No Content\r\n\r\n', { status: 204, body: '', ended: true }],
    ['interim 100 and 103 answers are skipped', `HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n${SSE_HEAD}Content-Length: 3\r\n\r\nabc`, { status: 200, body: 'abc', ended: true }],
    ['Transfer-Encoding wins over Content-Length', `${SSE_HEAD}Content-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n`, { body: 'ab', ended: true }],
    ['bytes after the end are ignored', 'HTTP/1.1 500 Oops\r\nContent-Length: 2\r\n\r\nabHTTP/1.1 200 OK\r\n\r\n', { status: 500, body: 'ab', ended: true }],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}, however the bytes are cut`, () => {
      for (const chunks of everyCut(text)) {
        const result = read(chunks);
        expect(result.error).toBeUndefined();
        expect(result).toMatchObject(expected);
      }
    });
  }

  it('headers: lower-case names, repeats joined as Node does, Set-Cookie as a list', () => {
    const { headers } = read([Buffer.from(`${SSE_HEAD}Content-Type: text/plain\r\nX-A: 1\r\nx-a: 2\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-Empty:\r\n\r\n`, 'latin1')]);
    expect(headers).toEqual({ 'content-type': 'text/event-stream', 'x-a': '1, 2', 'set-cookie': ['a=1', 'b=2'], 'x-empty': '' });
  });

  const broken: Array<[string, string, RegExp]> = [
    ['not HTTP', 'SSH-2.0-OpenSSH_9.6\r\n\r\n', /did not answer with HTTP\/1\.x \(first line: "SSH-2\.0-OpenSSH_9\.6"\)/],
    ['HTTP/2 preface', 'HTTP/2 200\r\n\r\n', /did not answer with HTTP\/1\.x/],
    ['a header line without a colon', `${SSE_HEAD}Bad header\r\n\r\n`, /malformed header line: "Bad header"/],
    ['obs-fold', `${SSE_HEAD}X-A: 1\r\n  folded\r\n\r\n`, /malformed header line/],
    ['bad Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 12abc\r\n\r\n', /invalid Content-Length \("12abc"\)/],
    ['two different Content-Lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n', /invalid Content-Length \("1, 2"\)/],
    ['a bad chunk size', `${SSE_HEAD}Transfer-Encoding: chunked\r\n\r\nzz\r\n`, /malformed chunked encoding \(bad chunk size\)/],
    ['no line end after a chunk', `${SSE_HEAD}Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n`, /no line end after a chunk/],
    ['101 on a GET', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n', /switched protocols/],
    ['a status that is not HTTP', 'HTTP/1.1 099 Odd\r\nContent-Length: 0\r\n\r\n', /status 099, which is not an HTTP status \(100–599\)/],
    ['a lone CR in a header value', 'HTTP/1.1 404 Not Found\r\nX-Why: a\rb\r\nContent-Length: 0\r\n\r\n', /control character in the X-Why header/],
    ['NUL in a header value', 'HTTP/1.1 404 Not Found\r\nX-Why: a\u0000b\r\nContent-Length: 0\r\n\r\n', /control character in the X-Why header/],
  ];
  for (const [name, text, error] of broken) {
    it(`refuses ${name}, however the bytes are cut`, () => {
      for (const chunks of everyCut(text)) expect(read(chunks).error).toMatch(error);
    });
  }

  it('refuses a head over 16 KB, also when it never ends', () => {
    const long = `${SSE_HEAD}X-Long: ${'a'.repeat(17 * 1024)}\r\n`;
    expect(read([Buffer.from(`${long}\r\n`)]).error).toMatch(/response head is over 16 KB/);
    expect(read([Buffer.from(long)]).error).toMatch(/response head is over 16 KB/);
    expect(read([Buffer.from(long.slice(0, 9000)), Buffer.from(long.slice(9000))]).error).toMatch(/over 16 KB/);
  });

  it('refuses an endless chunk-size line', () => {
    expect(read([Buffer.from(`${SSE_HEAD}Transfer-Encoding: chunked\r\n\r\n${'0'.repeat(2000)}`)]).error).toMatch(/chunk-size or trailer line over 1 KB/);
  });
});
