import type { MockIdScheme } from '../../shared/model/mock.ts';
import type { SseMessage } from '../../shared/sse/encode.ts';
import { entryBytes, type MockMemory } from './mock-memory.ts';

/**
 * A stream's bounded memory of recent events, for Last-Event-ID resume. With sequence ids the
 * resume point is a number (so an id older than the history still resumes from what is left);
 * with uuids it must be found; with no ids there is nothing to resume from.
 */
export interface HistoryEntry {
  /** 1-based position in the stream. */
  seq: number;
  id: string | undefined;
  key: string | undefined;
  message: SseMessage;
  /** The encoded frame (shared/sse/encode.ts), written as is to every subscriber. */
  frame: string;
}

export class MockHistory {
  private readonly entries: HistoryEntry[] = [];
  private totalBytes = 0;

  /**
   * `limit` events and `maxBytes` bytes at most (the oldest go first); `memory` is told every
   * change, for the mock's global budget (mock-memory.ts).
   */
  constructor(
    private readonly limit: number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
    private readonly memory?: MockMemory,
  ) {}

  push(entry: HistoryEntry): void {
    this.entries.push(entry);
    const cost = entryBytes(entry);
    this.totalBytes += cost;
    this.memory?.change(cost);
    this.trim(this.limit, this.maxBytes);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Bytes this history holds (see entryBytes). */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Forgets the oldest events until at most `maxBytes` remain; returns the bytes freed. */
  shrinkTo(maxBytes: number): number {
    return this.trim(this.limit, maxBytes);
  }

  /** Forgets everything (the stream is gone). */
  clear(): void {
    this.trim(0, 0);
  }

  private trim(maxEvents: number, maxBytes: number): number {
    let freed = 0;
    let drop = 0;
    while (this.entries.length - drop > 0 && (this.entries.length - drop > maxEvents || this.totalBytes - freed > maxBytes)) {
      freed += entryBytes(this.entries[drop] as HistoryEntry);
      drop++;
    }
    if (drop === 0) return 0;
    this.entries.splice(0, drop);
    this.totalBytes -= freed;
    this.memory?.change(-freed);
    return freed;
  }

  /** Read-only view, oldest first (the replay verdict's source record reads it). */
  list(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** The events after `lastEventId`, oldest first; undefined when the history cannot place the id. */
  after(lastEventId: string, ids: MockIdScheme): HistoryEntry[] | undefined {
    if (ids === 'sequence') {
      if (!/^\d+$/.test(lastEventId)) return undefined;
      const n = Number(lastEventId);
      return this.entries.filter((e) => e.seq > n);
    }
    if (ids === 'uuid') {
      const at = this.entries.findIndex((e) => e.id === lastEventId);
      return at === -1 ? undefined : this.entries.slice(at + 1);
    }
    return undefined;
  }
}
