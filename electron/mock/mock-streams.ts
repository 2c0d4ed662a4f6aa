import type { MockScenario } from '../../shared/model/mock.ts';
import type { FaultTarget } from './faults/fault-plans.ts';
import { MockMemory } from './mock-memory.ts';
import type { MockStream } from './mock-stream.ts';

/**
 * The mock's live streams, one per key (API, topic, concrete path when it matters, rate override),
 * bounded so no sequence of requests can exhaust memory or CPU:
 *  - at most `maxStreams`; when full, the least recently used stream without subscribers makes
 *    room; when every stream has subscribers there is no room (the caller answers 503);
 *  - at most `maxIdleStreams` without subscribers (each keeps ticking for its linger so there is
 *    something to miss); past that the least recently used idle ones are evicted at once, and any
 *    idle stream goes after `idleRetainMs`;
 *  - histories share one byte budget (MockMemory): over it, idle streams are evicted first (least
 *    recently used first), then the largest histories forget their oldest events;
 *  - the ticking streams produce at most MAX_TOTAL_EVENTS_PER_SECOND together: a stream that would
 *    pass it makes idle streams go, or finds no room.
 */
export interface StreamRecord {
  stream: MockStream;
  target: FaultTarget;
  /** null for built-in streams. */
  apiId: string | null;
  path: string;
  scenario: MockScenario;
}

export const MAX_STREAMS = 500;
export const MAX_IDLE_STREAMS = 16;
export const IDLE_RETAIN_MS = 10 * 60_000;
/** Events per second all ticking streams may produce together (CPU, like bytes, is bounded). */
export const MAX_TOTAL_EVENTS_PER_SECOND = 20_000;

export interface StreamLimits {
  maxIdleStreams?: number;
  idleRetainMs?: number;
  maxTotalEventsPerSecond?: number;
}

type Entry = StreamRecord & { lastUsed: number };

export class MockStreams {
  private readonly records = new Map<string, Entry>();
  private readonly maxIdleStreams: number;
  private readonly idleRetainMs: number;
  private readonly maxTotalEventsPerSecond: number;

  constructor(
    private readonly now: () => number,
    private readonly limit = MAX_STREAMS,
    readonly memory = new MockMemory(),
    limits: StreamLimits = {},
  ) {
    this.maxIdleStreams = limits.maxIdleStreams ?? MAX_IDLE_STREAMS;
    this.idleRetainMs = limits.idleRetainMs ?? IDLE_RETAIN_MS;
    this.maxTotalEventsPerSecond = limits.maxTotalEventsPerSecond ?? MAX_TOTAL_EVENTS_PER_SECOND;
    memory.onOver = () => this.relieve();
  }

  /** The stream at `key`, created by `create` when missing; undefined when there is no room. */
  get(key: string, create: () => StreamRecord): MockStream | undefined {
    this.sweep();
    let record = this.records.get(key);
    if (!record) {
      if (this.records.size >= this.limit && !this.evictOldestIdle()) return undefined;
      const entry: Entry = { ...create(), lastUsed: this.now() };
      // Its rate must fit beside what ticks already (idle streams make room first).
      const rate = streamRate(entry.stream);
      while (this.totalRate() + rate > this.maxTotalEventsPerSecond) {
        // Only a lingering (still ticking) idle stream gives rate back; stopped ones keep their history.
        const lingering = this.idleByAge().find(([, r]) => (r.stream.eventsPerSecond ?? 0) > 0);
        if (!lingering) {
          entry.stream.stop();
          return undefined;
        }
        this.evict(...lingering);
      }
      entry.stream.onIdle = () => {
        entry.lastUsed = this.now();
        this.limitIdle();
      };
      this.records.set(key, entry);
      record = entry;
    }
    record.lastUsed = this.now();
    return record.stream;
  }

  list(): StreamRecord[] {
    return [...this.records.values()];
  }

  get size(): number {
    return this.records.size;
  }

  /** Stops and forgets the streams `which` picks (all when not given). */
  remove(which: (r: StreamRecord) => boolean = () => true): void {
    for (const [key, record] of this.records) if (which(record)) this.evict(key, record);
  }

  /** Evicts idle streams unused for longer than idleRetainMs. */
  sweep(): void {
    const cutoff = this.now() - this.idleRetainMs;
    for (const [key, record] of this.records) if (record.stream.isIdle && record.lastUsed < cutoff) this.evict(key, record);
  }

  private limitIdle(): void {
    const idle = this.idleByAge();
    for (const [key, record] of idle.slice(0, Math.max(0, idle.length - this.maxIdleStreams))) this.evict(key, record);
  }

  /** Memory pressure: idle streams go first, then the largest histories shrink to a fair share. */
  private relieve(): void {
    for (const [key, record] of this.idleByAge()) {
      if (!this.memory.isOver) return;
      this.evict(key, record);
    }
    if (!this.memory.isOver || this.records.size === 0) return;
    const fairShare = Math.floor(this.memory.limitBytes / this.records.size / 2);
    const largest = [...this.records.values()].sort((a, b) => b.stream.historyBytes - a.stream.historyBytes);
    for (const record of largest) {
      if (!this.memory.isOver) return;
      record.stream.shrinkHistory(fairShare);
    }
  }

  private totalRate(): number {
    let sum = 0;
    for (const r of this.records.values()) sum += r.stream.eventsPerSecond ?? 0;
    return sum;
  }

  private idleByAge(): Array<[string, Entry]> {
    return [...this.records.entries()].filter(([, r]) => r.stream.isIdle).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
  }

  private evictOldestIdle(): boolean {
    const oldest = this.idleByAge()[0];
    if (!oldest) return false;
    this.evict(...oldest);
    return true;
  }

  private evict(key: string, record: Entry): void {
    this.records.delete(key);
    record.stream.stop();
  }
}

/** What a new stream will produce once it ticks. */
function streamRate(stream: MockStream): number {
  if (stream.burst) return (stream.burst.events * 1000) / stream.burst.everyMs;
  return stream.rate ?? 0;
}
