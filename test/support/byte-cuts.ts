/**
 * The ways a reader of a byte stream must cope with the bytes arriving: all at once, one byte at a
 * time, and cut in two at every position. Text is taken as latin1 (one byte per character) unless
 * bytes are given.
 */
export function everyCut(input: string | Buffer): Buffer[][] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  const out: Buffer[][] = [[bytes], [...bytes].map((b) => Buffer.from([b]))];
  for (let i = 1; i < bytes.length; i++) out.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return out;
}
