import { describe, expect, it } from 'vitest';
import { RateBuckets } from './rate-buckets.ts';

const T0 = 1_700_000_000_000; // a whole second

describe('RateBuckets', () => {
  it('counts events per whole second, oldest first, leaving out the running second', () => {
    const rates = new RateBuckets();
    for (let i = 0; i < 10; i++) rates.add(T0 + i * 100, undefined); // 10 in second 0
    for (let i = 0; i < 4; i++) rates.add(T0 + 1000 + i * 10, undefined); // 4 in second 1
    rates.add(T0 + 2500, undefined); // running second when now = T0 + 2600
    const s = rates.series(T0 + 2600, 3);
    expect(s.eventsPerSecond).toEqual([0, 10, 4]);
    expect(s.fromSecond).toBe(T0 / 1000 - 1);
  });

  it('averages latency per second and leaves seconds without any as null', () => {
    const rates = new RateBuckets();
    rates.add(T0 + 10, 10);
    rates.add(T0 + 20, 30);
    rates.add(T0 + 1010, undefined);
    const s = rates.series(T0 + 2000, 2);
    expect(s.latencyMs).toEqual([20, null]);
    expect(rates.latestLatency(T0 + 2000)).toBe(20);
  });

  it('gives the average rate over the last seconds', () => {
    const rates = new RateBuckets();
    for (let s = 0; s < 5; s++) for (let i = 0; i < 100; i++) rates.add(T0 + s * 1000 + i, undefined);
    expect(rates.rate(T0 + 5000, 5)).toBe(100);
  });

  it('forgets seconds older than it keeps, and late times of a kept second still count', () => {
    const rates = new RateBuckets(3);
    rates.add(T0, undefined);
    rates.add(T0 + 5000, undefined);
    rates.add(T0 + 4500, undefined); // older than the newest second, not kept: ignored
    rates.add(T0 + 5100, undefined);
    expect(rates.series(T0 + 6000, 6).eventsPerSecond).toEqual([0, 0, 0, 0, 0, 2]);
  });
});
