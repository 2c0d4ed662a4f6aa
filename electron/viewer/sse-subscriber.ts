import http from 'node:http';
import https from 'node:https';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { SubscriptionState } from '../../shared/api/contract.ts';

/**
 * A host-side EventSource for the live viewer, following the WHATWG rules
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#processing-model):
 * 200 + text/event-stream opens; 204 stops for good; any other status or content type fails for good;
 * a dropped connection is retried after the `retry` delay with the last event id as Last-Event-ID.
 * Running on the host (not in the page) lets it send headers, speak HTTP/2 later and time events.
 */
export interface SubscriberCallbacks {
  onState(state: SubscriptionState, detail: string): void;
  onEvent(event: EventSourceMessage, receivedAt: number): void;
}

const DEFAULT_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

export class SseSubscriber {
  private lastEventId: string | undefined;
  private retryMs = DEFAULT_RETRY_MS;
  private request: http.ClientRequest | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Bumped per connection attempt, so late callbacks of an old socket are ignored. */
  private attempt = 0;

  constructor(
    readonly url: URL,
    private readonly callbacks: SubscriberCallbacks,
    lastEventId?: string,
  ) {
    this.lastEventId = lastEventId;
  }

  start(): void {
    this.connect();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.request?.destroy();
    this.callbacks.onState('closed', 'closed by the user');
  }

  private connect(): void {
    if (this.closed) return;
    const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
    if (this.lastEventId) headers['last-event-id'] = this.lastEventId;
    this.callbacks.onState('connecting', this.lastEventId ? `reconnecting with Last-Event-ID ${this.lastEventId}` : `connecting to ${this.url.href}`);
    const client = this.url.protocol === 'https:' ? https : http;
    const req = client.get(this.url, { headers, agent: false });
    this.request = req;
    const attempt = ++this.attempt;
    const lost = (why: string) => {
      if (attempt === this.attempt) this.scheduleReconnect(why);
    };

    req.on('response', (res) => {
      const type = res.headers['content-type'] ?? '';
      if (res.statusCode === 204) {
        res.resume();
        return this.fail('the server answered 204 No Content: the stream is over, no reconnect');
      }
      if (res.statusCode !== 200 || !/^text\/event-stream\b/i.test(type)) {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body = (body + c).slice(0, 300)));
        res.on('end', () => this.fail(`HTTP ${res.statusCode} ${type || 'without content type'}${body.trim() ? `: ${body.trim()}` : ''}`));
        return;
      }
      this.callbacks.onState('open', `HTTP ${res.statusCode} ${type}`);
      const parser = createParser({
        onEvent: (event) => {
          // The parser keeps ids across events itself only per event; remember the last one we saw.
          if (event.id !== undefined) this.lastEventId = event.id;
          this.callbacks.onEvent(event, Date.now());
        },
        onRetry: (ms) => {
          this.retryMs = Math.min(ms, MAX_RETRY_MS);
        },
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => parser.feed(chunk));
      res.on('end', () => lost('the server closed the stream'));
      res.on('error', () => lost('the connection was lost'));
    });
    req.on('error', (err: NodeJS.ErrnoException) => lost(`connection failed (${err.code ?? err.message})`));
  }

  private scheduleReconnect(why: string): void {
    if (this.closed || this.timer) return;
    this.request?.destroy();
    this.callbacks.onState('waiting', `${why}; reconnecting in ${this.retryMs} ms`);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.connect();
    }, this.retryMs);
  }

  private fail(why: string): void {
    if (this.closed) return;
    this.closed = true;
    this.request?.destroy();
    this.callbacks.onState('failed', why);
  }
}
