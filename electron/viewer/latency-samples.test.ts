import { describe, expect, it } from 'vitest';
import { LatencySamples, preciseNow } from './latency-samples.ts';

describe('latency samples', () => {
  it('gives sample values with sub-millisecond resolution, not bucket edges', () => {
    const s = new LatencySamples(1000);
    expect(s.quantile(0.5)).toBeNull();
    for (let i = 1; i <= 100; i++) s.record(i * 0.05); // 0.05 ... 5.00 ms
    expect(s.quantile(0.5)).toBeCloseTo(2.5, 10);
    expect(s.quantile(0.99)).toBeCloseTo(4.95, 10);
    expect(s.quantile(0.5)).not.toBe(s.quantile(0.99));
  });

  it('keeps the latest samples only', () => {
    const s = new LatencySamples(3);
    for (const ms of [100, 100, 100, 1, 2, 3]) s.record(ms);
    expect(s.count).toBe(3);
    expect(s.quantile(1)).toBe(3);
  });

  it('reads the clock finer than a millisecond', () => {
    const a = preciseNow();
    expect(Math.abs(a - Date.now())).toBeLessThan(50);
    expect(Number.isInteger(a) && Number.isInteger(preciseNow()) && Number.isInteger(preciseNow())).toBe(false);
  });
});
