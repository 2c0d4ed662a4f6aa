import { describe, expect, it } from 'vitest';
import { anchoredScrollTop, rowsNewerThan, rowWindow } from './virtual-window.ts';

describe('rowWindow', () => {
  it('renders the visible rows plus overscan', () => {
    expect(rowWindow({ scrollTop: 0, viewportHeight: 100, rowHeight: 20, count: 1000, overscan: 2 })).toEqual({ start: 0, end: 8, offsetTop: 0, totalHeight: 20_000 });
    expect(rowWindow({ scrollTop: 1000, viewportHeight: 100, rowHeight: 20, count: 1000, overscan: 2 })).toEqual({ start: 48, end: 58, offsetTop: 960, totalHeight: 20_000 });
  });

  it('keeps the last screenful when the scroll position is past a shrunken list', () => {
    const w = rowWindow({ scrollTop: 50_000, viewportHeight: 100, rowHeight: 20, count: 10, overscan: 0 });
    expect(w.end).toBe(10);
    expect(w.start).toBe(5);
  });

  it('renders nothing for an empty list', () => {
    expect(rowWindow({ scrollTop: 0, viewportHeight: 400, rowHeight: 20, count: 0 })).toEqual({ start: 0, end: 0, offsetTop: 0, totalHeight: 0 });
  });

  it('never renders more than a screenful and the overscan, however long the list', () => {
    const w = rowWindow({ scrollTop: 123_456, viewportHeight: 420, rowHeight: 28, count: 10_000, overscan: 6 });
    expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(420 / 28) + 1 + 12);
  });
});

describe('anchoring', () => {
  it('follows the newest at the top, and holds the rows in view when scrolled down', () => {
    expect(anchoredScrollTop(0, 20, 50)).toBe(0);
    // The anchor row was at index 20 (scrollTop 405); three rows came above it: it is at 23 now.
    expect(anchoredScrollTop(405, 20, 23)).toBe(465);
  });

  it('counts the rows newer than a seq in a newest-first list', () => {
    const seqs = [100, 99, 97, 50, 10];
    const at = (i: number) => seqs[i] as number;
    expect(rowsNewerThan(seqs.length, at, 97)).toBe(2);
    expect(rowsNewerThan(seqs.length, at, 98)).toBe(2);
    expect(rowsNewerThan(seqs.length, at, 100)).toBe(0);
    expect(rowsNewerThan(seqs.length, at, 1)).toBe(5);
  });
});
