import type { HistoryEntry } from './mock-history.ts';

/**
 * The mock's memory budget: every stream's history adds what it keeps and subtracts what it
 * forgets, so the mock knows its total at any moment. When the total passes the limit, `onOver`
 * (MockStreams) frees memory: idle streams first, least recently used first, then the oldest
 * events of the largest histories. Together with per-stream caps this keeps the mock's memory
 * bounded whatever paths and rates clients ask for.
 */
export const DEFAULT_MOCK_MEMORY_BYTES = 64 * 1024 * 1024;
/** All subscribers' send queues together (each one is also capped, mock-connection.ts). */
export const DEFAULT_QUEUE_BYTES = 64 * 1024 * 1024;
/** One stream's history: at most this many bytes (and `historySize` events). */
export const DEFAULT_STREAM_HISTORY_BYTES = 4 * 1024 * 1024;
/** Bookkeeping per kept event besides its text (object, array slot, id string). */
const ENTRY_OVERHEAD_BYTES = 160;

/** What one history entry costs: its frame and its data (both kept), one byte per char for ASCII text. */
export function entryBytes(entry: HistoryEntry): number {
  return entry.frame.length + entry.message.data.length + (entry.id?.length ?? 0) + (entry.key?.length ?? 0) + ENTRY_OVERHEAD_BYTES;
}

export class MockMemory {
  private used = 0;
  /** Called when a change takes the total past the limit. */
  onOver: (() => void) | undefined;
  private relieving = false;

  constructor(readonly limitBytes = DEFAULT_MOCK_MEMORY_BYTES) {}

  get usedBytes(): number {
    return this.used;
  }

  get isOver(): boolean {
    return this.used > this.limitBytes;
  }

  change(delta: number): void {
    this.used += delta;
    if (delta <= 0 || !this.isOver || this.relieving) return;
    this.relieving = true;
    try {
      this.onOver?.();
    } finally {
      this.relieving = false;
    }
  }
}
