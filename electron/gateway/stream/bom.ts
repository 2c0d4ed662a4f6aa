/** The block without a leading UTF-8 BOM: mid-stream for a client, a BOM would corrupt a line. */
export function withoutBom(block: Buffer): Buffer {
  return block.length >= 3 && block[0] === 0xef && block[1] === 0xbb && block[2] === 0xbf ? block.subarray(3) : block;
}
