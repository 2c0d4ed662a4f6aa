import { describe, expect, it } from 'vitest';
import { filterRows, isFiltering, NO_FILTER } from './event-filter.ts';
import type { ViewerRow } from './viewer-row.ts';

const row = (seq: number, type: string, data: string, extra: Partial<ViewerRow> = {}): ViewerRow => ({ seq, id: String(seq), type, data, receivedAt: 0, ...extra });
const ROWS = [
  row(4, 'price', '{"symbol":"ACME"}'),
  row(3, 'heartbeat', ''),
  row(2, 'price', '{"symbol":"GLOBEX"}', { violations: ['payload.price: expected number'] }),
  row(1, 'price', '{"symbol":"acme"}'),
];
const run = (filter: Partial<typeof NO_FILTER>, replayed = new Set<string>()) => filterRows(ROWS.length, (i) => ROWS[i], { ...NO_FILTER, ...filter }, replayed).map((r) => r.seq);

describe('event filter', () => {
  it('passes everything without a filter', () => {
    expect(run({})).toEqual([4, 3, 2, 1]);
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it('filters by type', () => {
    expect(run({ type: 'heartbeat' })).toEqual([3]);
  });

  it('finds text in data, type or id, ignoring case', () => {
    expect(run({ text: 'ACME' })).toEqual([4, 1]);
    expect(run({ text: '  beat ' })).toEqual([3]);
    expect(run({ text: '2' })).toEqual([2]);
  });

  it('keeps only contract violations or replayed events', () => {
    expect(run({ flagged: 'violations' })).toEqual([2]);
    expect(run({ flagged: 'replayed' }, new Set(['1', '3']))).toEqual([3, 1]);
  });

  it('combines the conditions', () => {
    expect(run({ type: 'price', text: 'globex', flagged: 'violations' })).toEqual([2]);
    expect(run({ type: 'price', text: 'initech' })).toEqual([]);
  });
});
