/**
 * A latency histogram in integer microseconds, log-linear like HdrHistogram: exact below 128 µs,
 * then 64 sub-buckets per power of two (≤ 1.6 % error). Fixed size, so recording allocates nothing
 * and histograms from several processes merge by adding counts.
 */
const SUB_BITS = 6;
const SUB = 1 << SUB_BITS; // 64
const LINEAR_LIMIT = SUB * 2; // values below are their own bucket
const SIZE = LINEAR_LIMIT + (32 - SUB_BITS - 1) * SUB;

export function createHistogram(): Uint32Array {
  return new Uint32Array(SIZE);
}

export function bucketOf(micros: number): number {
  const v = micros < 0 ? 0 : micros > 0x7fffffff ? 0x7fffffff : Math.floor(micros);
  if (v < LINEAR_LIMIT) return v;
  const magnitude = 31 - Math.clz32(v); // >= 7
  const shift = magnitude - SUB_BITS;
  return LINEAR_LIMIT + (shift - 1) * SUB + ((v >> shift) - SUB);
}

/** The middle of a bucket's range, in µs. */
export function bucketValue(index: number): number {
  if (index < LINEAR_LIMIT) return index;
  const shift = Math.floor((index - LINEAR_LIMIT) / SUB) + 1;
  const low = (((index - LINEAR_LIMIT) % SUB) + SUB) * 2 ** shift;
  return low + 2 ** shift / 2;
}

export function record(histogram: Uint32Array, micros: number): void {
  const i = bucketOf(micros);
  histogram[i] = (histogram[i] as number) + 1;
}

export function merge(into: Uint32Array, from: Uint32Array): void {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] as number) + (from[i] as number);
}

export function count(histogram: Uint32Array): number {
  let n = 0;
  for (const c of histogram) n += c;
  return n;
}

/** The value under which a fraction `q` of the samples fall (µs); NaN when empty. */
export function quantile(histogram: Uint32Array, q: number): number {
  const total = count(histogram);
  if (total === 0) return Number.NaN;
  const target = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] as number;
    if (seen >= target) return bucketValue(i);
  }
  return Number.NaN;
}

export function max(histogram: Uint32Array): number {
  for (let i = histogram.length - 1; i >= 0; i--) if ((histogram[i] as number) > 0) return bucketValue(i);
  return Number.NaN;
}
