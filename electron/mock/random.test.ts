import { describe, expect, it } from 'vitest';
import { seedOf, seededRandom, uuidFrom } from './random.ts';

describe('random', () => {
  it('a seed gives the same sequence in [0, 1)', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('strings seed differently; uuids are version 4', () => {
    expect(seedOf('/a')).not.toBe(seedOf('/b'));
    expect(uuidFrom(seededRandom(3))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
