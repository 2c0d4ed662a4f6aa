import { describe, expect, it } from 'vitest';
import { diffLines } from './text-diff.ts';

describe('side-by-side line diff', () => {
  it('pairs a changed line and keeps the common lines around it', () => {
    const rows = diffLines('a\nb\nc\n', 'a\nB\nc\nd\n');
    expect(rows.map((r) => r.kind)).toEqual(['same', 'changed', 'same', 'added', 'same']);
    expect(rows[1]).toEqual({ kind: 'changed', left: { line: 2, text: 'b' }, right: { line: 2, text: 'B' } });
    expect(rows[3]).toEqual({ kind: 'added', right: { line: 4, text: 'd' } });
  });

  it('reports removed lines on the left only', () => {
    expect(diffLines('x\ny\nz', 'x\nz').filter((r) => r.kind !== 'same')).toEqual([{ kind: 'removed', left: { line: 2, text: 'y' } }]);
  });
});
