/** Blocks of one backend read, written to each subscriber together (see Subscriber.writeBlocks). */
export interface TakenBatch {
  items: Array<{ block: Buffer; isEvent: boolean }>;
  joined: Buffer;
  events: number;
  receivedAt: number;
}

export class ReadBatch {
  items: Array<{ block: Buffer; isEvent: boolean }> = [];
  events = 0;
  receivedAt = 0;

  add(block: Buffer, isEvent: boolean, receivedAt: number): void {
    this.items.push({ block, isEvent });
    if (isEvent) this.events++;
    this.receivedAt = receivedAt;
  }

  /** Hands the batch over and starts a new one. */
  take(): TakenBatch | undefined {
    if (this.items.length === 0) return undefined;
    const items = this.items;
    const taken = { items, joined: items.length === 1 ? (items[0] as { block: Buffer }).block : Buffer.concat(items.map((i) => i.block)), events: this.events, receivedAt: this.receivedAt };
    this.items = [];
    this.events = 0;
    return taken;
  }
}
