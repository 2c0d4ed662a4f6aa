import type { BudgetMember, HistoryBudget } from './history-budget.ts';

/**
 * The events of one stream, kept for clients that reconnect with Last-Event-ID: bounded by count,
 * bytes and age (and by the gateway-wide HistoryBudget), looked up by id in O(1). Ids are the
 * stream's "last event ID" after each event (an event without an `id:` field keeps the previous
 * one, as EventSource does).
 */
export interface HistoryEntry {
  /** Position in this stream, 1-based, never reused. */
  seq: number;
  /** The last event ID after this event, or undefined if the stream has not set one yet. */
  id: string | undefined;
  block: Buffer;
  at: number;
  /** A `: gap:` notice to replay before this event: the backend did not resume right before it. */
  gapBefore?: string;
}

export type ReplayLookup =
  | { found: true; entries: HistoryEntry[] }
  /** The id is not (or no longer) in the history: events may have been lost in between. */
  | { found: false; oldestId: string | undefined };

/**
 * What an entry costs beyond its bytes (the entry object, its id string, the index entry, the
 * buffer view), counted against the caps so that they bound memory, not just payload.
 */
export const ENTRY_OVERHEAD_BYTES = 200;
/** Kept events are copied into slabs of this size, freed in order as the oldest events go. */
const SLAB_BYTES = 16 * 1024;

/** What the history asks of the stream that owns it, for the budget's LRU choice. */
export interface HistoryOwner {
  readonly idle: boolean;
  readonly lastActiveAt: number;
  /** The budget took the whole history (the owner was idle): stop recording what nobody waits for. */
  historyEvicted?(): void;
}

export interface HistoryLimits {
  maxEvents: number;
  maxAgeMs: number;
  /** Default: no byte cap of its own (the budget, if any, still applies). */
  maxBytes?: number;
  budget?: HistoryBudget;
  owner?: HistoryOwner;
  clock?: () => number;
}

export class ReplayHistory implements BudgetMember {
  private entries: HistoryEntry[] = [];
  private head = 0;
  private nextSeq = 1;
  private readonly seqById = new Map<string, number>();
  private heldBytes = 0;
  private slab: Buffer | undefined;
  private slabUsed = 0;
  /** Events were forgotten under memory pressure (not by age or count): asking for them is a gap. */
  lostUnderPressure = false;
  private readonly maxEvents: number;
  private readonly maxAgeMs: number;
  private readonly maxBytes: number;
  private readonly budget: HistoryBudget | undefined;
  private readonly owner: HistoryOwner | undefined;
  private readonly clock: () => number;

  constructor(limits: HistoryLimits);
  constructor(maxEvents: number, maxAgeMs: number, clock?: () => number);
  constructor(limitsOrMax: HistoryLimits | number, maxAgeMs?: number, clock?: () => number) {
    const limits: HistoryLimits = typeof limitsOrMax === 'number' ? { maxEvents: limitsOrMax, maxAgeMs: maxAgeMs ?? 0, ...(clock ? { clock } : {}) } : limitsOrMax;
    this.maxEvents = limits.maxEvents;
    this.maxAgeMs = limits.maxAgeMs;
    this.maxBytes = limits.maxBytes ?? Number.POSITIVE_INFINITY;
    this.budget = limits.budget;
    this.owner = limits.owner;
    this.clock = limits.clock ?? Date.now;
    this.budget?.join(this);
  }

  get bytes(): number {
    return this.heldBytes;
  }

  get idle(): boolean {
    return this.owner?.idle ?? false;
  }

  get lastActiveAt(): number {
    return this.owner?.lastActiveAt ?? 0;
  }

  /** Leaves the budget (the stream is forgotten). */
  dispose(): void {
    this.budget?.leave(this);
    this.slab = undefined;
    this.entries = [];
    this.head = 0;
    this.seqById.clear();
    this.heldBytes = 0;
  }

  /** The budget's choice: forget everything, and remember that it happened. */
  evictAll(): void {
    const freed = this.heldBytes;
    this.slab = undefined;
    this.entries = [];
    this.head = 0;
    this.seqById.clear();
    this.heldBytes = 0;
    this.lostUnderPressure = true;
    this.budget?.release(freed);
    this.owner?.historyEvicted?.();
  }

  evictOldest(): boolean {
    if (this.size === 0) return false;
    this.lostUnderPressure = true;
    this.dropOldest();
    return true;
  }

  /** Forgets what is past the age limit; returns the number of events left. */
  prune(): number {
    this.evictOld();
    return this.size;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  get lastId(): string | undefined {
    return this.entries[this.entries.length - 1]?.id;
  }

  /** The ids held, oldest first (read-only: the replay verdict's gateway record). */
  ids(): string[] {
    const ids: string[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const id = (this.entries[i] as HistoryEntry).id;
      if (id !== undefined && ids[ids.length - 1] !== id) ids.push(id);
    }
    return ids;
  }

  has(id: string): boolean {
    this.evictOld();
    return this.seqById.has(id);
  }

  /** Like has() without forgetting aged events first: for the hot path, where a stale yes is harmless. */
  hasId(id: string): boolean {
    return this.seqById.has(id);
  }

  append(id: string | undefined, block: Buffer): HistoryEntry {
    if (this.maxEvents === 0) return { seq: this.nextSeq++, id, block, at: this.clock() };
    // Too big to keep: forget the rest too, so nobody is replayed a history with a silent hole.
    if (block.length > this.maxBytes) {
      this.evictAll();
      return { seq: this.nextSeq++, id, block, at: this.clock() };
    }
    const entry: HistoryEntry = { seq: this.nextSeq++, id, block: this.keep(block), at: this.clock() };
    this.entries.push(entry);
    if (id !== undefined) this.seqById.set(id, entry.seq);
    const cost = block.length + ENTRY_OVERHEAD_BYTES;
    this.heldBytes += cost;
    while (this.size > this.maxEvents || this.heldBytes > this.maxBytes) this.dropOldest();
    this.evictOld();
    this.budget?.charge(this, cost);
    return entry;
  }

  /**
   * A copy of the block: it is a slice of a backend read, and keeping the slice would keep the
   * whole read. Small blocks go into this history's own slabs (not Node's shared 8 KB pool, where
   * one kept event pins a pool slab full of other, dead buffers); events leave in order, so a slab
   * is freed once its last event has gone.
   */
  private keep(block: Buffer): Buffer {
    if (block.length > SLAB_BYTES / 4) {
      const own = Buffer.allocUnsafeSlow(block.length);
      block.copy(own);
      return own;
    }
    if (!this.slab || this.slabUsed + block.length > this.slab.length) {
      this.slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.slabUsed = 0;
    }
    block.copy(this.slab, this.slabUsed);
    const kept = this.slab.subarray(this.slabUsed, this.slabUsed + block.length);
    this.slabUsed += block.length;
    return kept;
  }

  /** The latest event that carried `id`, if the history still has it. */
  entryFor(id: string): HistoryEntry | undefined {
    this.evictOld();
    const seq = this.seqById.get(id);
    const first = this.entries[this.head];
    if (seq === undefined || !first) return undefined;
    return this.entries[this.head + (seq - first.seq)];
  }

  /** The events after the last one that carried `lastEventId`. */
  /** The sequence number the next appended event gets. */
  get nextSequence(): number {
    return this.nextSeq;
  }

  /** The entries still held whose sequence number is `seq` or later. */
  since(seq: number): HistoryEntry[] {
    this.evictOld();
    const first = this.entries[this.head];
    if (!first) return [];
    return this.entries.slice(this.head + Math.max(0, seq - first.seq));
  }

  after(lastEventId: string): ReplayLookup {
    this.evictOld();
    const seq = this.seqById.get(lastEventId);
    if (seq === undefined) return { found: false, oldestId: this.entries[this.head]?.id };
    const first = this.entries[this.head];
    const index = this.head + (seq - (first?.seq ?? seq)) + 1;
    return { found: true, entries: this.entries.slice(index) };
  }

  private evictOld(): void {
    const cutoff = this.clock() - this.maxAgeMs;
    while (this.size > 0 && (this.entries[this.head] as HistoryEntry).at < cutoff) this.dropOldest();
  }

  private dropOldest(): void {
    const oldest = this.entries[this.head] as HistoryEntry;
    // Only forget the id if no newer event carries the same one.
    if (oldest.id !== undefined && this.seqById.get(oldest.id) === oldest.seq) this.seqById.delete(oldest.id);
    this.head++;
    const cost = oldest.block.length + ENTRY_OVERHEAD_BYTES;
    this.heldBytes -= cost;
    this.budget?.release(cost);
    // Compact now and then instead of shifting on every eviction.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
