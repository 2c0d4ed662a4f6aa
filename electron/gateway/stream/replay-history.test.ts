import { describe, expect, it } from 'vitest';
import { ReplayHistory } from './replay-history.ts';

const block = (n: number | string) => Buffer.from(`id: ${n}\ndata: ${n}\n\n`);
const ids = (lookup: ReturnType<ReplayHistory['after']>) => (lookup.found ? lookup.entries.map((e) => e.id) : 'gap');

describe('ReplayHistory', () => {
  it('returns the events after the given id, in order', () => {
    const h = new ReplayHistory(100, 60_000);
    for (let n = 1; n <= 5; n++) h.append(String(n), block(n));
    expect(ids(h.after('2'))).toEqual(['3', '4', '5']);
    expect(ids(h.after('5'))).toEqual([]);
    expect(h.lastId).toBe('5');
  });

  it('reports a gap for an unknown id, with the oldest id it still has', () => {
    const h = new ReplayHistory(3, 60_000);
    for (let n = 1; n <= 5; n++) h.append(String(n), block(n));
    expect(h.after('1')).toEqual({ found: false, oldestId: '3' });
    expect(ids(h.after('3'))).toEqual(['4', '5']);
    expect(h.size).toBe(3);
  });

  it('forgets events older than the age limit', () => {
    let now = 0;
    const h = new ReplayHistory(100, 1000, () => now);
    h.append('1', block(1));
    now = 600;
    h.append('2', block(2));
    now = 1200;
    expect(h.after('1')).toEqual({ found: false, oldestId: '2' });
    expect(ids(h.after('2'))).toEqual([]);
  });

  it('treats events without an id as carrying the previous one, and repeated ids resolve to the latest', () => {
    const h = new ReplayHistory(100, 60_000);
    h.append('a', block('a'));
    h.append('a', Buffer.from('data: no id\n\n'));
    h.append('b', block('b'));
    h.append('a', block('a'));
    h.append('c', block('c'));
    expect(ids(h.after('a'))).toEqual(['c']);
    expect(ids(h.after('b'))).toEqual(['a', 'c']);
  });

  it('keeps lookups right across many evictions and compactions', () => {
    const h = new ReplayHistory(1000, 60_000);
    for (let n = 1; n <= 50_000; n++) h.append(String(n), block(n));
    expect(h.size).toBe(1000);
    expect(ids(h.after('49990'))).toEqual(['49991', '49992', '49993', '49994', '49995', '49996', '49997', '49998', '49999', '50000']);
    expect(h.after('49000').found).toBe(false);
    expect(ids(h.after('49001')).length).toBe(999);
  });

  it('finds the kept copy of an id', () => {
    const h = new ReplayHistory(3, 60_000);
    for (let n = 1; n <= 5; n++) h.append(String(n), block(n));
    expect(h.entryFor('4')?.block.toString()).toBe('id: 4\ndata: 4\n\n');
    expect(h.entryFor('1')).toBeUndefined();
  });

  it('keeps nothing when maxEvents is 0', () => {
    const h = new ReplayHistory(0, 60_000);
    h.append('1', block(1));
    expect(h.size).toBe(0);
    expect(h.after('1').found).toBe(false);
  });
});
