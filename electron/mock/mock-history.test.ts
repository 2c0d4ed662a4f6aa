import { describe, expect, it } from 'vitest';
import { MockHistory, type HistoryEntry } from './mock-history.ts';

const entry = (seq: number, id: string | undefined): HistoryEntry => ({ seq, id, key: undefined, message: { data: String(seq) }, frame: `data: ${seq}\n\n` });

describe('MockHistory', () => {
  it('keeps the last N events', () => {
    const h = new MockHistory(3);
    for (let i = 1; i <= 5; i++) h.push(entry(i, String(i)));
    expect(h.size).toBe(3);
    expect(h.after('0', 'sequence')?.map((e) => e.seq)).toEqual([3, 4, 5]);
  });

  it('sequence ids: everything after the number, even when it is older than the history', () => {
    const h = new MockHistory(10);
    for (let i = 1; i <= 5; i++) h.push(entry(i, String(i)));
    expect(h.after('3', 'sequence')?.map((e) => e.seq)).toEqual([4, 5]);
    expect(h.after('5', 'sequence')).toEqual([]);
    expect(h.after('abc', 'sequence')).toBeUndefined();
  });

  it('uuids: after the one named; an unknown one cannot be placed', () => {
    const h = new MockHistory(10);
    ['a', 'b', 'c'].forEach((id, i) => h.push(entry(i + 1, id)));
    expect(h.after('a', 'uuid')?.map((e) => e.id)).toEqual(['b', 'c']);
    expect(h.after('zzz', 'uuid')).toBeUndefined();
  });

  it('no ids: nothing to resume from', () => {
    const h = new MockHistory(10);
    h.push(entry(1, undefined));
    expect(h.after('1', 'none')).toBeUndefined();
  });
});
