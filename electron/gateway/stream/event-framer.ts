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
  onBlock(block: Buffer): void;
  /** A block grew past `maxBlockBytes`: its bytes are dropped up to the next blank line. */
  onOversize?(droppedBytes: number): void;
}

const CR = 0x0d;
const LF = 0x0a;
const BLANK_LINE = Buffer.from('\n\n');

export function createEventFramer(callbacks: FramerCallbacks, maxBlockBytes = Number.POSITIVE_INFINITY): EventFramer {
  let parts: Buffer[] = [];
  let size = 0;
  let atLineStart = true;
  let afterCR = false;
  /** The last block ended with a CR at the end of a chunk (its LF, if any, comes next). */
  let closedAtCR = false;
  let discarding = false;
  let discarded = 0;

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
   * The usual chunk (LF line ends, no CR pending from the last one): blank lines are found with
   * native searches instead of a JS loop over every byte. Same boundaries as the loop below.
   */
  const pushLf = (chunk: Buffer) => {
    let start = 0;
    for (;;) {
      let end: number;
      if (atLineStart && start < chunk.length && chunk[start] === LF) end = start + 1;
      else {
        const at = chunk.indexOf(BLANK_LINE, start);
        if (at === -1) break;
        end = at + 2;
      }
      keep(chunk.subarray(start, end));
      start = end;
      atLineStart = true;
      endBlock();
    }
    if (start < chunk.length) {
      keep(chunk.subarray(start));
      atLineStart = chunk[chunk.length - 1] === LF;
    }
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
