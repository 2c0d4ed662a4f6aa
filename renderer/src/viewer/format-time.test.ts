import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatDuration } from './format-time.ts';

describe('formats', () => {
  it('writes times as HH:MM:SS.mmm', () => {
    expect(formatClock(new Date(2024, 0, 2, 3, 4, 5, 67).getTime())).toBe('03:04:05.067');
  });

  it('writes durations short', () => {
    expect(formatDuration(850.4)).toBe('850 ms');
    expect(formatDuration(1250)).toBe('1.25 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('writes sizes in B, KiB and MiB', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MiB');
  });
});
