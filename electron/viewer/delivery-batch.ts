/**
 * The events of one subscription waiting for the next flush to the window. The window can show a
 * few tens of thousands of events a second; a faster stream must not flood the UI transport or
 * grow the host's memory, so a flush passes at most `maxPerFlush` of them, picked evenly across the
 * batch ("1 in N", the newest always included), and the batch never holds more than `maxHeld`
 * (past it the newest replaces the previous newest). Whatever is left out still counted where it
 * matters: the subscription's record and its sequence numbers, so the window can say "showing 1 in N".
 */
export class DeliveryBatch<T> {
  private held: T[] = [];

  constructor(
    readonly maxPerFlush: number,
    readonly maxHeld = maxPerFlush * 8,
  ) {
    if (!Number.isInteger(maxPerFlush) || maxPerFlush < 1) throw new RangeError(`maxPerFlush must be a positive integer, got ${maxPerFlush}`);
  }

  get size(): number {
    return this.held.length;
  }

  push(item: T): void {
    if (this.held.length < this.maxHeld) this.held.push(item);
    else this.held[this.held.length - 1] = item;
  }

  /**
   * What to send now, oldest first (at most `max`, default maxPerFlush: a flush that comes late may
   * pass more); the batch is empty after it.
   */
  take(max = this.maxPerFlush): T[] {
    const held = this.held;
    this.held = [];
    const n = held.length;
    if (n <= max) return held;
    const out = new Array<T>(max);
    // Evenly spaced, ending on the newest: index ((i + 1) * n / max) - 1.
    for (let i = 0; i < max; i++) out[i] = held[Math.floor(((i + 1) * n) / max) - 1] as T;
    return out;
  }
}
