import type { MockScenario } from '../../shared/model/mock.ts';
import type { FaultTarget } from './faults/fault-plans.ts';
import type { MockStream } from './mock-stream.ts';

/**
 * The mock's live streams, one per key (API, topic, concrete path, rate override), bounded: when
 * full, the least recently used stream without subscribers makes room; when every stream has
 * subscribers, there is no room (the caller answers 503).
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

export class MockStreams {
  private readonly records = new Map<string, StreamRecord & { lastUsed: number }>();

  constructor(
    private readonly now: () => number,
    private readonly limit = MAX_STREAMS,
  ) {}

  /** The stream at `key`, created by `create` when missing; undefined when there is no room. */
  get(key: string, create: () => StreamRecord): MockStream | undefined {
    let record = this.records.get(key);
    if (!record) {
      if (this.records.size >= this.limit && !this.evictIdle()) return undefined;
      record = { ...create(), lastUsed: this.now() };
      this.records.set(key, record);
    }
    record.lastUsed = this.now();
    return record.stream;
  }

  list(): StreamRecord[] {
    return [...this.records.values()];
  }

  /** Stops and forgets the streams `which` picks (all when not given). */
  remove(which: (r: StreamRecord) => boolean = () => true): void {
    for (const [key, record] of this.records) {
      if (!which(record)) continue;
      record.stream.stop();
      this.records.delete(key);
    }
  }

  private evictIdle(): boolean {
    const idle = [...this.records.entries()].filter(([, r]) => r.stream.isIdle).sort((a, b) => a[1].lastUsed - b[1].lastUsed)[0];
    if (!idle) return false;
    idle[1].stream.stop();
    this.records.delete(idle[0]);
    return true;
  }
}
