import { describe, expect, it } from 'vitest';
import { tokenFromHash } from './token.ts';

describe('token from the URL fragment', () => {
  it('reads #token=... and ignores other fragments', () => {
    expect(tokenFromHash('#token=abc-_1')).toBe('abc-_1');
    expect(tokenFromHash('#x=1&token=abc')).toBe('abc');
    expect(tokenFromHash('#token=')).toBeUndefined();
    expect(tokenFromHash('')).toBeUndefined();
  });
});
