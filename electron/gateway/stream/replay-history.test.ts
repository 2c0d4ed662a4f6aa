import { describe, expect, it } from 'vitest';
import { ENTRY_OVERHEAD_BYTES, ReplayHistory } from './replay-history.ts';
import { HistoryBudget } from './history-budget.ts';

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

describe('ReplayHistory byte limits', () => {
  const sized = (n: number, bytes: number) => Buffer.from(`id: ${n}\ndata: ${'x'.repeat(bytes - 13 - String(n).length * 1)}\n\n`);

  it('keeps at most maxBytes (events and their bookkeeping), forgetting the oldest events first', () => {
    const cap = 10 * (100 + ENTRY_OVERHEAD_BYTES);
    const h = new ReplayHistory({ maxEvents: 1000, maxAgeMs: 60_000, maxBytes: cap });
    for (let n = 1; n <= 30; n++) h.append(String(n), sized(n, 100));
    expect(h.bytes).toBeLessThanOrEqual(cap);
    expect(h.size).toBe(10);
    expect(ids(h.after('21'))).toEqual(['22', '23', '24', '25', '26', '27', '28', '29', '30']);
    expect(h.after('5').found).toBe(false);
  });

  it('an event larger than the whole cap empties the history, so no replay skips it silently', () => {
    const h = new ReplayHistory({ maxEvents: 1000, maxAgeMs: 60_000, maxBytes: 500 });
    for (let n = 1; n <= 3; n++) h.append(String(n), sized(n, 100));
    h.append('4', sized(4, 600));
    expect(h.size).toBe(0);
    expect(h.after('2').found).toBe(false);
    expect(h.lostUnderPressure).toBe(true);
  });

  it('keeps a copy in its own slabs, not a slice that would pin the whole backend read or a shared pool slab', () => {
    const read = Buffer.alloc(64 * 1024, 'x');
    const h = new ReplayHistory({ maxEvents: 10, maxAgeMs: 60_000 });
    h.append('1', read.subarray(0, 10));
    h.append('2', read.subarray(10, 20));
    const kept = h.entryFor('1')?.block;
    expect(kept?.buffer).not.toBe(read.buffer);
    expect(kept?.buffer).not.toBe(Buffer.from('pool').buffer);
    expect(h.entryFor('2')?.block.buffer).toBe(kept?.buffer);
    expect(kept?.toString()).toBe('xxxxxxxxxx');
  });
});

describe('HistoryBudget', () => {
  const owner = (idle: boolean, lastActiveAt: number) => ({ idle, lastActiveAt });
  const fill = (h: ReplayHistory, from: number, count: number) => {
    for (let n = from; n < from + count; n++) h.append(String(n), Buffer.alloc(100, 'x'));
  };

  it('holds every history together under the limit, taking whole idle histories first, least recently used first', () => {
    const each = 100 + ENTRY_OVERHEAD_BYTES;
    const budget = new HistoryBudget(10 * each);
    const old = new ReplayHistory({ maxEvents: 100, maxAgeMs: 60_000, budget, owner: owner(true, 1) });
    const recent = new ReplayHistory({ maxEvents: 100, maxAgeMs: 60_000, budget, owner: owner(true, 2) });
    const busy = new ReplayHistory({ maxEvents: 100, maxAgeMs: 60_000, budget, owner: owner(false, 0) });
    fill(old, 1, 3);
    fill(recent, 1, 3);
    fill(busy, 1, 3);
    expect(budget.usedBytes).toBe(9 * each);
    fill(busy, 4, 2); // 11 > 10: the least recently used idle history goes, whole
    expect(old.size).toBe(0);
    expect(old.lostUnderPressure).toBe(true);
    expect(recent.size).toBe(3);
    expect(budget.usedBytes).toBe(8 * each);
    expect(budget.evictedStreams).toBe(1);
    fill(busy, 6, 10);
    expect(budget.usedBytes).toBeLessThanOrEqual(10 * each);
    expect(recent.size).toBe(0);
    // With no idle history left, the growing one gives up its own oldest events.
    expect(busy.size).toBe(10);
    expect(busy.lostUnderPressure).toBe(true);
  });

  it('gives bytes back when a history forgets events by count or is disposed', () => {
    const budget = new HistoryBudget(10_000);
    const h = new ReplayHistory({ maxEvents: 2, maxAgeMs: 60_000, budget });
    fill(h, 1, 5);
    expect(budget.usedBytes).toBe(2 * (100 + ENTRY_OVERHEAD_BYTES));
    h.dispose();
    expect(budget.usedBytes).toBe(0);
  });
});
