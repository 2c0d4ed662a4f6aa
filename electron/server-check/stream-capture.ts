import { createParser, type ParseError } from 'eventsource-parser';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { createByteInspector, type ByteFindings } from './byte-inspector.ts';
import type { StreamAnswer } from './open-stream.ts';

/**
 * Everything one connection showed, timed: byte arrivals, events (parsed by eventsource-parser),
 * comments, `retry:` values, parse errors and the raw-byte findings. A compressed body is inflated
 * for parsing (the compression itself is the response check's business). Bounded: events and
 * arrivals past the caps are counted, not kept.
 */
export interface CapturedEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
  receivedAt: number;
  /** Which arrival (byte chunk) completed it: events of one chunk came together. */
  arrival: number;
}

export interface StreamCapture {
  readonly answer: StreamAnswer;
  readonly events: CapturedEvent[];
  /** Events seen, kept or not. */
  eventCount(): number;
  readonly arrivals: Array<{ at: number; bytes: number }>;
  readonly comments: { count: number; firstAt: number | undefined };
  readonly retries: number[];
  readonly parseErrors: string[];
  firstByteAt(): number | undefined;
  /** Longest time without a byte, from the answer to now (or to the end). */
  longestSilenceMs(): number;
  endedAt(): number | undefined;
  endedBy(): 'client' | 'server' | 'error' | undefined;
  bytes(): ByteFindings;
  /** Why the check cut this connection to bound its memory (a hostile or broken server), if it did. */
  limit(): CaptureLimit | undefined;
  /** Called for each event as it arrives. */
  onEvent(listener: (event: CapturedEvent) => void): void;
  onEnd(listener: () => void): void;
  /** Drops the connection from the client side. */
  close(): void;
}

const MAX_EVENTS = 20_000;
const MAX_ARRIVALS = 50_000;
const MAX_ERRORS = 20;
const MIB = 1024 * 1024;
/** Per connection: bytes on the wire, bytes after decompression, bytes of one event (between blank lines). */
export interface CaptureLimit {
  /** `event`: one event without end (a framing fault); `total`: the connection's byte budget spent. */
  kind: 'event' | 'total';
  reason: string;
}
export const CAPTURE_LIMITS = { wireBytes: 64 * MIB, decodedBytes: 64 * MIB, eventBytes: 4 * MIB } as const;

export function captureStream(answer: StreamAnswer, now: () => number = Date.now): StreamCapture {
  const events: CapturedEvent[] = [];
  const arrivals: Array<{ at: number; bytes: number }> = [];
  const comments = { count: 0, firstAt: undefined as number | undefined };
  const retries: number[] = [];
  const parseErrors: string[] = [];
  const inspector = createByteInspector();
  const eventListeners: Array<(e: CapturedEvent) => void> = [];
  const endListeners: Array<() => void> = [];
  let count = 0;
  let arrival = -1;
  let firstByteAt: number | undefined;
  let lastByteAt = answer.answeredAt;
  let longest = 0;
  let endedAt: number | undefined;
  let endedBy: 'client' | 'server' | 'error' | undefined;
  let limit: CaptureLimit | undefined;
  let wireBytes = 0;
  let decodedBytes = 0;
  const block = { bytes: 0, lineBytes: 0, afterCr: false };

  const parser = createParser({
    onEvent(message) {
      count++;
      const e: CapturedEvent = { id: message.id, event: message.event, data: message.data, receivedAt: lastByteAt, arrival };
      if (events.length < MAX_EVENTS) events.push(e);
      for (const l of eventListeners) l(e);
    },
    onComment() {
      comments.count++;
      comments.firstAt ??= lastByteAt;
    },
    onRetry: (ms) => retries.push(ms),
    onError(error: ParseError) {
      if (parseErrors.length < MAX_ERRORS) parseErrors.push(`${error.type}: ${error.message}`);
    },
  });

  const encoding = (answer.headers['content-encoding'] ?? '').toLowerCase().trim();
  const decoder = new TextDecoder();
  let body: Readable = answer.body;
  let stopInflating = () => undefined as void;
  if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate' || encoding === 'br') {
    const inflate = encoding === 'br' ? zlib.createBrotliDecompress() : encoding === 'deflate' ? zlib.createInflate() : zlib.createGunzip();
    stopInflating = () => inflate.destroy();
    answer.body.on('data', (chunk: Buffer) => noteArrival(chunk.length));
    answer.body.pipe(inflate);
    inflate.on('error', () => undefined);
    body = inflate;
    body.on('data', (chunk: Buffer) => parse(chunk));
  } else {
    body.on('data', (chunk: Buffer) => {
      noteArrival(chunk.length);
      parse(chunk);
    });
  }
  const finish = (by: 'client' | 'server' | 'error') => {
    if (endedAt !== undefined) return;
    endedAt = now();
    endedBy = by;
    longest = Math.max(longest, endedAt - lastByteAt);
    for (const l of endListeners) l();
  };
  answer.body.on('end', () => finish('server'));
  answer.body.on('error', () => finish('error'));
  answer.body.on('close', () => finish('server'));

  function noteArrival(bytes: number) {
    wireBytes += bytes;
    if (wireBytes > CAPTURE_LIMITS.wireBytes) cut('total', `cut after ${mib(CAPTURE_LIMITS.wireBytes)} on the wire: the check reads at most that much per connection`);
    const at = now();
    firstByteAt ??= at;
    longest = Math.max(longest, at - lastByteAt);
    lastByteAt = at;
    arrival++;
    if (arrivals.length < MAX_ARRIVALS) arrivals.push({ at, bytes });
  }
  function parse(chunk: Buffer) {
    if (limit !== undefined) return;
    decodedBytes += chunk.length;
    if (decodedBytes > CAPTURE_LIMITS.decodedBytes) return cut('total', `cut after ${mib(CAPTURE_LIMITS.decodedBytes)} decompressed: the check reads at most that much per connection`);
    if (blockGrowsPast(chunk, CAPTURE_LIMITS.eventBytes)) return cut('event', `cut: one event grew past ${mib(CAPTURE_LIMITS.eventBytes)} without a blank line to end it (no client should have to hold that)`);
    inspector.feed(chunk);
    parser.feed(decoder.decode(chunk, { stream: true }));
  }

  /** Ends the connection from the client side, once, saying why. */
  function cut(kind: CaptureLimit['kind'], reason: string) {
    if (limit !== undefined) return;
    limit = { kind, reason };
    finish('client');
    stopInflating();
    answer.close();
  }
  /** Counts the bytes since the last blank line (CRLF, LF or CR line ends); true past `max`. */
  function blockGrowsPast(chunk: Buffer, max: number): boolean {
    for (const byte of chunk) {
      if (byte === 0x0a && block.afterCr) {
        block.afterCr = false;
        continue;
      }
      block.afterCr = byte === 0x0d;
      if (byte === 0x0a || byte === 0x0d) {
        if (block.lineBytes === 0) block.bytes = 0;
        block.lineBytes = 0;
      } else {
        block.lineBytes++;
        block.bytes++;
      }
    }
    return block.bytes > max;
  }

  return {
    answer,
    events,
    eventCount: () => count,
    arrivals,
    comments,
    retries,
    parseErrors,
    firstByteAt: () => firstByteAt,
    longestSilenceMs: () => (endedAt !== undefined ? longest : Math.max(longest, now() - lastByteAt)),
    endedAt: () => endedAt,
    endedBy: () => endedBy,
    bytes: () => inspector.findings(),
    limit: () => limit,
    onEvent: (l) => void eventListeners.push(l),
    onEnd: (l) => void endListeners.push(l),
    close() {
      finish('client');
      stopInflating();
      answer.close();
    },
  };
}

function mib(bytes: number): string {
  return `${bytes / MIB} MiB`;
}
