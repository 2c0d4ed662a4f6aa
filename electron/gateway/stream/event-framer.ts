import type { BlockMeaning } from './block-reader.ts';
import { LineMeaning } from './block-scan.ts';

/**
 * Cuts a backend's SSE byte stream into raw event blocks without changing a byte: a block ends with
 * the blank line that dispatches an event (or ends a comment/retry-only block). Line ends may be
 * CRLF, LF or CR (https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream),
 * and a chunk may end anywhere, even between the CR and LF of one line end.
 *
 * Fields are not interpreted here (eventsource-parser does that, per block); this only finds the
 * boundaries, so the gateway can forward whole events, keep them for replay and fan them out to
 * subscribers that join between two events.
 */
export interface EventFramer {
  push(chunk: Buffer): void;
  /** Bytes after the last blank line (an unfinished event), for the end of the stream. */
  takeRest(): Buffer;
}

export interface FramerCallbacks {
  /** `meaning`: read while cutting (LF-only blocks of the usual shape); otherwise undefined. */
  onBlock(block: Buffer, meaning?: BlockMeaning): void;
  /** A block grew past `maxBlockBytes`: its bytes are dropped up to the next blank line. */
  onOversize?(droppedBytes: number): void;
}

const CR = 0x0d;
const LF = 0x0a;

export function createEventFramer(callbacks: FramerCallbacks, maxBlockBytes = Number.POSITIVE_INFINITY): EventFramer {
  let parts: Buffer[] = [];
  let size = 0;
  let atLineStart = true;
  let afterCR = false;
  /** The last block ended with a CR at the end of a chunk (its LF, if any, comes next). */
  let closedAtCR = false;
  let discarding = false;
  let discarded = 0;
  const lines = new LineMeaning();

  const keep = (bytes: Buffer) => {
    if (discarding) {
      discarded += bytes.length;
      return;
    }
    parts.push(bytes);
    size += bytes.length;
    if (size > maxBlockBytes) {
      discarding = true;
      discarded = size;
      parts = [];
      size = 0;
    }
  };

  const endBlock = () => {
    if (discarding) {
      callbacks.onOversize?.(discarded);
      discarding = false;
      discarded = 0;
      return;
    }
    const block = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    callbacks.onBlock(block);
  };

  /**
   * The usual chunk (LF line ends, no CR pending from the last one): lines are found with native
   * searches instead of a JS loop over every byte, and each block that starts in this chunk is read
   * (`LineMeaning`) in the same pass. Same boundaries as the loop below.
   */
  const pushLf = (chunk: Buffer) => {
    let start = 0;
    let pos = 0;
    if (!atLineStart) {
      // The previous chunk ended inside a line: its rest first.
      const lf = chunk.indexOf(LF);
      if (lf === -1) return keep(chunk);
      pos = lf + 1;
    }
    let reading = pos === 0 && parts.length === 0 && !discarding;
    lines.reset();
    for (;;) {
      const lf = chunk.indexOf(LF, pos);
      if (lf === -1) break;
      if (lf === pos) {
        // A blank line: the block ends after it.
        const end = lf + 1;
        if (parts.length === 0 && !discarding) {
          if (end - start > maxBlockBytes) callbacks.onOversize?.(end - start);
          else callbacks.onBlock(chunk.subarray(start, end), reading ? lines.finish() : undefined);
        } else {
          keep(chunk.subarray(start, end));
          endBlock();
        }
        start = end;
        reading = true;
        lines.reset();
      } else if (reading) lines.line(chunk, pos, lf);
      pos = lf + 1;
    }
    atLineStart = pos === chunk.length;
    if (start < chunk.length) keep(chunk.subarray(start));
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      if (!afterCR && chunk.indexOf(CR) === -1) {
        closedAtCR = false;
        return pushLf(chunk);
      }
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === LF && afterCR) {
          // Second half of a CRLF whose CR ended the line in the previous chunk. If that CR closed
          // a block, the block is gone already: pass the LF on by itself, now, so no byte waits.
          afterCR = false;
          if (i === start && parts.length === 0 && !discarding && closedAtCR) {
            closedAtCR = false;
            callbacks.onBlock(chunk.subarray(i, i + 1));
            start = i + 1;
          }
          continue;
        }
        closedAtCR = false;
        afterCR = byte === CR;
        if (byte !== CR && byte !== LF) {
          atLineStart = false;
          continue;
        }
        if (!atLineStart) {
          atLineStart = true;
          continue;
        }
        // A blank line: the block ends here, with the LF of a CRLF when it is in this chunk.
        let end = i + 1;
        if (byte === CR && chunk[end] === LF) {
          end++;
          afterCR = false;
          i++;
        } else if (byte === CR) {
          closedAtCR = true;
        }
        keep(chunk.subarray(start, end));
        start = end;
        endBlock();
      }
      if (start < chunk.length) keep(chunk.subarray(start));
    },
    takeRest() {
      const rest = discarding ? Buffer.alloc(0) : Buffer.concat(parts, size);
      parts = [];
      size = 0;
      return rest;
    },
  };
}
