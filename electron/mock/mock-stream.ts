import { randomUUID } from 'node:crypto';
import type { MockBurst, MockIdScheme } from '../../shared/model/mock.ts';
import { encodeSseComment, encodeSseMessage, type SseMessage } from '../../shared/sse/encode.ts';
import type { MockConnection } from './mock-connection.ts';
import { MockHistory, type HistoryEntry } from './mock-history.ts';
import { DEFAULT_STREAM_HISTORY_BYTES, type MockMemory } from './mock-memory.ts';
import type { Scenario } from './scenario.ts';
import { tickPlan } from './schedule.ts';

export type { Scenario } from './scenario.ts';

/**
 * One live mock stream (a scenario at a path). It produces events on its schedule (a rate, or
 * bursts), ids them (sequence, uuid or none), keeps a bounded history, and hands every event to
 * its subscribers' connections. A subscriber reconnecting with Last-Event-ID gets what it missed
 * from the history first, then live events (when `resume` is on). The stream keeps ticking for a
 * while after its last subscriber leaves, so there is something to miss.
 */
export interface MockStreamOptions {
  /** Events per second (ignored when `burst` is set). Default: the scenario's rate. */
  rate?: number;
  burst?: MockBurst;
  ids?: MockIdScheme;
  /** Events produced at once when the stream is created. */
  backlog?: number;
  resume?: boolean;
  historySize?: number;
  /** The history's byte cap (default DEFAULT_STREAM_HISTORY_BYTES). */
  historyBytes?: number;
  /** The mock's global budget, told about every byte the history keeps or forgets. */
  memory?: MockMemory;
  idleMs?: number;
  heartbeatMs?: number;
  now?: () => number;
  newUuid?: () => string;
}

interface Subscriber {
  connection: MockConnection;
  /** Only events whose key passes are sent (e.g. one stock symbol). */
  accept: (key: string | undefined) => boolean;
}

export class MockStream {
  private readonly history: MockHistory;
  private readonly subscribers = new Set<Subscriber>();
  private seq = 0;
  private last: string | undefined;
  private produced = 0;
  private sent = 0;
  private error: string | undefined;
  private tick: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private idle: NodeJS.Timeout | undefined;
  private readonly idleMs: number;
  private readonly heartbeatMs: number;
  private readonly now: () => number;
  private readonly newUuid: () => string;
  readonly rate: number;
  readonly burst: MockBurst | undefined;
  readonly ids: MockIdScheme;
  readonly resume: boolean;

  constructor(
    private readonly scenario: Scenario,
    options: MockStreamOptions = {},
  ) {
    this.rate = options.rate ?? scenario.rate;
    this.burst = options.burst;
    this.ids = options.ids ?? 'sequence';
    this.resume = options.resume ?? true;
    this.idleMs = options.idleMs ?? 60_000;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.newUuid = options.newUuid ?? randomUUID;
    const backlog = options.backlog ?? 0;
    this.history = new MockHistory(Math.max(options.historySize ?? 1000, backlog), options.historyBytes ?? DEFAULT_STREAM_HISTORY_BYTES, options.memory);
    for (let i = 0; i < backlog; i++) this.emit();
  }

  /** Adds a subscriber, first replaying history after `lastEventId` when resuming is on and the history holds it. */
  subscribe(connection: MockConnection, lastEventId: string | undefined, accept: Subscriber['accept'] = () => true): void {
    if (connection.isClosed) return;
    if (this.resume && lastEventId !== undefined) {
      for (const entry of this.history.after(lastEventId, this.ids) ?? []) if (accept(entry.key)) connection.push(entry);
    }
    this.subscribers.add({ connection, accept });
    this.ensureRunning();
  }

  unsubscribe(connection: MockConnection): void {
    for (const s of this.subscribers) if (s.connection === connection) this.subscribers.delete(s);
    if (this.subscribers.size === 0) {
      this.scheduleIdleStop();
      this.onIdle?.();
    }
  }

  /** Told when the last subscriber leaves (MockStreams bounds how many idle streams live on). */
  onIdle: (() => void) | undefined;

  /** Bytes the history holds. */
  get historyBytes(): number {
    return this.history.bytes;
  }

  /** Forgets the oldest history until at most `maxBytes` remain (memory pressure); returns the bytes freed. */
  shrinkHistory(maxBytes: number): number {
    return this.history.shrinkTo(maxBytes);
  }

  /** The ids produced that `accept` passes, oldest first, from the history (complete when it forgot none): the verdict's source truth. */
  producedIds(accept: (key: string | undefined) => boolean): { ids: string[]; complete: boolean } {
    const ids: string[] = [];
    for (const e of this.history.list()) if (e.id !== undefined && accept(e.key)) ids.push(e.id);
    return { ids, complete: this.history.size === this.produced };
  }

  /** Counts an event written to a subscriber. */
  counted(): void {
    this.sent++;
  }

  connections(): MockConnection[] {
    return [...this.subscribers].map((s) => s.connection);
  }

  status() {
    return { subscribers: this.subscribers.size, eventsProduced: this.produced, eventsSent: this.sent, lastId: this.last ?? null, historySize: this.history.size, error: this.error ?? null };
  }

  /** Stops producing, ends every subscriber's response cleanly and frees the history. */
  stop(): void {
    clearInterval(this.tick);
    clearInterval(this.heartbeat);
    clearTimeout(this.idle);
    this.tick = this.heartbeat = this.idle = undefined;
    for (const s of this.subscribers) s.connection.end();
    this.subscribers.clear();
    this.history.clear();
  }

  get isIdle(): boolean {
    return this.subscribers.size === 0;
  }

  /** Events per second while it ticks (with subscribers, or lingering after the last one left); 0 when stopped. */
  get eventsPerSecond(): number {
    if (!this.tick) return 0;
    return this.burst ? (this.burst.events * 1000) / this.burst.everyMs : this.rate;
  }

  private ensureRunning(): void {
    clearTimeout(this.idle);
    this.idle = undefined;
    if (this.tick) return;
    if (this.scenario.delayMs) this.scheduleOwnTiming();
    else {
      const plan = tickPlan(this.rate, this.burst);
      this.tick = setInterval(() => {
        for (let i = 0; i < plan.events; i++) this.emit();
      }, plan.everyMs);
    }
    this.heartbeat = setInterval(() => {
      for (const s of this.subscribers) s.connection.pushRaw(encodeSseComment('heartbeat'));
    }, this.heartbeatMs);
  }

  /**
   * A scenario with its own timing (a recording played as recorded): one timer per event, each due
   * the scenario's wait after the one before it (counted from when it was due, so no drift builds up).
   */
  private scheduleOwnTiming(due = performance.now()): void {
    const at = due + (this.scenario.delayMs?.(this.seq + 1) ?? 1000);
    this.tick = setTimeout(() => {
      this.emit();
      this.scheduleOwnTiming(at);
    }, Math.max(0, at - performance.now()));
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
    const seq = ++this.seq;
    let entry: HistoryEntry;
    try {
      const { key, ...event } = this.scenario.next(seq, this.now());
      const id = this.ids === 'sequence' ? String(seq) : this.ids === 'uuid' ? this.newUuid() : undefined;
      const message: SseMessage = id === undefined ? event : { ...event, id };
      entry = { seq, id, key, message, frame: encodeSseMessage(message) };
    } catch (err) {
      // A scenario that cannot make an event (an event name with a line break ...) must not take
      // the host down from a timer: the event is skipped and the reason shown in status().
      this.error = `Event ${seq} could not be made: ${(err as Error).message}`;
      return;
    }
    const { id, key } = entry;
    this.history.push(entry);
    this.produced++;
    if (id !== undefined) this.last = id;
    for (const s of this.subscribers) if (s.accept(key)) s.connection.push(entry);
  }
}
