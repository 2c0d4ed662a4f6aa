/**
 * Looks at an event stream's raw bytes for what a parser forgives but a tester should know
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream):
 *  - a UTF-8 BOM after the first byte (only one at the very start is stripped; later ones end up in
 *    a field name or the data);
 *  - lines ended by CR alone (legal, but many hand-written clients split on LF only);
 *  - bytes that are not UTF-8 (browsers decode them as U+FFFD: the data changes);
 *  - `retry:` values that are not digits (clients ignore them);
 *  - two events without a blank line between them (a second `event:` or `id:` in one block: the
 *    events merge into one).
 * Pure and incremental: feed chunks as they come. Counts are exact; examples are kept to a few.
 */
export interface ByteFindings {
  bytes: number;
  midStreamBom: { count: number; firstOffset: number | undefined };
  crOnlyLines: number;
  invalidUtf8: { count: number; firstOffset: number | undefined };
  badRetry: string[];
  badRetryCount: number;
  mergedEvents: { count: number; example: string | undefined };
  lines: number;
}

export interface ByteInspector {
  feed(chunk: Uint8Array): void;
  /** The findings so far; read at the end (a CR that ends the bytes so far counts as CR-only). */
  findings(): ByteFindings;
}

const MAX_EXAMPLES = 5;
const MAX_LINE_CHARS = 64 * 1024;

export function createByteInspector(): ByteInspector {
  const f: ByteFindings = {
    bytes: 0,
    midStreamBom: { count: 0, firstOffset: undefined },
    crOnlyLines: 0,
    invalidUtf8: { count: 0, firstOffset: undefined },
    badRetry: [],
    badRetryCount: 0,
    mergedEvents: { count: 0, example: undefined },
    lines: 0,
  };
  let strict = new TextDecoder('utf-8', { fatal: true });
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  let tail: number[] = []; // the last two bytes, for a BOM split across chunks
  let pendingCr = false;
  let line = '';
  // Only whether a field came in this block matters: a Set stays small however long the block.
  let blockFields = new Set<string>();

  const onLine = (text: string) => {
    f.lines++;
    if (text === '') {
      blockFields = new Set();
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'retry' && !/^\d+$/.test(value)) {
      f.badRetryCount++;
      if (f.badRetry.length < MAX_EXAMPLES) f.badRetry.push(value);
    }
    if ((field === 'event' || field === 'id') && blockFields.has(field) && blockFields.has('data')) {
      f.mergedEvents.count++;
      f.mergedEvents.example ??= `a second "${field}:" after data in one block, before a blank line`;
    }
    if (field === 'event' || field === 'id' || field === 'data') blockFields.add(field);
  };

  return {
    feed(chunk) {
      const start = f.bytes;
      // BOM anywhere but offset 0, including across the chunk boundary.
      const joined = [...tail, ...chunk.subarray(0, 2)];
      for (let i = 0; i + 2 < joined.length && i < tail.length; i++) {
        if (joined[i] === 0xef && joined[i + 1] === 0xbb && joined[i + 2] === 0xbf) countBom(start - tail.length + i);
      }
      for (let i = 0; i + 2 < chunk.length; i++) if (chunk[i] === 0xef && chunk[i + 1] === 0xbb && chunk[i + 2] === 0xbf && start + i > 0) countBom(start + i);
      tail = [...tail, ...chunk].slice(-2);
      try {
        strict.decode(chunk, { stream: true });
      } catch {
        f.invalidUtf8.count++;
        f.invalidUtf8.firstOffset ??= start;
        strict = new TextDecoder('utf-8', { fatal: true });
      }
      f.bytes += chunk.length;
      // Lines: CRLF, LF or CR alone end a line; a CR at a chunk's end waits for the next byte.
      const text = lenient.decode(chunk, { stream: true });
      for (const ch of text) {
        if (pendingCr) {
          pendingCr = false;
          if (ch === '\n') continue;
          f.crOnlyLines++;
        }
        if (ch === '\r') {
          onLine(line);
          line = '';
          pendingCr = true;
        } else if (ch === '\n') {
          onLine(line);
          line = '';
        } else if (line.length < MAX_LINE_CHARS) line += ch;
      }
    },
    findings: () => ({ ...structuredClone(f), crOnlyLines: f.crOnlyLines + (pendingCr ? 1 : 0) }),
  };

  function countBom(offset: number) {
    f.midStreamBom.count++;
    f.midStreamBom.firstOffset ??= offset;
  }
}
