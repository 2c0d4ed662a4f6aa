/**
 * The load generator's reader for one SSE response over raw HTTP/1.1: status line and headers,
 * chunked transfer coding, then just enough of the SSE format to get each event's numeric `id`
 * and the send time at the start of its `data` line.
 *
 * Why not eventsource-parser (the project's parser): the driver reads ~100k events/s for up to
 * 10,000 sockets on the same 2 cores as the system under test, so it must cost as little as
 * possible: no strings, no allocations per event, one pass over the bytes. It only has to read
 * the bench backend's own format (`id: <n>\ndata: <ms.µs> <padding>\n\n`, as forwarded by a
 * proxy), and the driver checks every id it reads for continuity, so a misread cannot go unseen.
 */
export interface ScannerEvents {
  /** The response head arrived: status code and whether the body is chunked. */
  onHead(status: number, chunked: boolean): void;
  /** One event: its id (-1 if missing/unreadable) and its send time in µs (-1 if unreadable). */
  onEvent(id: number, sentMicros: number): void;
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;
const DOT = 46;

// Body (chunked transfer coding) states.
const HEAD = 0;
const SIZE = 1;
const SIZE_EXT = 2;
const SIZE_LF = 3;
const DATA = 4;
const DATA_CR = 5;
const DATA_LF = 6;
const RAW = 7;
const DONE = 8;

// SSE line states.
const LINE_START = 0;
const NAME = 1;
const VALUE_SPACE = 2;
const VALUE = 3;
const SKIP = 4;

// Field being read.
const F_OTHER = 0;
const F_ID = 1;
const F_DATA = 2;
const ID_NAME = [105, 100]; // "id"
const DATA_NAME = [100, 97, 116, 97]; // "data"

const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

export class SseResponseScanner {
  private body = HEAD;
  private head: Buffer | undefined;
  private chunkLeft = 0;

  private line = LINE_START;
  private field = F_OTHER;
  private nameAt = 0;
  private value = 0;
  private valueOk = false;
  private id = -1;
  private sent = -1;
  private sawData = false;

  constructor(private readonly events: ScannerEvents) {}

  /** Feeds the bytes of one socket read. */
  feed(buf: Buffer): void {
    let i = 0;
    const end = buf.length;
    if (this.body === HEAD) {
      const joined: Buffer = this.head ? Buffer.concat([this.head, buf]) : buf;
      const at = joined.indexOf(HEAD_END);
      if (at === -1) {
        this.head = joined;
        return;
      }
      this.head = undefined;
      const text = joined.toString('latin1', 0, at);
      const status = Number(text.slice(9, 12));
      const chunked = /\r\ntransfer-encoding:\s*chunked/i.test(text);
      this.body = chunked ? SIZE : RAW;
      this.events.onHead(status, chunked);
      if (at + 4 < joined.length) this.feed(joined.subarray(at + 4));
      return;
    }
    if (this.body === RAW) return this.scan(buf, 0, end);
    while (i < end) {
      switch (this.body) {
        case SIZE: {
          const c = buf[i++] as number;
          if (c === CR) this.body = SIZE_LF;
          else if (c === 59 /* ; */) this.body = SIZE_EXT;
          else this.chunkLeft = this.chunkLeft * 16 + hex(c);
          break;
        }
        case SIZE_EXT:
          if (buf[i++] === CR) this.body = SIZE_LF;
          break;
        case SIZE_LF:
          i++;
          this.body = this.chunkLeft === 0 ? DONE : DATA;
          break;
        case DATA: {
          const n = Math.min(this.chunkLeft, end - i);
          this.scan(buf, i, i + n);
          i += n;
          this.chunkLeft -= n;
          if (this.chunkLeft === 0) this.body = DATA_CR;
          break;
        }
        case DATA_CR:
          i++;
          this.body = DATA_LF;
          break;
        case DATA_LF:
          i++;
          this.body = SIZE;
          break;
        default:
          return; // DONE: the stream ended
      }
    }
  }

  /** Reads SSE bytes buf[from, to). */
  private scan(buf: Buffer, from: number, to: number): void {
    let i = from;
    while (i < to) {
      const c = buf[i] as number;
      switch (this.line) {
        case LINE_START:
          if (c === LF) {
            this.dispatch();
            i++;
            break;
          }
          if (c === CR) {
            i++;
            break;
          }
          this.line = NAME;
          this.nameAt = 0;
          this.field = c === 105 ? F_ID : c === 100 ? F_DATA : F_OTHER;
          // Other fields (event:, retry:, comments) do not matter here: skip the line.
          if (this.field === F_OTHER) this.line = SKIP;
          else this.nameAt = 1;
          i++;
          break;
        case NAME: {
          const name = this.field === F_ID ? ID_NAME : DATA_NAME;
          if (this.nameAt === name.length) {
            // A `data` field, even an empty one, makes the next blank line dispatch an event.
            if (this.field === F_DATA && (c === COLON || c === LF)) this.sawData = true;
            this.line = c === COLON ? VALUE_SPACE : c === LF ? LINE_START : SKIP;
          } else if (c === name[this.nameAt]) this.nameAt++;
          else if (c === LF) this.line = LINE_START;
          else this.line = SKIP;
          i++;
          break;
        }
        case VALUE_SPACE:
          this.line = VALUE;
          this.value = 0;
          this.valueOk = false;
          if (c === SPACE) i++;
          break;
        case VALUE:
          if (c >= 48 && c <= 57) {
            this.value = this.value * 10 + (c - 48);
            this.valueOk = true;
            i++;
          } else if (c === DOT && this.field === F_DATA) {
            i++;
          } else {
            if (this.field === F_ID) this.id = this.valueOk && c === LF ? this.value : -1;
            else this.sent = this.valueOk ? this.value : -1;
            this.line = SKIP;
          }
          break;
        default: {
          // SKIP: to the end of the line.
          const nl = buf.indexOf(LF, i);
          if (nl === -1 || nl >= to) {
            i = to;
          } else {
            i = nl + 1;
            this.line = LINE_START;
          }
        }
      }
    }
  }

  private dispatch(): void {
    // As in EventSource, a block without data dispatches nothing (retry-only blocks, comments).
    if (this.sawData) this.events.onEvent(this.id, this.sent);
    this.sawData = false;
    this.id = -1;
    this.sent = -1;
  }
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return 0;
}
