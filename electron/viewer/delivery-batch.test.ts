import { describe, expect, it } from 'vitest';
import { DeliveryBatch } from './delivery-batch.ts';

const fill = (batch: DeliveryBatch<number>, n: number) => {
  for (let i = 1; i <= n; i++) batch.push(i);
};

describe('DeliveryBatch: what one flush passes to the window', () => {
  it('passes everything, in order, while the batch fits', () => {
    const batch = new DeliveryBatch<number>(5);
    fill(batch, 5);
    expect(batch.take()).toEqual([1, 2, 3, 4, 5]);
    expect(batch.size).toBe(0);
    expect(batch.take()).toEqual([]);
  });

  it('samples 1 in N evenly when the batch is larger, ending on the newest', () => {
    const batch = new DeliveryBatch<number>(4);
    fill(batch, 12);
    expect(batch.take()).toEqual([3, 6, 9, 12]);
  });

  it('spreads an uneven ratio across the whole batch', () => {
    const batch = new DeliveryBatch<number>(3);
    fill(batch, 7);
    const taken = batch.take();
    expect(taken).toHaveLength(3);
    expect(taken.at(-1)).toBe(7);
    expect(taken[0]).toBeLessThanOrEqual(3);
  });

  it('passes more when the caller allows it (a flush that came late)', () => {
    const batch = new DeliveryBatch<number>(2);
    fill(batch, 6);
    expect(batch.take(3)).toEqual([2, 4, 6]);
  });

  it('holds at most maxHeld, keeping the newest in the last place', () => {
    const batch = new DeliveryBatch<number>(2, 4);
    fill(batch, 10);
    expect(batch.size).toBe(4);
    expect(batch.take()).toEqual([2, 10]);
  });
});
