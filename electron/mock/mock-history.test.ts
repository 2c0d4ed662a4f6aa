import { describe, expect, it } from 'vitest';
import { MockHistory, type HistoryEntry } from './mock-history.ts';
import { entryBytes, MockMemory } from './mock-memory.ts';

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

describe('MockHistory byte caps', () => {
  const sized = (seq: number, chars: number): HistoryEntry => ({ seq, id: String(seq), key: undefined, message: { data: 'x'.repeat(chars) }, frame: `data: ${'x'.repeat(chars)}\n\n` });

  it('forgets the oldest events past its byte cap, and tells the global budget every change', () => {
    const memory = new MockMemory(Number.POSITIVE_INFINITY);
    const h = new MockHistory(1000, 3 * entryBytes(sized(10, 1000)), memory);
    for (let i = 1; i <= 10; i++) h.push(sized(i, 1000));
    expect(h.size).toBe(3);
    expect(h.after('0', 'sequence')?.map((e) => e.seq)).toEqual([8, 9, 10]);
    expect(memory.usedBytes).toBe(h.bytes);
    h.shrinkTo(h.bytes - 1);
    expect(h.size).toBe(2);
    h.clear();
    expect([h.size, h.bytes, memory.usedBytes]).toEqual([0, 0, 0]);
  });

  it('asks for relief when the global budget is passed', () => {
    const memory = new MockMemory(5000);
    let asked = 0;
    memory.onOver = () => asked++;
    const h = new MockHistory(1000, Number.POSITIVE_INFINITY, memory);
    h.push(sized(1, 1000));
    expect(asked).toBe(0);
    for (let i = 2; i <= 4; i++) h.push(sized(i, 1000));
    expect(asked).toBeGreaterThan(0);
  });
});
