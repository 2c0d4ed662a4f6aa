/**
 * A fixed-capacity ring of the newest items: pushing past capacity forgets the oldest and counts it.
 * The live viewer keeps its events here, so a stream left running for an hour at thousands of
 * events per second holds the same memory as one running for a minute (rule: bounded everything).
 * Reads are by age (0 = newest), which is the order the event list shows.
 */
export class EventRing<T> {
  private readonly slots: Array<T | undefined>;
  /** Where the next item goes. */
  private head = 0;
  private count = 0;
  /** Items pushed out by newer ones since the last clear. */
  private forgotten = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`EventRing capacity must be a positive integer, got ${capacity}`);
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** How many items were pushed out by newer ones (since the last clear). */
  get evicted(): number {
    return this.forgotten;
  }

  push(item: T): void {
    this.slots[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
    else this.forgotten++;
  }

  pushAll(items: readonly T[]): void {
    // More than fit: only the last `capacity` can stay; count the rest as pushed out unseen.
    const skip = Math.max(0, items.length - this.capacity);
    this.forgotten += skip;
    for (let i = skip; i < items.length; i++) this.push(items[i] as T);
  }

  /** The item `age` places back from the newest (0 = newest), or undefined past the oldest. */
  newest(age: number): T | undefined {
    if (age < 0 || age >= this.count) return undefined;
    return this.slots[(this.head - 1 - age + this.capacity * 2) % this.capacity];
  }

  /** Newest first: a copy, for views that must not move (pause, export). */
  newestFirst(): T[] {
    const out = new Array<T>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.newest(i) as T;
    return out;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
    this.forgotten = 0;
  }
}
