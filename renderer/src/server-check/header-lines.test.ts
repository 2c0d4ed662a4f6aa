import { describe, expect, it } from 'vitest';
import { parseHeaderLines } from './header-lines.ts';

describe('header lines', () => {
  it('reads one "Name: value" a line, skipping blank ones', () => {
    expect(parseHeaderLines('Authorization: Bearer x:y\n\nX-Api-Key:  k ')).toEqual({ ok: true, headers: { authorization: 'Bearer x:y', 'x-api-key': 'k' } });
  });

  it('says which line is wrong', () => {
    expect(parseHeaderLines('a: 1\nno colon here')).toEqual({ ok: false, message: 'Line 2 must look like "Name: value".' });
  });
});
