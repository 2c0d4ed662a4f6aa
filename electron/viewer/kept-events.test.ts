import { describe, expect, it } from 'vitest';
import { KeptEvents } from './kept-events.ts';

describe('kept events', () => {
  it('keeps the latest N in order and reads after a seq', () => {
    const kept = new KeptEvents<{ seq: number }>(3);
    expect(kept.firstSeq).toBeUndefined();
    for (let seq = 1; seq <= 5; seq++) kept.push({ seq });
    expect(kept.after().map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(kept.after(3).map((e) => e.seq)).toEqual([4, 5]);
    expect(kept.firstSeq).toBe(3);
    expect(kept.size).toBe(3);
  });
});
