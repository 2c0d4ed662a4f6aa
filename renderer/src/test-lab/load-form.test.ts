import { describe, expect, it } from 'vitest';
import { formatElapsed, parseSubscribers } from './load-form.ts';

describe('load form', () => {
  it('reads 1 to 10,000 subscribers, with separators', () => {
    expect(parseSubscribers('1')).toEqual({ ok: true, value: 1 });
    expect(parseSubscribers('10,000')).toEqual({ ok: true, value: 10_000 });
    expect(parseSubscribers(' 2 500 ')).toEqual({ ok: true, value: 2500 });
  });

  it('refuses zero, too many, fractions and words', () => {
    expect(parseSubscribers('0')).toMatchObject({ ok: false });
    expect(parseSubscribers('10001')).toMatchObject({ ok: false, error: 'From 1 to 10,000 subscribers.' });
    expect(parseSubscribers('1.5')).toMatchObject({ ok: false });
    expect(parseSubscribers('many')).toMatchObject({ ok: false });
  });

  it('formats elapsed time', () => {
    expect(formatElapsed(12_500)).toBe('12.5 s');
    expect(formatElapsed(185_000)).toBe('3 min 05 s');
  });
});
