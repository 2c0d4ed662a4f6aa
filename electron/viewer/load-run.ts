import http from 'node:http';
import https from 'node:https';
import { createParser } from 'eventsource-parser';
import { LatencySamples, preciseNow } from './latency-samples.ts';
import type { LoadStatus } from '../../shared/api/contract.ts';

/**
 * N simulated subscribers on one SSE URL, for "what happens with thousands of clients": delivered
 * events/s, end-to-end latency percentiles (from a `time`/`sentAt` field in JSON data, sampled) and
 * drops. Each subscriber is a real connection parsed with eventsource-parser; a dropped one comes
 * back after a second with its Last-Event-ID, as a browser would. It runs in the host process, so
 * at high rates it competes with the gateway for the CPU: compare runs, not absolutes.
 */
export interface LoadOptions {
  url: URL;
  subscribers: number;
  /** New connections per second while ramping up (default 500). */
  rampPerSecond?: number;
  headers?: Record<string, string>;
  /** For the local gateway's self-signed certificate. */
  rejectUnauthorized?: boolean;
}

export const MAX_LOAD_SUBSCRIBERS = 10_000;
const SAMPLE_EVERY = 10;
const RECONNECT_MS = 1000;
const WINDOW_SECONDS = 60;
const MAX_ERRORS = 20;

interface Client {
  request?: http.ClientRequest;
  lastEventId?: string;
  connected: boolean;
  seen: number;
  timer?: NodeJS.Timeout;
}

export class LoadRun {
  private readonly clients: Client[] = [];
  private readonly latency = new LatencySamples();
  private readonly perSecond: number[] = [];
  private currentSecond = 0;
  private total = 0;
  private drops = 0;
  private reconnects = 0;
  private failed = 0;
  private readonly errors: string[] = [];
  private readonly startedAt = Date.now();
  private stopped = false;
  private ramp: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout;

  constructor(private readonly options: LoadOptions) {
    this.ticker = setInterval(() => this.rollSecond(), 1000);
    this.ticker.unref();
  }

  start(): void {
    const perTick = Math.max(1, Math.round((this.options.rampPerSecond ?? 500) / 10));
    this.ramp = setInterval(() => {
      for (let i = 0; i < perTick && this.clients.length < this.options.subscribers; i++) {
        const client: Client = { connected: false, seen: 0 };
        this.clients.push(client);
        this.connect(client);
      }
      if (this.clients.length >= this.options.subscribers) clearInterval(this.ramp);
    }, 100);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.ramp);
    clearInterval(this.ticker);
    for (const c of this.clients) {
      clearTimeout(c.timer);
      c.request?.destroy();
    }
  }

  status(): LoadStatus {
    const window = this.perSecond.slice(-10);
    return {
      url: this.options.url.href,
      requested: this.options.subscribers,
      started: this.clients.length,
      connected: this.clients.filter((c) => c.connected).length,
      failed: this.failed,
      drops: this.drops,
      reconnects: this.reconnects,
      events: this.total,
      eventsPerSecond: window.length ? Math.round(window.reduce((a, b) => a + b, 0) / window.length) : 0,
      history: [...this.perSecond],
      latencyP50Ms: roundMicros(this.latency.quantile(0.5)),
      latencyP99Ms: roundMicros(this.latency.quantile(0.99)),
      elapsedMs: Date.now() - this.startedAt,
      running: !this.stopped,
      errors: [...this.errors],
    };
  }

  private rollSecond(): void {
    this.perSecond.push(this.currentSecond);
    if (this.perSecond.length > WINDOW_SECONDS) this.perSecond.shift();
    this.currentSecond = 0;
  }

  private error(message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(message);
  }

  private connect(client: Client): void {
    if (this.stopped) return;
    const url = this.options.url;
    const headers: Record<string, string> = { accept: 'text/event-stream', ...this.options.headers };
    if (client.lastEventId) headers['last-event-id'] = client.lastEventId;
    const req =
      url.protocol === 'https:'
        ? https.get(url, { headers, agent: false, rejectUnauthorized: this.options.rejectUnauthorized ?? true })
        : http.get(url, { headers, agent: false });
    client.request = req;
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        this.failed++;
        this.error(`HTTP ${res.statusCode} from ${url.href}`);
        res.resume();
        return;
      }
      client.connected = true;
      const parser = createParser({
        onEvent: (event) => {
          this.total++;
          this.currentSecond++;
          if (event.id !== undefined) client.lastEventId = event.id;
          if (++client.seen % SAMPLE_EVERY === 0) this.sampleLatency(event.data);
        },
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => parser.feed(chunk));
      res.on('close', () => this.lost(client));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      this.error(`${err.code ?? err.message} connecting to ${url.href}`);
      this.lost(client);
    });
  }

  private lost(client: Client): void {
    if (this.stopped || client.timer) return;
    if (client.connected) this.drops++;
    client.connected = false;
    client.timer = setTimeout(() => {
      client.timer = undefined;
      this.reconnects++;
      this.connect(client);
    }, RECONNECT_MS);
  }

  /** End-to-end latency from a send time in the data (`time` ISO string or `sentAt` epoch ms). */
  private sampleLatency(data: string): void {
    if (data.charCodeAt(0) !== 123 /* { */) return;
    try {
      const value = JSON.parse(data) as { time?: unknown; sentAt?: unknown };
      const sent = typeof value.sentAt === 'number' ? value.sentAt : typeof value.time === 'string' ? Date.parse(value.time) : NaN;
      // Received at sub-millisecond resolution; a send time with finer digits (sentAt) keeps them.
      if (Number.isFinite(sent)) this.latency.record(Math.max(0, preciseNow() - sent));
    } catch {
      // Not JSON: no latency for this event.
    }
  }
}

/** Milliseconds to the microsecond, for the status. */
function roundMicros(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms * 1000) / 1000;
}
