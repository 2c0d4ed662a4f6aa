/**
 * The blocks of one backend read, written to each subscriber together (see Subscriber.writeBlocks).
 * Reused from read to read: in per-client mode there is one read per event per client, so it
 * allocates nothing but the joined buffer when a read brought several blocks.
 */
export class ReadBatch {
  readonly blocks: Buffer[] = [];
  readonly isEvent: boolean[] = [];
  events = 0;
  receivedAt = 0;

  add(block: Buffer, isEvent: boolean, receivedAt: number): void {
    this.blocks.push(block);
    this.isEvent.push(isEvent);
    if (isEvent) this.events++;
    this.receivedAt = receivedAt;
  }

  get empty(): boolean {
    return this.blocks.length === 0;
  }

  /**
   * The blocks' bytes in one buffer. Blocks cut from one backend read lie side by side in its
   * buffer: then a view over them does, without copying.
   */
  joined(): Buffer {
    const blocks = this.blocks;
    const first = blocks[0] as Buffer;
    if (blocks.length === 1) return first;
    let end = first.byteOffset + first.length;
    for (let i = 1; i < blocks.length; i++) {
      const block = blocks[i] as Buffer;
      if (block.buffer !== first.buffer || block.byteOffset !== end) return Buffer.concat(blocks);
      end += block.length;
    }
    return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
  }

  clear(): void {
    this.blocks.length = 0;
    this.isEvent.length = 0;
    this.events = 0;
  }
}
