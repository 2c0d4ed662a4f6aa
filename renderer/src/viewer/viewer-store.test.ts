import { describe, expect, it } from 'vitest';
import type { ViewerEvent } from '../../../shared/api/contract.ts';
import { MAX_EVENTS, ViewerStore } from './viewer-store.ts';

const events = (from: number, count: number, extra: Partial<ViewerEvent> = {}): ViewerEvent[] =>
  Array.from({ length: count }, (_, i) => ({ seq: from + i, id: String(from + i), type: 'price', data: '{}', receivedAt: 1_000_000 + from + i, ...extra }));

describe('ViewerStore', () => {
  it('keeps the newest event first and counts every one', () => {
    const store = new ViewerStore();
    store.addEvents(events(1, 2));
    store.addEvents(events(3, 2));
    expect(store.rows.newestFirst().map((e) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(store.received).toBe(4);
  });

  it('holds at most 10,000 events, counts the ones dropped from view, and clears', () => {
    const store = new ViewerStore();
    for (let i = 0; i < 25; i++) store.addEvents(events(1 + i * 500, 500));
    expect(store.rows.size).toBe(MAX_EVENTS);
    expect(store.rows.newest(0)?.seq).toBe(12_500);
    expect(store.droppedFromView).toBe(2500);
    expect(store.received).toBe(12_500);
    store.clearEvents();
    expect([store.rows.size, store.received, store.droppedFromView]).toEqual([0, 0, 0]);
  });

  it('counts events the host skipped from gaps in seq', () => {
    const store = new ViewerStore();
    store.addEvents(events(1, 3));
    store.addEvents(events(10, 2));
    expect(store.skippedByHost).toBe(6);
  });

  it('counts every event the host received while listing a sample, and says 1 in how many', () => {
    const store = new ViewerStore();
    // The host passes every 4th event of a fast stream: seq 4, 8, 12 ... 400.
    const sampled = Array.from({ length: 100 }, (_, i) => ({ seq: (i + 1) * 4, id: String((i + 1) * 4), type: 'tick', data: '{}', receivedAt: 1_000_000 + i }));
    store.addEvents(events(1, 4));
    store.addEvents(sampled.slice(1));
    expect(store.received).toBe(400);
    expect(store.listed).toBe(103);
    expect(store.rates.sampling(1_000_200)).toBeCloseTo(400 / 103, 5);
    expect(store.rates.rate(1_003_000, 3), 'the rate counts every event too').toBeCloseTo(400 / 3, 5);
  });

  it('lists 1 in 1 when nothing is skipped', () => {
    const store = new ViewerStore();
    store.addEvents(events(1, 50));
    expect(store.rates.sampling(1_000_100)).toBe(1);
  });

  it('flags and counts contract violations', () => {
    const store = new ViewerStore();
    store.setCheck((e) => (e.type === 'bad' ? ['event "bad" is not in the contract'] : undefined));
    store.addEvents([...events(1, 1), ...events(2, 1, { type: 'bad' })]);
    expect(store.violations).toBe(1);
    expect(store.rows.newest(0)?.violations).toEqual(['event "bad" is not in the contract']);
    expect(store.rows.newest(1)?.violations).toBeUndefined();
    expect(store.types).toEqual(
      new Map([
        ['price', 1],
        ['bad', 1],
      ]),
    );
  });

  it('records timeline entries newest first and counts connections', () => {
    const store = new ViewerStore();
    store.apply({ type: 'subscription.timeline', subscriptionId: 's', entry: { state: 'connecting', at: 1, detail: 'connecting', connection: 0 } });
    store.apply({ type: 'subscription.timeline', subscriptionId: 's', entry: { state: 'open', at: 2, detail: 'HTTP/1.1 200', connection: 1 } });
    store.apply({ type: 'subscription.state', subscriptionId: 's', state: 'open', detail: 'HTTP/1.1 200', at: 2 });
    expect(store.timeline.map((t) => t.state)).toEqual(['open', 'connecting']);
    expect(store.connections).toBe(1);
    expect(store.state).toBe('open');
    store.clearEvents();
    expect(store.timeline).toHaveLength(2);
    store.reset();
    expect([store.timeline.length, store.state, store.connections]).toEqual([0, undefined, 0]);
  });
});
