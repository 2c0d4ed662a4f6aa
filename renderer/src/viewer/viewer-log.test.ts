import { describe, expect, it } from 'vitest';
import type { ViewerEvent } from '../../../shared/api/contract.ts';
import { applyToLog, clearEvents, emptyLog, MAX_EVENTS } from './viewer-log.ts';
import { formatClock } from './format-time.ts';

const events = (from: number, count: number): ViewerEvent[] =>
  Array.from({ length: count }, (_, i) => ({ seq: from + i, id: String(from + i), type: 'price', data: '{}', receivedAt: 0 }));

describe('viewer log', () => {
  it('keeps the newest event first', () => {
    const log = applyToLog(applyToLog(emptyLog, { type: 'subscription.events', subscriptionId: 's', events: events(1, 2) }), {
      type: 'subscription.events',
      subscriptionId: 's',
      events: events(3, 2),
    });
    expect(log.events.map((e) => e.seq)).toEqual([4, 3, 2, 1]);
    expect(log.received).toBe(4);
  });

  it('holds at most 1,000 events but counts all of them', () => {
    let log = emptyLog;
    for (let i = 0; i < 3; i++) log = applyToLog(log, { type: 'subscription.events', subscriptionId: 's', events: events(1 + i * 500, 500) });
    expect(log.events).toHaveLength(MAX_EVENTS);
    expect(log.events[0]?.seq).toBe(1500);
    expect(log.events.at(-1)?.seq).toBe(501);
    expect(log.received).toBe(1500);
    expect(clearEvents(log)).toMatchObject({ events: [], received: 0 });
  });

  it('records connection states newest first with the current state', () => {
    let log = applyToLog(emptyLog, { type: 'subscription.state', subscriptionId: 's', state: 'connecting', detail: 'connecting to x', at: 1 });
    log = applyToLog(log, { type: 'subscription.state', subscriptionId: 's', state: 'open', detail: 'HTTP 200', at: 2 });
    expect(log.state).toBe('open');
    expect(log.timeline.map((t) => t.state)).toEqual(['open', 'connecting']);
  });

  it('formats times as HH:MM:SS.mmm', () => {
    expect(formatClock(new Date(2024, 0, 2, 3, 4, 5, 67).getTime())).toBe('03:04:05.067');
  });
});
