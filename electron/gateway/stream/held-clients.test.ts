import { describe, expect, it } from 'vitest';
import { compareNumericIds, holdOutcome, type HeldClient } from './held-clients.ts';
import type { HistoryEntry } from './replay-history.ts';
import type { Subscriber } from './subscriber.ts';

const held = (lastEventId: string, until = 1000): HeldClient => ({ sub: {} as Subscriber, lastEventId, fromSeq: 1, until });
const entries = (...ids: Array<string | undefined>): HistoryEntry[] => ids.map((id, i) => ({ seq: i + 1, id, block: Buffer.from(`id: ${id}\n\n`), at: 0 }));

describe('holdOutcome', () => {
  it('waits while the stream is behind the id, goes live once the history holds it', () => {
    expect(holdOutcome(held('8'), false, () => entries('6', '7'), '7', 0)).toEqual({ kind: 'wait' });
    expect(holdOutcome(held('8'), true, () => entries('6', '7', '8'), '8', 0)).toEqual({ kind: 'found' });
    expect(holdOutcome(held('b'), false, () => entries('a'), 'a', 0)).toEqual({ kind: 'wait' });
  });

  it('a numeric stream that passed the id without it: the later events, after a gap notice', () => {
    const outcome = holdOutcome(held('8'), false, () => entries('6', '7', '10', '11'), '11', 0);
    expect(outcome).toMatchObject({ kind: 'release', gap: true });
    expect(outcome.kind === 'release' && outcome.entries.map((e) => e.id)).toEqual(['10', '11']);
  });

  it('when the wait ends: everything that came (it cannot tell), after a gap notice', () => {
    const outcome = holdOutcome(held('x', 1000), false, () => entries('a', 'b'), 'b', 1000);
    expect(outcome).toMatchObject({ kind: 'release', gap: true });
    expect(outcome.kind === 'release' && outcome.entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('no gap notice when the first event released follows the id', () => {
    // e.g. the backend renumbered and the wait ended just as the next id came
    expect(holdOutcome(held('8', 0), false, () => entries('9'), '9', 1)).toMatchObject({ kind: 'release', gap: false });
  });
});

describe('compareNumericIds', () => {
  it('compares plain integers, nothing else', () => {
    expect(compareNumericIds('9', '10')).toBe(-1);
    expect(compareNumericIds('10', '10')).toBe(0);
    expect(compareNumericIds('11', '10')).toBe(1);
    expect(compareNumericIds('a', '10')).toBeUndefined();
    expect(compareNumericIds('1.5', '1')).toBeUndefined();
    expect(compareNumericIds(undefined, '1')).toBeUndefined();
  });
});
