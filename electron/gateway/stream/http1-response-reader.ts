import type { IncomingHttpHeaders } from 'node:http';

/**
 * Reads one HTTP/1.x response from the bytes of a connection: the head, then the body by its
 * framing (chunked, Content-Length, or up to the close, RFC 9112 §6.3). The gateway reads its
 * backends with this instead of Node's HTTP client because in per-client mode every event passes
 * here once per client: one plain socket read and this loop cost far less than the client's parser
 * callbacks and its two layers of stream events (see BENCHMARKS.md, per-client mode).
 *
 * `onBody` gets a range of the buffer passed to `feed` (not a view: the caller copies what it
 * keeps anyway when it reuses its read buffer, and one view less per read counts here).
 */
export interface ResponseReaderCallbacks {
  onHead(status: number, headers: IncomingHttpHeaders): void;
  onBody(bytes: Buffer, start: number, end: number): void;
  /** The body is complete (last chunk, Content-Length reached, or nothing to read). */
  onEnd(): void;
  /** The bytes are not an HTTP/1.x response: `detail` says what was wrong, for the user. */
  onError(detail: string): void;
}

export interface ResponseReader {
  feed(bytes: Buffer): void;
  /** The connection closed: true when that ends a body read up to the close. */
  endsBody(): boolean;
  readonly headDone: boolean;
}

export const MAX_HEAD_BYTES = 16 * 1024;
const MAX_SIZE_LINE = 1024;
const CR = 0x0d;
const LF = 0x0a;

const enum State {
  Head,
  Chunk,
  ChunkSize,
  ChunkEnd,
  Trailers,
  Length,
  UntilClose,
  Done,
}

// Node keeps the first value of these when a header repeats (and joins the rest with ", ").
const FIRST_WINS = new Set(['content-type', 'content-length', 'location', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires', 'authorization', 'host']);
const STATUS_LINE = /^HTTP\/1\.[01] (\d{3})(?: |$)/;
const notHttp = (firstLine: string) => `the backend did not answer with HTTP/1.x (first line: ${JSON.stringify(firstLine.replace(/\r$/, '').slice(0, 80))})`;
const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function createResponseReader(callbacks: ResponseReaderCallbacks): ResponseReader {
  let state = State.Head;
  let head: Buffer[] = [];
  let headSize = 0;
  let remaining = 0;
  let line = '';

  const fail = (detail: string) => {
    state = State.Done;
    callbacks.onError(detail);
  };

  /** Parses a complete head; returns false when it failed. */
  const readHead = (text: string): boolean => {
    const lines = text.split(/\r?\n/);
    const status = STATUS_LINE.exec(lines[0] ?? '');
    if (!status) {
      fail(notHttp(lines[0] ?? ''));
      return false;
    }
    const code = Number(status[1]);
    if (code < 100 || code > 599) {
      fail(`the backend answered with status ${status[1]}, which is not an HTTP status (100–599)`);
      return false;
    }
    const headers: IncomingHttpHeaders = {};
    for (const headerLine of lines.slice(1)) {
      if (headerLine === '') continue;
      const colon = headerLine.indexOf(':');
      const name = colon > 0 ? headerLine.slice(0, colon) : '';
      if (!TOKEN.test(name)) {
        fail(`the backend sent a malformed header line: ${JSON.stringify(headerLine.slice(0, 80))}`);
        return false;
      }
      const value = headerLine.slice(colon + 1).trim();
      // What Node (and every HTTP client) refuses in a field value: passing it on would fail there.
      if (INVALID_VALUE_CHAR.test(value)) {
        fail(`the backend sent a control character in the ${name} header`);
        return false;
      }
      addHeader(headers, name.toLowerCase(), value);
    }
    if (code >= 100 && code < 200) {
      if (code === 101) {
        fail('the backend switched protocols (101) on a plain GET');
        return false;
      }
      return true; // an interim answer (100, 103): the real one follows
    }
    const framing = bodyFraming(code, headers);
    if ('error' in framing) {
      fail(framing.error);
      return false;
    }
    callbacks.onHead(code, headers);
    if (framing.length === 0) {
      state = State.Done;
      callbacks.onEnd();
      return false;
    }
    if (framing.length === 'chunked') state = State.ChunkSize;
    else if (framing.length === 'close') state = State.UntilClose;
    else {
      remaining = framing.length;
      state = State.Length;
    }
    return true;
  };

  /** Collects head bytes; returns where the body starts in `bytes`, or -1 when more is needed. */
  const takeHead = (bytes: Buffer, from: number): number => {
    const joined = head.length ? Buffer.concat([...head, bytes.subarray(from)]) : bytes.subarray(from);
    const offset = head.length ? headSize : 0;
    const end = headEnd(joined);
    // Say at once when the first line is not a status line (a backend that speaks something else
    // may never send the blank line that ends a head).
    if (end === -1 && !statusLineOk(joined)) return -1;
    if (end === -1) {
      if (joined.length > MAX_HEAD_BYTES) {
        fail(`the backend's response head is over ${MAX_HEAD_BYTES / 1024} KB`);
        return -1;
      }
      head = [Buffer.from(joined)];
      headSize = joined.length;
      return -1;
    }
    if (end.head > MAX_HEAD_BYTES) {
      fail(`the backend's response head is over ${MAX_HEAD_BYTES / 1024} KB`);
      return -1;
    }
    head = [];
    headSize = 0;
    if (!readHead(joined.toString('latin1', 0, end.head + 1))) return -1;
    return from + end.body - offset;
  };

  /** False (and failed) when the first line is complete and is no HTTP/1.x status line. */
  const statusLineOk = (bytes: Buffer): boolean => {
    const lf = bytes.indexOf(LF);
    if (lf === -1 || STATUS_LINE.test(bytes.toString('latin1', 0, lf).replace(/\r$/, ''))) return true;
    fail(notHttp(bytes.toString('latin1', 0, lf)));
    return false;
  };

  /** Reads a chunk-size line (or a trailer line); returns the index after its LF, or -1. */
  const takeLine = (bytes: Buffer, from: number): number => {
    const lf = bytes.indexOf(LF, from);
    const upTo = lf === -1 ? bytes.length : lf;
    line += bytes.toString('latin1', from, upTo);
    if (line.length > MAX_SIZE_LINE) {
      fail('the backend sent a chunk-size or trailer line over 1 KB');
      return -1;
    }
    return lf === -1 ? -1 : lf + 1;
  };

  return {
    get headDone() {
      return state !== State.Head;
    },
    endsBody() {
      return state === State.UntilClose;
    },
    feed(bytes) {
      let i = 0;
      while (i < bytes.length && state !== State.Done) {
        switch (state) {
          case State.Head: {
            const body = takeHead(bytes, i);
            if (body === -1) return;
            i = body;
            break;
          }
          case State.UntilClose:
            callbacks.onBody(bytes, i, bytes.length);
            return;
          case State.Chunk:
          case State.Length: {
            const n = Math.min(remaining, bytes.length - i);
            remaining -= n;
            const from = i;
            i += n;
            if (remaining === 0) {
              if (state === State.Length) state = State.Done;
              else if (bytes[i] === CR && bytes[i + 1] === LF) {
                i += 2; // the chunk's CRLF, usually in the same read
                state = State.ChunkSize;
              } else state = State.ChunkEnd;
            }
            callbacks.onBody(bytes, from, i - (state === State.ChunkSize ? 2 : 0));
            if (state === State.Done) callbacks.onEnd();
            break;
          }
          case State.ChunkEnd: {
            // The CRLF after a chunk's data (a bare LF is accepted, as for every line end here).
            if (bytes[i] === CR && line === '') {
              line = '\r';
              i++;
            } else if (bytes[i] === LF) {
              line = '';
              state = State.ChunkSize;
              i++;
            } else return fail('the backend sent malformed chunked encoding (no line end after a chunk)');
            break;
          }
          case State.ChunkSize: {
            // The usual size line (hex digits, CRLF, all in this read) without building a string.
            const fast = line === '' ? plainSizeLine(bytes, i) : -1;
            if (fast !== -1) {
              i = fast;
              remaining = parsedSize;
              state = remaining === 0 ? State.Trailers : State.Chunk;
              break;
            }
            const next = takeLine(bytes, i);
            if (next === -1) return;
            i = next;
            const size = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?\r?$/.exec(line);
            line = '';
            if (!size) return fail('the backend sent malformed chunked encoding (bad chunk size)');
            remaining = parseInt(size[1] as string, 16);
            state = remaining === 0 ? State.Trailers : State.Chunk;
            break;
          }
          case State.Trailers: {
            const next = takeLine(bytes, i);
            if (next === -1) return;
            i = next;
            const blank = line === '' || line === '\r';
            line = '';
            if (blank) {
              state = State.Done;
              callbacks.onEnd();
            }
            break;
          }
        }
      }
    },
  };
}

let parsedSize = 0;

/** A size line of 1–12 hex digits and CRLF at `from`: sets `parsedSize`, returns where it ends; else -1. */
function plainSizeLine(bytes: Buffer, from: number): number {
  let size = 0;
  let i = from;
  for (; i < bytes.length && i - from <= 12; i++) {
    const c = bytes[i] as number;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1;
    if (digit === -1) break;
    size = size * 16 + digit;
  }
  if (i === from || i - from > 12 || bytes[i] !== CR || bytes[i + 1] !== LF) return -1;
  parsedSize = size;
  return i + 2;
}

/** Where the head ends: the blank line (CRLF CRLF, or bare LFs), and where the body starts. */
function headEnd(bytes: Buffer): { head: number; body: number } | -1 {
  let from = 0;
  for (;;) {
    const lf = bytes.indexOf(LF, from);
    if (lf === -1) return -1;
    if (bytes[lf + 1] === LF) return { head: lf, body: lf + 2 };
    if (bytes[lf + 1] === CR && bytes[lf + 2] === LF) return { head: lf, body: lf + 3 };
    from = lf + 1;
  }
}

/** How the body is delimited (RFC 9112 §6.3): its length, chunked, or up to the close. */
function bodyFraming(status: number, headers: IncomingHttpHeaders): { length: number | 'chunked' | 'close' } | { error: string } {
  if (status === 204 || status === 304) return { length: 0 };
  const te = headers['transfer-encoding'];
  if (te !== undefined) {
    const codings = te.split(',').map((s) => s.trim().toLowerCase());
    return { length: codings[codings.length - 1] === 'chunked' ? 'chunked' : 'close' };
  }
  const length = headers['content-length'];
  if (length === undefined) return { length: 'close' };
  if (!/^\d{1,15}$/.test(length)) return { error: `the backend sent an invalid Content-Length (${JSON.stringify(length.slice(0, 40))})` };
  return { length: Number(length) };
}

function addHeader(headers: IncomingHttpHeaders, name: string, value: string): void {
  const existing = headers[name];
  if (name === 'set-cookie') {
    headers['set-cookie'] = [...((existing as string[] | undefined) ?? []), value];
    return;
  }
  if (existing === undefined) {
    headers[name] = value;
    return;
  }
  if (name === 'content-length' && existing !== value) {
    // Two different lengths: the body's end is ambiguous (a request-smuggling shape). Keep both so
    // the framing check refuses the answer.
    headers[name] = `${existing as string}, ${value}`;
    return;
  }
  if (!FIRST_WINS.has(name)) headers[name] = `${existing as string}, ${value}`;
}
