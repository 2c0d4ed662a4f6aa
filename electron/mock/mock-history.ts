import type { MockIdScheme } from '../../shared/model/mock.ts';
import type { SseMessage } from '../../shared/sse/encode.ts';

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

  constructor(private readonly limit: number) {}

  push(entry: HistoryEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
  }

  get size(): number {
    return this.entries.length;
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
