import { describe, expect, it } from 'vitest';
import { headerListSize } from './header-limit.ts';

describe('headerListSize', () => {
  it('counts name + value + 32 per field (RFC 7541 §4.1), pseudo-headers included', () => {
    expect(headerListSize([':path', '/a', 'x-k', 'vv'])).toBe(5 + 2 + 32 + 3 + 2 + 32);
  });

  it('counts UTF-8 bytes, not UTF-16 units', () => {
    expect(headerListSize(['x', 'é'])).toBe(1 + 2 + 32);
  });

  it('is 0 for no headers', () => {
    expect(headerListSize([])).toBe(0);
  });
});
