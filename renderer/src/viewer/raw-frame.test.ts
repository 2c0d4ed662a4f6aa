import { describe, expect, it } from 'vitest';
import { rawFrameParts } from './raw-frame.ts';

describe('rawFrameParts', () => {
  it('marks LF line ends and the blank line that ends an event', () => {
    expect(rawFrameParts('id: 1\ndata: x\n\n')).toEqual([
      { kind: 'text', text: 'id: 1' },
      { kind: 'mark', mark: 'LF', lineEnd: true },
      { kind: 'text', text: 'data: x' },
      { kind: 'mark', mark: 'LF', lineEnd: true },
      { kind: 'mark', mark: 'LF', lineEnd: true },
    ]);
  });

  it('tells CRLF from a lone CR', () => {
    const marks = rawFrameParts('a\r\nb\rc').flatMap((p) => (p.kind === 'mark' ? [p.mark] : []));
    expect(marks).toEqual(['CRLF', 'CR']);
  });

  it('shows a BOM, a NUL, a tab and a replacement character', () => {
    const marks = rawFrameParts('\uFEFFdata: a\tb\0\uFFFD').flatMap((p) => (p.kind === 'mark' ? [p.mark] : []));
    expect(marks).toEqual(['BOM', 'TAB', 'NUL', 'U+FFFD']);
  });

  it('leaves plain text alone', () => {
    expect(rawFrameParts('data: plain')).toEqual([{ kind: 'text', text: 'data: plain' }]);
    expect(rawFrameParts('')).toEqual([]);
  });
});
