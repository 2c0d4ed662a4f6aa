import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer.ts';

describe('createPacer (bandwidth cap)', () => {
  it('spaces writes so bytes flow at the cap', () => {
    const p = createPacer(1000);
    expect(p.sliceBytes).toBe(50);
    expect(p.reserve(50, 0)).toBe(0);
    expect(p.reserve(50, 0)).toBe(50);
    expect(p.reserve(50, 0)).toBe(100);
    // 10 KB at 1000 B/s: the last slice goes out about 10 s after the first
    const q = createPacer(1000);
    let wait = 0;
    for (let i = 0; i < 200; i++) wait = q.reserve(50, 0);
    expect(wait).toBe(9950);
  });

  it('idle time earns no credit: after a pause, the cap holds again at once', () => {
    const p = createPacer(100);
    p.reserve(100, 0);
    expect(p.reserve(100, 5000)).toBe(0);
    expect(p.reserve(100, 5000)).toBe(1000);
  });
});
