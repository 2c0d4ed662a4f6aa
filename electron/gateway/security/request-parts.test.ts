import { describe, expect, it } from 'vitest';
import { findHeader, findQuery, parseAuthorization, printable } from './request-parts.ts';

describe('findHeader', () => {
  it('matches names case-insensitively', () => {
    expect(findHeader({ ApiKey: 'k' }, 'apikey')).toEqual({ kind: 'one', value: 'k' });
    expect(findHeader({ apikey: 'k' }, 'APIKEY')).toEqual({ kind: 'one', value: 'k' });
  });
  it('reports absent and repeated values', () => {
    expect(findHeader({ other: 'x', apikey: undefined }, 'apikey')).toEqual({ kind: 'none' });
    expect(findHeader({ apikey: ['a', 'b'] }, 'apikey')).toEqual({ kind: 'many' });
    expect(findHeader({ apikey: 'a', APIKEY: 'b' }, 'apikey')).toEqual({ kind: 'many' });
  });
});

describe('findQuery', () => {
  it('reads one, none or many', () => {
    expect(findQuery(new URLSearchParams('apikey=k'), 'apikey')).toEqual({ kind: 'one', value: 'k' });
    expect(findQuery(new URLSearchParams('a=1'), 'apikey')).toEqual({ kind: 'none' });
    expect(findQuery(new URLSearchParams('apikey=1&apikey=2'), 'apikey')).toEqual({ kind: 'many' });
  });
});

describe('parseAuthorization', () => {
  it('lowercases the scheme and keeps the credentials', () => {
    expect(parseAuthorization('BEARER abc.def.ghi')).toEqual({ scheme: 'bearer', credentials: 'abc.def.ghi' });
    expect(parseAuthorization('  Basic   YTpi  ')).toEqual({ scheme: 'basic', credentials: 'YTpi' });
    expect(parseAuthorization('Bearer')).toEqual({ scheme: 'bearer', credentials: '' });
  });
});

describe('printable', () => {
  it('removes control characters and caps the length', () => {
    expect(printable('a\r\nb\u0000c')).toBe('abc');
    expect(printable('x'.repeat(10), 4)).toBe('xxxx…');
  });
});
