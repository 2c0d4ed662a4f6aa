import type { ServerResponse } from 'node:http';
import { encodeSseComment, encodeSseMessage, type SseMessage } from '../../shared/sse/encode.ts';

/**
 * One live mock stream (a scenario at a path). Events get increasing integer ids and are kept in a
 * bounded history, so a client reconnecting with Last-Event-ID gets what it missed, then live events.
 * The stream keeps ticking for a while after its last subscriber leaves, so there is something to miss.
 */
export interface Scenario {
  /** Default events per second. */
  rate: number;
  /** The next event's payload (id is assigned by the stream). */
  next(seq: number): Omit<SseMessage, 'id'> & { key?: string };
}

interface Subscriber {
  res: ServerResponse;
  /** Only events whose key passes are sent (e.g. one stock symbol). */
  accept: (key: string | undefined) => boolean;
}

interface Entry {
  id: number;
  key: string | undefined;
  frame: string;
}

export interface MockStreamOptions {
  historySize?: number;
  idleMs?: number;
  heartbeatMs?: number;
}

export class MockStream {
  private readonly history: Entry[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private lastId = 0;
  private tick: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private idle: NodeJS.Timeout | undefined;
  private readonly historySize: number;
  private readonly idleMs: number;
  private readonly heartbeatMs: number;

  constructor(
    private readonly scenario: Scenario,
    private readonly rate: number,
    options: MockStreamOptions = {},
  ) {
    this.historySize = options.historySize ?? 1000;
    this.idleMs = options.idleMs ?? 60_000;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
  }

  /** Adds a subscriber, first replaying history after `lastEventId` when the history still holds it. */
  subscribe(res: ServerResponse, lastEventId: string | undefined, accept: Subscriber['accept'] = () => true): void {
    const subscriber: Subscriber = { res, accept };
    const resumeFrom = lastEventId !== undefined && /^\d+$/.test(lastEventId) ? Number(lastEventId) : undefined;
    if (resumeFrom !== undefined) {
      for (const entry of this.history) if (entry.id > resumeFrom && accept(entry.key)) res.write(entry.frame);
    }
    this.subscribers.add(subscriber);
    res.on('close', () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.scheduleIdleStop();
    });
    this.ensureRunning();
  }

  stop(): void {
    clearInterval(this.tick);
    clearInterval(this.heartbeat);
    clearTimeout(this.idle);
    this.tick = this.heartbeat = this.idle = undefined;
    for (const s of this.subscribers) s.res.end();
    this.subscribers.clear();
  }

  private ensureRunning(): void {
    clearTimeout(this.idle);
    this.idle = undefined;
    if (this.tick) return;
    this.tick = setInterval(() => this.emit(), Math.max(1, Math.round(1000 / this.rate)));
    this.heartbeat = setInterval(() => this.broadcast(encodeSseComment('heartbeat'), undefined, true), this.heartbeatMs);
  }

  private scheduleIdleStop(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      clearInterval(this.tick);
      clearInterval(this.heartbeat);
      this.tick = this.heartbeat = undefined;
    }, this.idleMs);
    this.idle.unref();
  }

  private emit(): void {
    const id = ++this.lastId;
    const { key, ...message } = this.scenario.next(id);
    const frame = encodeSseMessage({ ...message, id: String(id) });
    this.history.push({ id, key, frame });
    if (this.history.length > this.historySize) this.history.shift();
    this.broadcast(frame, key, false);
  }

  private broadcast(frame: string, key: string | undefined, toAll: boolean): void {
    for (const s of this.subscribers) if (toAll || s.accept(key)) s.res.write(frame);
  }
}
