import http from 'node:http';
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/**
 * A test client for the mock: one real HTTP connection, its raw bytes kept exactly as they
 * arrived, and the same bytes parsed as a spec-correct client does (streaming UTF-8 decode +
 * eventsource-parser). It records when each event came and how the connection ended, so fault
 * tests can assert what a client sees: "3 events, then the connection ends".
 */
export interface ProbeEvent extends EventSourceMessage {
  /** ms after the response headers arrived. */
  at: number;
}

export interface SseProbe {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: ProbeEvent[];
  retries: number[];
  comments: string[];
  /** Every byte received so far, unchanged. */
  raw(): Buffer;
  /** Resolves when the server ends the connection: 'end' (a complete HTTP response) or 'cut' (closed mid-response). */
  ended: Promise<'end' | 'cut'>;
  /** Resolves once `count` events have arrived; rejects on timeout or when the connection ends first. */
  waitForEvents(count: number, timeoutMs?: number): Promise<ProbeEvent[]>;
  close(): void;
}

export function openProbe(url: string, options: { headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<SseProbe> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...options.headers } }, (res) => {
      clearTimeout(timer);
      const started = Date.now();
      const chunks: Buffer[] = [];
      const events: ProbeEvent[] = [];
      const retries: number[] = [];
      const comments: string[] = [];
      const waiters = new Set<() => void>();
      const decoder = new TextDecoder();
      const parser = createParser({
        onEvent: (e) => events.push({ ...e, at: Date.now() - started }),
        onRetry: (r) => retries.push(r),
        onComment: (c) => comments.push(c),
      });
      let finished: 'end' | 'cut' | undefined;
      const ended = new Promise<'end' | 'cut'>((done) => {
        res.on('end', () => (finished ??= 'end'));
        res.on('error', () => (finished ??= 'cut'));
        res.on('close', () => {
          finished ??= 'cut';
          for (const w of waiters) w();
          done(finished);
        });
      });
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        parser.feed(decoder.decode(chunk, { stream: true }));
        for (const w of waiters) w();
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        events,
        retries,
        comments,
        raw: () => Buffer.concat(chunks),
        ended,
        close: () => req.destroy(),
        waitForEvents: (count, timeoutMs = 5000) =>
          new Promise((ok, fail) => {
            const check = () => {
              if (events.length >= count) return finish(() => ok(events.slice(0, count)));
              if (finished) finish(() => fail(new Error(`The connection ended (${finished}) after ${events.length} of ${count} events`)));
            };
            const finish = (then: () => void) => {
              clearTimeout(t);
              waiters.delete(check);
              then();
            };
            const t = setTimeout(() => finish(() => fail(new Error(`Timed out after ${timeoutMs} ms with ${events.length} of ${count} events`))), timeoutMs);
            waiters.add(check);
            check();
          }),
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`openProbe ${url}: no response headers after ${options.timeoutMs ?? 5000} ms`));
    }, options.timeoutMs ?? 5000);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
