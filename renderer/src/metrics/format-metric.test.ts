import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMicros, formatRate } from './format-metric.ts';

describe('metric formatting', () => {
  it('shortens counts', () => {
    expect([0, 999, 1000, 1234, 12_345, 123_456, 1_234_567, 2_500_000_000].map(formatCount)).toEqual(['0', '999', '1k', '1.2k', '12.3k', '123k', '1.2M', '2.5B']);
  });

  it('shows bytes in binary units', () => {
    expect([0, 1023, 1024, 1536, 4 * 1024 * 1024, 5.5 * 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1 KB', '1.5 KB', '4 MB', '5.5 GB']);
  });

  it('shows latency in µs, ms or s, and the open top bucket as "> 1 s"', () => {
    expect(formatMicros(50)).toBe('50 µs');
    expect(formatMicros(2500)).toBe('2.5 ms');
    expect(formatMicros(1_000_000)).toBe('1 s');
    expect(formatMicros(null)).toBe('> 1 s');
    expect(formatMicros(Number.POSITIVE_INFINITY)).toBe('> 1 s');
    expect(formatMicros(0, false)).toBe('—');
  });

  it('shows rates per second', () => {
    expect([0, 0.5, 12.34, 250.4, 12_000].map(formatRate)).toEqual(['0/s', '0.5/s', '12.3/s', '250/s', '12k/s']);
  });
});
