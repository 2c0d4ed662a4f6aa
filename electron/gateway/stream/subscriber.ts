import type { ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';
import { encodeSseComment, encodeSseRetry } from '../../../shared/sse/encode.ts';
import type { ReadBatch } from './read-batch.ts';

/**
 * One client of the gateway. Writes go straight to the socket; what the socket cannot take yet is
 * Node's write buffer, which is bounded here: a subscriber that falls more than `queueLimit` events
 * (or 16 MB) behind is disconnected, so one slow reader never slows the others or grows memory
 * (Mercure does the same). It will reconnect and catch up from the replay history.
 */
export type SubscriberResponse = ServerResponse | Http2ServerResponse;

/** The part of both response types we use (their overloads do not unify). */
interface SseOut {
  writeHead(status: number, headers: Record<string, string>): unknown;
  flushHeaders?(): void;
  write(chunk: Buffer): boolean;
  end(): unknown;
}

export interface SubscriberOptions {
  queueLimit: number;
  /** Called per event before it is written; false ends the stream (rate limit exceeded). */
  admitEvent?: () => boolean;
  onSlow?: () => void;
  onRateLimited?: () => void;
  onClose?: () => void;
}

const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export class Subscriber {
  lastWriteAt = Date.now();
  eventsSent = 0;
  bytesSent = 0;
  /** Byte offsets (in bytesSent terms) where each event still in the write buffer ends. */
  private pendingEnds: number[] = [];
  private pendingHead = 0;
  private ended = false;
  private readonly out: SseOut;
  /**
   * HTTP/1.1: the socket itself, written to directly once the head is out. The response is sent
   * without chunked encoding (its body ends when the connection closes, as an SSE stream does
   * anyway), so each event costs one plain socket write instead of a chunk frame around it.
   */
  private socket: { write(chunk: Buffer): boolean; writableLength: number } | undefined;

  constructor(
    readonly res: SubscriberResponse,
    private readonly options: SubscriberOptions,
  ) {
    this.out = res as unknown as SseOut;
    res.on('close', () => {
      this.ended = true;
      options.onClose?.();
    });
  }

  get closed(): boolean {
    return this.ended || this.res.destroyed;
  }

  /** Sends the SSE response head (CORS and other headers set earlier on `res` are kept). */
  open(retryMs: number | undefined, contentType = 'text/event-stream; charset=utf-8'): void {
    const http1 = 'stream' in this.res ? undefined : this.res;
    if (http1) {
      http1.useChunkedEncodingByDefault = false;
      http1.shouldKeepAlive = false;
    }
    this.out.writeHead(200, {
      'content-type': contentType,
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    });
    this.out.flushHeaders?.();
    if (http1?.socket && !http1.socket.destroyed) this.socket = http1.socket;
    if (retryMs !== undefined) this.write(Buffer.from(encodeSseRetry(retryMs)), false);
  }

  private send(chunk: Buffer): void {
    if (this.socket) this.socket.write(chunk);
    else this.out.write(chunk);
  }

  /** Writes one raw block; `isEvent` blocks count toward rate limits and the slow-reader bound. */
  write(block: Buffer, isEvent: boolean): void {
    if (this.closed) return;
    if (isEvent && this.options.admitEvent && !this.options.admitEvent()) {
      this.send(Buffer.from(encodeSseComment('rate limit exceeded: this subscription has used its events; reconnect later')));
      this.options.onRateLimited?.();
      this.end();
      return;
    }
    this.send(block);
    this.lastWriteAt = Date.now();
    this.bytesSent += block.length;
    if (isEvent) this.eventsSent++;
    const buffered = this.socket ? this.socket.writableLength : bufferedBytes(this.res);
    if (this.queuedEvents(buffered, isEvent) > this.options.queueLimit || buffered > MAX_BUFFERED_BYTES) {
      this.options.onSlow?.();
      this.destroy();
    }
  }

  /** Events written but not yet handed to the socket: those ending past what was flushed. */
  private queuedEvents(buffered: number, isEvent: boolean, count = 1): number {
    const flushed = this.bytesSent - buffered;
    while (this.pendingHead < this.pendingEnds.length && (this.pendingEnds[this.pendingHead] as number) <= flushed) this.pendingHead++;
    // Everything flushed: start over (the usual case writes nothing here, so allocates nothing).
    if (this.pendingHead === this.pendingEnds.length && this.pendingHead > 0) {
      this.pendingEnds = [];
      this.pendingHead = 0;
    } else if (this.pendingHead > 4096) {
      this.pendingEnds = this.pendingEnds.slice(this.pendingHead);
      this.pendingHead = 0;
    }
    if (isEvent && buffered > 0) for (let i = 0; i < count; i++) this.pendingEnds.push(this.bytesSent);
    return this.pendingEnds.length - this.pendingHead;
  }

  /**
   * Writes the blocks of one backend read in one go (`joined` is their concatenation, made once for
   * every subscriber): one socket write per read instead of one per event. With a rate limit each
   * event is still admitted one by one. Adds what was sent to `sent` (the stream's metrics).
   */
  writeBlocks(batch: ReadBatch, joined: Buffer, sent: { eventsOut: number; bytesOut: number }): void {
    if (this.closed) return;
    if (this.options.admitEvent) {
      const before = { events: this.eventsSent, bytes: this.bytesSent };
      for (let i = 0; i < batch.blocks.length; i++) this.write(batch.blocks[i] as Buffer, batch.isEvent[i] as boolean);
      sent.eventsOut += this.eventsSent - before.events;
      sent.bytesOut += this.bytesSent - before.bytes;
      return;
    }
    const events = batch.events;
    this.send(joined);
    this.lastWriteAt = Date.now();
    this.bytesSent += joined.length;
    this.eventsSent += events;
    sent.eventsOut += events;
    sent.bytesOut += joined.length;
    const buffered = this.socket ? this.socket.writableLength : bufferedBytes(this.res);
    if (this.queuedEvents(buffered, events > 0, events) > this.options.queueLimit || buffered > MAX_BUFFERED_BYTES) {
      this.options.onSlow?.();
      this.destroy();
    }
  }

  /**
   * Writes many events at once (a replay): one socket write instead of thousands, so a
   * 10,000-event backlog reaches the client in milliseconds. Rate limits still count each event.
   */
  writeEvents(blocks: Buffer[]): number {
    if (this.closed || blocks.length === 0) return 0;
    let admitted = blocks.length;
    if (this.options.admitEvent) {
      admitted = 0;
      while (admitted < blocks.length && this.options.admitEvent()) admitted++;
    }
    const batch = Buffer.concat(admitted === blocks.length ? blocks : blocks.slice(0, admitted));
    this.send(batch);
    this.lastWriteAt = Date.now();
    this.bytesSent += batch.length;
    this.eventsSent += admitted;
    if (admitted < blocks.length) {
      this.send(Buffer.from(encodeSseComment('rate limit exceeded: this subscription has used its events; reconnect later')));
      this.options.onRateLimited?.();
      this.end();
    }
    return admitted;
  }

  comment(text: string): void {
    this.write(Buffer.from(encodeSseComment(text)), false);
  }

  end(): void {
    if (this.closed) return;
    this.ended = true;
    this.out.end();
  }

  destroy(): void {
    this.ended = true;
    if ('stream' in this.res) this.res.stream.close();
    else this.res.destroy();
  }
}

function bufferedBytes(res: SubscriberResponse): number {
  if ('stream' in res) return res.stream.writableLength;
  return res.writableLength;
}
