/**
 * The latest N items of a session, in a ring: pushing is O(1) however fast a stream goes, and a
 * view that re-attaches reads what is kept (oldest first).
 */
export class KeptEvents<T extends { seq: number }> {
  private readonly ring: Array<T | undefined>;
  private next = 0;
  private count = 0;

  constructor(readonly limit: number) {
    this.ring = new Array<T | undefined>(limit);
  }

  push(item: T): void {
    this.ring[this.next] = item;
    this.next = (this.next + 1) % this.limit;
    if (this.count < this.limit) this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Kept items with `seq` above `afterSeq`, oldest first. */
  after(afterSeq = 0): T[] {
    const out: T[] = [];
    const start = (this.next - this.count + this.limit) % this.limit;
    for (let i = 0; i < this.count; i++) {
      const item = this.ring[(start + i) % this.limit] as T;
      if (item.seq > afterSeq) out.push(item);
    }
    return out;
  }

  /** The oldest kept item's seq, or undefined when empty. */
  get firstSeq(): number | undefined {
    if (this.count === 0) return undefined;
    return (this.ring[(this.next - this.count + this.limit) % this.limit] as T).seq;
  }
}
