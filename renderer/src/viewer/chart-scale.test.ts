import { describe, expect, it } from 'vitest';
import { areaPath, linePath, niceMax, padSeries, shortNumber } from './chart-scale.ts';

describe('chart scale', () => {
  it('rounds the top of the axis up to 1, 2, 2.5 or 5 x 10^n', () => {
    expect(niceMax([0, 3, 7])).toBe(10);
    expect(niceMax([120])).toBe(200);
    expect(niceMax([230])).toBe(250);
    expect(niceMax([980])).toBe(1000);
    expect(niceMax([1000])).toBe(1000);
    expect(niceMax([], 1)).toBe(1);
    expect(niceMax([null, 0.3], 0.1)).toBe(0.5);
  });

  it('draws values over the width, 0 at the bottom, max at the top', () => {
    expect(linePath([0, 5, 10], { width: 100, height: 50, max: 10 })).toBe('M0 50L50 25L100 0');
  });

  it('breaks the line at nulls and clamps values to the box', () => {
    expect(linePath([1, null, 20, 2], { width: 30, height: 10, max: 10 })).toBe('M0 9M20 0L30 8');
  });

  it('closes each segment to the baseline for the area', () => {
    expect(areaPath([0, 10], { width: 10, height: 10, max: 10 })).toBe('M0 10L0 10L10 0L10 10Z');
    expect(areaPath([], { width: 10, height: 10, max: 10 })).toBe('');
  });

  it('writes short axis labels', () => {
    expect(shortNumber(1200)).toBe('1.2k');
    expect(shortNumber(2_500_000)).toBe('2.5M');
    expect(shortNumber(12.34)).toBe('12.3');
  });

  it('pads a short series on the left and keeps the newest of a long one', () => {
    expect(padSeries([1, 2], 4)).toEqual([null, null, 1, 2]);
    expect(padSeries([1, 2, 3, 4, 5], 3)).toEqual([3, 4, 5]);
  });
});
