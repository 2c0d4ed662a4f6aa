import type { BlockMeaning } from './block-reader.ts';

/**
 * The meaning of the common block shape without decoding it: LF line ends, one block, only `id`,
 * `event`, `data`, `retry` and comment lines (the event type is not needed: blocks are forwarded
 * as they are). Every block goes through the gateway once per client in per-client mode, so
 * skipping the string decode and the data concatenation matters. Anything else (CR, a BOM, NUL in
 * an id, another field, a bad retry, two blocks) gives undefined and is read by eventsource-parser,
 * the one SSE parser. A block test checks both agree.
 */
const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
const DATA = [0x64, 0x61, 0x74, 0x61];
const ID = [0x69, 0x64];
const EVENT = [0x65, 0x76, 0x65, 0x6e, 0x74];
const RETRY = [0x72, 0x65, 0x74, 0x72, 0x79];

/** Where the value of field `name` starts when the line [start, end) is that field; else -1. */
function valueOf(b: Buffer, start: number, end: number, name: number[]): number {
  const after = start + name.length;
  if (after > end) return -1;
  for (let i = 0; i < name.length; i++) if (b[start + i] !== name[i]) return -1;
  if (after === end) return end;
  if (b[after] !== COLON) return -1;
  return after + 1 < end && b[after + 1] === SPACE ? after + 2 : after + 1;
}

/**
 * Reads a block line by line as it is cut (the framer's LF path feeds it), so finding the block's
 * end and reading its meaning take one pass.
 */
export class LineMeaning {
  private dataLines = 0;
  private id: string | undefined = undefined;
  private retryMs: number | undefined = undefined;
  private unusual = false;

  reset(): void {
    this.dataLines = 0;
    this.id = undefined;
    this.retryMs = undefined;
    this.unusual = false;
  }

  /** One non-blank line [start, end) of the block, without its LF (and holding no CR). */
  line(b: Buffer, start: number, end: number): void {
    if (this.unusual || b[start] === COLON) return;
    let v = valueOf(b, start, end, DATA);
    if (v !== -1) {
      this.dataLines++;
      return;
    }
    v = valueOf(b, start, end, ID);
    if (v !== -1) {
      const value = b.toString('utf8', v, end);
      if (value.includes('\0')) this.unusual = true;
      else this.id = value;
      return;
    }
    if (valueOf(b, start, end, EVENT) !== -1) return;
    v = valueOf(b, start, end, RETRY);
    if (v !== -1 && v < end) {
      let ms = 0;
      for (let i = v; i < end; i++) {
        const digit = (b[i] as number) - 0x30;
        if (digit < 0 || digit > 9) {
          this.unusual = true;
          return;
        }
        ms = ms * 10 + digit;
      }
      this.retryMs = ms;
      return;
    }
    this.unusual = true; // another field, a BOM, an empty retry: eventsource-parser decides
  }

  /** The meaning of the block whose lines were given, or undefined when the parser must read it. */
  finish(): BlockMeaning | undefined {
    if (this.unusual) return undefined;
    const isEvent = this.dataLines > 0;
    return { isEvent, id: isEvent ? this.id : undefined, retryMs: this.retryMs };
  }
}

const scanner = new LineMeaning();

/** The meaning of one whole block (for blocks the framer could not read as it cut them). */
export function scanBlock(block: Buffer): BlockMeaning | undefined {
  if (block.indexOf(CR) !== -1) return undefined;
  scanner.reset();
  let pos = 0;
  for (;;) {
    const lf = block.indexOf(LF, pos);
    if (lf === -1) return undefined; // an unterminated line: not a whole block
    if (lf === pos) return lf === block.length - 1 ? scanner.finish() : undefined; // more after the blank line: two blocks
    scanner.line(block, pos, lf);
    pos = lf + 1;
  }
}
