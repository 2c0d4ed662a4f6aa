import { describe, expect, it } from 'vitest';
import { fingerprint, matchesAnySecret, sameSecret } from './secret.ts';

describe('sameSecret', () => {
  it('is true only for identical text, whatever the lengths', () => {
    expect(sameSecret('s3cret-key', 's3cret-key')).toBe(true);
    expect(sameSecret('s3cret-key', 's3cret-kez')).toBe(false);
    expect(sameSecret('short', 'a much longer secret')).toBe(false);
    expect(sameSecret('', '')).toBe(true);
  });
});

describe('matchesAnySecret', () => {
  it('finds a key anywhere in the list', () => {
    expect(matchesAnySecret('b-key-0002', ['a-key-0001', 'b-key-0002'])).toBe(true);
    expect(matchesAnySecret('c-key-0003', ['a-key-0001', 'b-key-0002'])).toBe(false);
    expect(matchesAnySecret('x', [])).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is 8 stable hex characters that do not contain the secret', () => {
    expect(fingerprint('abcdefgh12345678')).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint('abcdefgh12345678')).toBe(fingerprint('abcdefgh12345678'));
    expect(fingerprint('abcdefgh12345678')).not.toBe(fingerprint('abcdefgh12345679'));
  });
});
