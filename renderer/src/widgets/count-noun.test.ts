import { describe, expect, it } from 'vitest';
import { countNoun } from './count-noun.ts';

describe('countNoun', () => {
  it('says "9 matches", "1 match" and "0 matches"', () => {
    expect(countNoun(9, 'match', 'matches')).toBe('9 matches');
    expect(countNoun(1, 'match', 'matches')).toBe('1 match');
    expect(countNoun(0, 'match', 'matches')).toBe('0 matches');
    expect(countNoun(1204, 'event')).toBe('1,204 events');
  });
});
