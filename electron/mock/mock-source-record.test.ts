import { describe, expect, it } from 'vitest';
import { MockSourceIndex, type ProducingStream } from './mock-source-record.ts';

const stream = (ids: string[]): ProducingStream & { ids: string[] } => ({ ids, producedIds: (accept) => ({ ids: ids.filter((id) => accept(id)), complete: true }) });

describe('mock source index', () => {
  it('keeps each run of a path in order, and what a stopped run produced', () => {
    let now = 1;
    const index = new MockSourceIndex(() => now);
    const first = stream(['1', '2', '3']);
    index.note('/prices?rate=5', first);
    index.note('/prices?rate=5', first); // a reconnect to the same stream is the same run
    now = 5;
    index.freeze(); // the mock stops: the stream frees its history
    first.ids.length = 0;
    const second = stream(['1']);
    index.note('/prices?rate=5', second);
    expect(index.record('/prices?rate=5')).toEqual([
      { ids: ['1', '2', '3'], complete: true, since: 1, until: 5 },
      { ids: ['1'], complete: true, since: 5, until: undefined },
    ]);
    // Another query on the same path finds the latest request's runs.
    expect(index.record('/prices?rate=9')).toHaveLength(2);
    expect(index.record('/clock')).toBeUndefined();
  });

  it('filters by the subscriber\'s key (one symbol of a shared stream)', () => {
    const index = new MockSourceIndex();
    index.note('/prices/ACME', stream(['ACME', 'GLOBEX']), (key) => key === 'ACME');
    expect(index.record('/prices/ACME')?.[0]?.ids).toEqual(['ACME']);
  });
});
