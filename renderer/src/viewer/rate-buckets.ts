/**
 * Per-second counters of the last minute, for the viewer's chart: events received in each second
 * and their latency (average and worst). Keyed by the host's receive time, so a batch that reaches
 * the page late still lands in the second it arrived in. Pure: the caller passes times.
 */
export const CHART_SECONDS = 60;

interface Bucket {
  second: number;
  /** Every event the host received in this second... */
  events: number;
  /** ...and those of them that reached the window (the host samples a stream too fast to list). */
  listed: number;
  latencySum: number;
  latencyCount: number;
  latencyMax: number;
}

export interface RateSeries {
  /** Events in each of the last `seconds` whole seconds, oldest first. */
  eventsPerSecond: number[];
  /** Average latency in each of those seconds (null: no event carried a send time). */
  latencyMs: Array<number | null>;
  /** The first second of the series (epoch seconds). */
  fromSecond: number;
}

export class RateBuckets {
  private buckets: Bucket[] = [];

  constructor(private readonly keepSeconds = CHART_SECONDS + 2) {}

  /** One listed event; `unlisted` more that the host received just before it but did not pass on. */
  add(receivedAt: number, latencyMs: number | undefined, unlisted = 0): void {
    const second = Math.floor(receivedAt / 1000);
    let bucket = this.buckets.at(-1);
    if (!bucket || bucket.second !== second) {
      // Out-of-order times (rare: several connections) go to their own second when it is still kept.
      const found = bucket && second < bucket.second ? this.buckets.find((b) => b.second === second) : undefined;
      if (found) bucket = found;
      else if (bucket && second < bucket.second) return;
      else {
        bucket = { second, events: 0, listed: 0, latencySum: 0, latencyCount: 0, latencyMax: 0 };
        this.buckets.push(bucket);
        const oldest = second - this.keepSeconds;
        while ((this.buckets[0]?.second ?? second) <= oldest) this.buckets.shift();
      }
    }
    bucket.events += 1 + unlisted;
    bucket.listed++;
    if (latencyMs !== undefined && Number.isFinite(latencyMs)) {
      bucket.latencySum += latencyMs;
      bucket.latencyCount++;
      bucket.latencyMax = Math.max(bucket.latencyMax, latencyMs);
    }
  }

  /**
   * The last `seconds` whole seconds before `now` (the running second is left out: it is not over,
   * and drawing it would show a dip at the right edge every time).
   */
  series(now: number, seconds = CHART_SECONDS): RateSeries {
    const last = Math.floor(now / 1000) - 1;
    const fromSecond = last - seconds + 1;
    const eventsPerSecond = new Array<number>(seconds).fill(0);
    const latencyMs = new Array<number | null>(seconds).fill(null);
    for (const b of this.buckets) {
      const i = b.second - fromSecond;
      if (i < 0 || i >= seconds) continue;
      eventsPerSecond[i] = b.events;
      latencyMs[i] = b.latencyCount ? b.latencySum / b.latencyCount : null;
    }
    return { eventsPerSecond, latencyMs, fromSecond };
  }

  /** Average events per second over the last `seconds` whole seconds. */
  rate(now: number, seconds = 5): number {
    const { eventsPerSecond } = this.series(now, seconds);
    return eventsPerSecond.reduce((a, b) => a + b, 0) / seconds;
  }

  /**
   * How many events the host received per event listed, over the running second and the `seconds`
   * before it: 1 when every event is listed, 4 when the list shows 1 in 4.
   */
  sampling(now: number, seconds = 3): number {
    const from = Math.floor(now / 1000) - seconds;
    let events = 0;
    let listed = 0;
    for (const b of this.buckets) {
      if (b.second < from) continue;
      events += b.events;
      listed += b.listed;
    }
    return listed ? events / listed : 1;
  }

  /** The latest whole second's average latency, or null. */
  latestLatency(now: number, seconds = 5): number | null {
    const { latencyMs } = this.series(now, seconds);
    for (let i = latencyMs.length - 1; i >= 0; i--) if (latencyMs[i] !== null) return latencyMs[i] as number;
    return null;
  }

  clear(): void {
    this.buckets = [];
  }
}
