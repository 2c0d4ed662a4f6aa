/**
 * Bandwidth cap as pacing: each write reserves its bytes on a timeline that advances at
 * `bytesPerSecond`, and waits until its slot. Idle time earns no credit, so the cap holds for
 * bursts too. Pure: the caller passes the time and does the waiting.
 */
export interface Pacer {
  /** Milliseconds to wait before writing `bytes` at time `now`. */
  reserve(bytes: number, now: number): number;
  /** Bytes per write so that writes come about every 50 ms. */
  readonly sliceBytes: number;
}

export function createPacer(bytesPerSecond: number): Pacer {
  let nextFree = -Infinity;
  return {
    sliceBytes: Math.max(1, Math.ceil(bytesPerSecond / 20)),
    reserve(bytes, now) {
      const start = Math.max(now, nextFree);
      nextFree = start + (bytes * 1000) / bytesPerSecond;
      return start - now;
    },
  };
}
