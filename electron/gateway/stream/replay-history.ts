/**
 * The events of one stream, kept for clients that reconnect with Last-Event-ID: bounded by count and
 * by age, looked up by id in O(1). Ids are the stream's "last event ID" after each event (an event
 * without an `id:` field keeps the previous one, as EventSource does).
 */
export interface HistoryEntry {
  /** Position in this stream, 1-based, never reused. */
  seq: number;
  /** The last event ID after this event, or undefined if the stream has not set one yet. */
  id: string | undefined;
  block: Buffer;
  at: number;
}

export type ReplayLookup =
  | { found: true; entries: HistoryEntry[] }
  /** The id is not (or no longer) in the history: events may have been lost in between. */
  | { found: false; oldestId: string | undefined };

export class ReplayHistory {
  private entries: HistoryEntry[] = [];
  private head = 0;
  private nextSeq = 1;
  private readonly seqById = new Map<string, number>();

  constructor(
    private readonly maxEvents: number,
    private readonly maxAgeMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

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

  has(id: string): boolean {
    this.evictOld();
    return this.seqById.has(id);
  }

  append(id: string | undefined, block: Buffer): HistoryEntry {
    const entry: HistoryEntry = { seq: this.nextSeq++, id, block, at: this.clock() };
    if (this.maxEvents === 0) return entry;
    this.entries.push(entry);
    if (id !== undefined) this.seqById.set(id, entry.seq);
    while (this.size > this.maxEvents) this.dropOldest();
    this.evictOld();
    return entry;
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
    // Compact now and then instead of shifting on every eviction.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
