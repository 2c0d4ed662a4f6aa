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
    const taken = { items, joined: joinBlocks(items), events: this.events, receivedAt: this.receivedAt };
    this.items = [];
    this.events = 0;
    return taken;
  }
}

/**
 * The blocks' bytes in one buffer. Blocks cut from one backend read lie side by side in its
 * buffer: then a view over them does, without copying.
 */
function joinBlocks(items: ReadonlyArray<{ block: Buffer }>): Buffer {
  const first = (items[0] as { block: Buffer }).block;
  if (items.length === 1) return first;
  let end = first.byteOffset + first.length;
  for (let i = 1; i < items.length; i++) {
    const { block } = items[i] as { block: Buffer };
    if (block.buffer !== first.buffer || block.byteOffset !== end) return Buffer.concat(items.map((item) => item.block));
    end += block.length;
  }
  return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
}
