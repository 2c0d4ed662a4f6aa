import { describe, expect, it } from 'vitest';
import { EventRing } from './event-ring.ts';

describe('EventRing', () => {
  it('reads newest first', () => {
    const ring = new EventRing<number>(5);
    ring.pushAll([1, 2, 3]);
    expect(ring.size).toBe(3);
    expect([ring.newest(0), ring.newest(1), ring.newest(2), ring.newest(3)]).toEqual([3, 2, 1, undefined]);
    expect(ring.newestFirst()).toEqual([3, 2, 1]);
  });

  it('forgets the oldest past capacity and counts them', () => {
    const ring = new EventRing<number>(3);
    for (let i = 1; i <= 10; i++) ring.push(i);
    expect(ring.newestFirst()).toEqual([10, 9, 8]);
    expect(ring.evicted).toBe(7);
  });

  it('takes a batch larger than itself, keeping its tail', () => {
    const ring = new EventRing<number>(4);
    ring.push(0);
    ring.pushAll(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(ring.newestFirst()).toEqual([10, 9, 8, 7]);
    expect(ring.evicted).toBe(7);
  });

  it('clears items and the evicted count', () => {
    const ring = new EventRing<string>(2);
    ring.pushAll(['a', 'b', 'c']);
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.evicted).toBe(0);
    expect(ring.newest(0)).toBeUndefined();
    ring.push('d');
    expect(ring.newestFirst()).toEqual(['d']);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new EventRing(0)).toThrow(RangeError);
  });
});
