import { createParser } from 'eventsource-parser';
import type { SubscriptionState } from '../../shared/api/contract.ts';
import type { DropCause } from '../../shared/sse/replay-verdict.ts';
import { createEventFramer } from '../gateway/stream/event-framer.ts';
import { toReceivedEvent, type ReceivedEvent } from './received-event.ts';
import { openStreamRequest, type StreamAnswer, type StreamRequest, type TlsOptions } from './stream-request.ts';

/**
 * A host-side EventSource for the viewer and `sse-studio check`, following the WHATWG processing
 * model (https://html.spec.whatwg.org/multipage/server-sent-events.html#the-eventsource-interface):
 *
 * - 200 with a `text/event-stream` MIME type opens; 204 fails for good (the server says "stop");
 *   any other status or content type fails for good — no reconnect (§9.2.2 "fail the connection").
 * - A network error or the end of the body reestablishes: `error`, wait the reconnection time (set by
 *   `retry:`), reconnect sending the last event id as Last-Event-ID (§9.2.3).
 * - Event ids: an `id` with NUL is ignored; an empty `id:` resets the last event id, and a reconnect
 *   then sends no Last-Event-ID. Ids set by blocks without data count too (eventsource-parser's onId).
 * - Parsing (BOM, CR/LF/CRLF, chunk splits) is eventsource-parser's; the gateway's framer cuts the raw
 *   bytes at the same blank lines, so each event also carries its frame as sent.
 *
 * Running on the host (not in a page) lets it send headers, speak HTTP/2, trust a local CA, time
 * events and drop its own connection on purpose.
 */
export type TimelineState = 'connecting' | 'open' | 'error' | 'waiting' | 'reconnecting' | 'closed' | 'failed';

/** A timeline line: a state change, or a `notice` (something worth seeing that changes no state). */
export type TimelineKind = TimelineState | 'notice';

export interface TimelineEntry {
  state: TimelineKind;
  /** ms since the epoch. */
  at: number;
  detail: string;
  /** Connections opened so far (the one this entry is about, for `open` and `error`). */
  connection: number;
  /** The Last-Event-ID sent (`reconnecting`, `open`), undefined when none was. */
  lastEventId?: string;
  /** `waiting`: the delay before the next attempt. */
  delayMs?: number;
  /** `error` after an open connection ended: why. */
  dropped?: DropCause;
  /** `failed` on an HTTP answer: its status (401, 503 ...). */
  status?: number;
  /** `notice` for a `: gap:` comment: the server announced events lost before they reached it. */
  gap?: true;
}

export interface SubscriberCallbacks {
  onEvent(event: ReceivedEvent): void;
  onTimeline?(entry: TimelineEntry): void;
  /** The coarse state the Studio API reports (connecting/open/waiting/closed/failed). */
  onState?(state: SubscriptionState, detail: string): void;
}

export interface SubscriberOptions {
  /** Extra request headers (Authorization, API keys ...). */
  headers?: Record<string, string>;
  /** Sent on the first connection, as if an earlier session had seen this id. */
  lastEventId?: string;
  /** Use HTTP/2: h2 over TLS for https:, h2c with prior knowledge for http:. */
  http2?: boolean;
  tls?: TlsOptions;
  /** Reconnection time until the stream sets one with `retry:`. Default 1000 ms. */
  retryMs?: number;
  /** Cap on a server-set reconnection time. Default 60 s. */
  maxRetryMs?: number;
  /** Larger events are skipped (and reported on the timeline). Default 16 MiB. */
  maxEventBytes?: number;
  /** Frame bytes kept per event. Default 4 KiB. */
  maxRawBytes?: number;
}

const DEFAULT_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;
const MAX_EVENT_BYTES = 16 * 1024 * 1024;
const MAX_RAW_BYTES = 4096;
const MAX_REDIRECTS = 10;
const ERROR_BODY_CHARS = 300;
const ERROR_BODY_WAIT_MS = 500;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// MIME type essence (https://mimesniff.spec.whatwg.org/#mime-type-essence): parameters allowed.
const EVENT_STREAM = /^\s*text\/event-stream\s*(;|$)/i;

const COARSE: Record<TimelineKind, SubscriptionState | undefined> = {
  notice: undefined,
  connecting: 'connecting',
  reconnecting: 'connecting',
  open: 'open',
  error: undefined,
  waiting: 'waiting',
  closed: 'closed',
  failed: 'failed',
};

export class SseSubscriber {
  private lastId: string;
  private retryMs: number;
  private readonly maxRetryMs: number;
  private request: StreamRequest | undefined;
  private timer: NodeJS.Timeout | undefined;
  private state: TimelineState | 'idle' = 'idle';
  /** Bumped per attempt and on every teardown, so late callbacks of an old socket do nothing. */
  private attempt = 0;
  private opened = 0;

  constructor(
    readonly url: URL,
    private readonly callbacks: SubscriberCallbacks,
    private readonly options: SubscriberOptions = {},
  ) {
    this.lastId = options.lastEventId ?? '';
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    this.maxRetryMs = options.maxRetryMs ?? MAX_RETRY_MS;
  }

  /** The last event id, as EventSource keeps it ('' when none, or after an empty `id:`). */
  get lastEventId(): string {
    return this.lastId;
  }

  get currentState(): TimelineState | 'idle' {
    return this.state;
  }

  /** Connections opened so far. */
  get connections(): number {
    return this.opened;
  }

  start(): void {
    if (this.state === 'idle') this.connect();
  }

  close(): void {
    if (this.state === 'closed' || this.state === 'failed') return;
    this.teardown();
    this.emit('closed', 'closed by the user');
  }

  /**
   * A client-side drop: the socket is destroyed and the subscriber reconnects as a browser does after
   * a network error (error, wait the reconnection time, reconnect with Last-Event-ID). False when
   * there is no connection to drop (waiting, closed).
   */
  dropConnection(): boolean {
    if (this.state !== 'open' && this.state !== 'connecting' && this.state !== 'reconnecting') return false;
    this.reestablish('client-drop', 'the connection was dropped on purpose by the client');
    return true;
  }

  private connect(): void {
    const attempt = ++this.attempt;
    const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
    for (const [name, value] of Object.entries(this.options.headers ?? {})) if (name.toLowerCase() !== 'last-event-id') headers[name.toLowerCase()] = value;
    // §9.2.3: the header is only sent when the last event id is not the empty string.
    const sent = this.lastId === '' ? undefined : this.lastId;
    if (sent !== undefined) headers['last-event-id'] = sent;
    const reconnecting = this.state === 'waiting';
    if (reconnecting) this.emit('reconnecting', sent !== undefined ? `reconnecting with Last-Event-ID ${sent}` : 'reconnecting without Last-Event-ID', { ...(sent !== undefined ? { lastEventId: sent } : {}) });
    else this.emit('connecting', `connecting to ${this.url.href}${sent !== undefined ? ` with Last-Event-ID ${sent}` : ''}`, { ...(sent !== undefined ? { lastEventId: sent } : {}) });
    this.request = this.send(this.url, headers, attempt, sent, 0);
  }

  private send(url: URL, headers: Record<string, string>, attempt: number, sent: string | undefined, redirects: number): StreamRequest {
    return openStreamRequest(url, { headers, http2: this.options.http2 === true, tls: this.options.tls }, {
      onError: (err) => {
        if (attempt === this.attempt) this.reestablish(undefined, `connection failed (${err.code ?? err.message})`);
      },
      onAnswer: (answer) => {
        if (attempt !== this.attempt) return answer.body.destroy();
        // Fetch follows redirects; reconnects still start from the original URL.
        if (REDIRECTS.has(answer.status) && answer.location && redirects < MAX_REDIRECTS) {
          answer.body.destroy();
          this.request = this.send(new URL(answer.location, url), headers, attempt, sent, redirects + 1);
          return;
        }
        this.answered(answer, attempt, sent);
      },
    });
  }

  private answered(answer: StreamAnswer, attempt: number, sent: string | undefined): void {
    const { status, contentType, body } = answer;
    if (status === 204) {
      body.resume();
      return this.fail('the server answered 204 No Content: the stream is over, no reconnect', status);
    }
    if (status !== 200 || !EVENT_STREAM.test(contentType)) {
      // Keep the start of the body for the message: it usually says what is wrong (401, 404 ...).
      let text = '';
      const done = () => {
        clearTimeout(cutoff);
        if (attempt === this.attempt) this.fail(`HTTP ${status} ${contentType || 'without content type'}${text.trim() ? `: ${text.trim()}` : ''} (not an event stream: no reconnect)`, status);
      };
      const cutoff = setTimeout(done, ERROR_BODY_WAIT_MS);
      body.setEncoding('utf8');
      body.on('data', (chunk: string) => {
        text = (text + chunk).slice(0, ERROR_BODY_CHARS);
        if (text.length >= ERROR_BODY_CHARS) done();
      });
      body.on('error', () => undefined);
      body.on('close', done);
      return;
    }
    const connection = ++this.opened;
    this.emit('open', `HTTP/${answer.httpVersion} ${status} ${contentType}`, { ...(sent !== undefined ? { lastEventId: sent } : {}) });
    this.read(body, attempt, connection);
  }

  /** Reads one open stream: framer (raw bytes) -> UTF-8 decoder -> eventsource-parser. */
  private read(body: StreamAnswer['body'], attempt: number, connection: number): void {
    const maxRawBytes = this.options.maxRawBytes ?? MAX_RAW_BYTES;
    let frame: Buffer = Buffer.alloc(0);
    let receivedAt = 0;
    // Per connection, as each response is a new stream: it may start with its own BOM, which the
    // decoder drops (and eventsource-parser would too).
    const decoder = new TextDecoder('utf-8');
    const parser = createParser({
      onId: (id) => {
        this.lastId = id;
      },
      onRetry: (ms) => {
        this.retryMs = Math.min(ms, this.maxRetryMs);
      },
      // A gateway announces holes it could not fill with `: gap: ...`; the verdict counts them.
      onComment: (comment) => {
        const text = comment.trim();
        if (text.startsWith('gap:')) this.emitNotice(text, { gap: true });
      },
      onEvent: (message) => {
        this.callbacks.onEvent(toReceivedEvent(message, { frame, receivedAt, lastEventId: this.lastId, connection, maxRawBytes }));
      },
    });
    const framer = createEventFramer(
      {
        onBlock: (block) => {
          frame = block;
          parser.feed(decoder.decode(block, { stream: true }));
        },
        onOversize: (bytes) => this.emitNotice(`skipped an event of ${bytes} bytes (over ${this.options.maxEventBytes ?? MAX_EVENT_BYTES})`),
      },
      this.options.maxEventBytes ?? MAX_EVENT_BYTES,
    );
    let ended = false;
    body.on('data', (chunk: Buffer) => {
      if (attempt !== this.attempt) return;
      receivedAt = Date.now();
      framer.push(chunk);
    });
    body.on('end', () => (ended = true));
    body.on('error', () => undefined); // the close that follows says what happened
    body.on('close', () => {
      if (attempt !== this.attempt) return;
      // An unfinished event at the end of the body is discarded (§9.2.6).
      this.reestablish(ended ? 'server-closed' : 'network-error', ended ? 'the server closed the stream' : 'the connection was lost');
    });
  }

  /** §9.2.3 "reestablish the connection": error, wait, reconnect. */
  private reestablish(cause: DropCause | undefined, why: string): void {
    if (this.state === 'closed' || this.state === 'failed' || this.state === 'waiting') return;
    const wasOpen = this.state === 'open';
    this.teardown();
    this.emit('error', why, wasOpen ? { dropped: cause ?? 'network-error' } : {});
    const delayMs = this.retryMs;
    this.emit('waiting', `${why}; reconnecting in ${delayMs} ms`, { delayMs });
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.state === 'waiting') this.connect();
    }, delayMs);
  }

  private fail(why: string, status?: number): void {
    if (this.state === 'closed' || this.state === 'failed') return;
    this.teardown();
    this.emit('failed', why, status !== undefined ? { status } : {});
  }

  private teardown(): void {
    this.attempt++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.request?.close();
    this.request = undefined;
  }

  private emit(state: TimelineState, detail: string, extra: Partial<TimelineEntry> = {}): void {
    this.state = state;
    this.callbacks.onTimeline?.({ state, at: Date.now(), detail, connection: this.opened, ...extra });
    const coarse = COARSE[state];
    if (coarse) this.callbacks.onState?.(coarse, detail);
  }

  private emitNotice(detail: string, extra: Partial<TimelineEntry> = {}): void {
    this.callbacks.onTimeline?.({ state: 'notice', at: Date.now(), detail, connection: this.opened, ...extra });
  }
}
