/**
 * Latency percentiles with sub-millisecond resolution: the latest samples (a ring, bounded) sorted
 * when asked, so p50 and p99 are real sample values, not the edges of histogram buckets (which made
 * p50 = p99 = 10.0 ms). Milliseconds as floats.
 */
export class LatencySamples {
  private readonly ring: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(readonly limit = 10_000) {
    this.ring = new Float64Array(limit);
  }

  record(ms: number): void {
    this.ring[this.next] = ms;
    this.next = (this.next + 1) % this.limit;
    if (this.filled < this.limit) this.filled++;
  }

  get count(): number {
    return this.filled;
  }

  /** The nearest-rank quantile of the kept samples (q in 0..1), or null without samples. */
  quantile(q: number): number | null {
    if (this.filled === 0) return null;
    const sorted = this.ring.slice(0, this.filled).sort();
    const rank = Math.min(this.filled - 1, Math.max(0, Math.ceil(q * this.filled) - 1));
    return sorted[rank] as number;
  }
}

/** Now in epoch milliseconds with sub-millisecond digits (performance.now() on the epoch). */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}
