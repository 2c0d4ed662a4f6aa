import { describe, expect, it } from 'vitest';
import { EventRateLimiter } from './event-rate-limiter.ts';

/** A clock the test moves by hand. */
function manualClock(iso: string) {
  let now = Date.parse(iso);
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (to: string) => void (now = Date.parse(to)) };
}

describe('EventRateLimiter per minute', () => {
  it('admits and counts until the limit, then ends the stream and refuses reconnects with Retry-After', () => {
    const clock = manualClock('2026-03-01T12:00:15Z');
    const limiter = new EventRateLimiter({ eventsPerMinute: 3 }, clock.now);
    expect(limiter.admit('key:a')).toEqual({ ok: true });
    expect([limiter.consume('key:a'), limiter.consume('key:a'), limiter.consume('key:a')]).toEqual([true, true, true]);
    expect(limiter.consume('key:a')).toBe(false);
    expect(limiter.admit('key:a')).toEqual({
      ok: false,
      retryAfterSeconds: 45,
      message: 'Event limit reached: this subscriber may receive 3 events per minute. Try again in 45 s (at 2026-03-01T12:01:00.000Z).',
    });
  });
  it('starts afresh when the minute rolls over', () => {
    const clock = manualClock('2026-03-01T12:00:59.500Z');
    const limiter = new EventRateLimiter({ eventsPerMinute: 2 }, clock.now);
    limiter.consume('k');
    limiter.consume('k');
    expect(limiter.admit('k')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    clock.advance(500);
    expect(limiter.admit('k')).toEqual({ ok: true });
    expect(limiter.consume('k')).toBe(true);
  });
  it('counts each subscriber separately, all of its streams together', () => {
    const limiter = new EventRateLimiter({ eventsPerMinute: 2 }, manualClock('2026-03-01T12:00:00Z').now);
    expect(limiter.consume('a')).toBe(true);
    expect(limiter.consume('a')).toBe(true);
    expect(limiter.consume('b')).toBe(true);
    expect(limiter.consume('a')).toBe(false);
    expect(limiter.admit('b')).toEqual({ ok: true });
  });
  it('refuses a batch that does not fit without counting it, and marks the window used up', () => {
    const limiter = new EventRateLimiter({ eventsPerMinute: 5 }, manualClock('2026-03-01T12:00:00Z').now);
    expect(limiter.consume('a', 3)).toBe(true);
    expect(limiter.consume('a', 3)).toBe(false);
    expect(limiter.admit('a').ok).toBe(false);
    expect(limiter.snapshot().subscribers).toEqual([{ subscriberKey: 'a', eventsThisMinute: 5 }]);
  });
});

describe('EventRateLimiter per day', () => {
  it('counts per UTC day and gives the time to midnight UTC', () => {
    const clock = manualClock('2026-03-01T23:00:00Z');
    const limiter = new EventRateLimiter({ eventsPerMinute: 100, eventsPerDay: 3 }, clock.now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.consume('k')).toBe(true);
      clock.advance(60_000);
    }
    expect(limiter.consume('k')).toBe(false);
    expect(limiter.admit('k')).toEqual({
      ok: false,
      retryAfterSeconds: 3420,
      message: 'Event limit reached: this subscriber may receive 3 events per day (UTC). Try again in 3420 s (at 2026-03-02T00:00:00.000Z).',
    });
    clock.set('2026-03-02T00:00:00Z');
    expect(limiter.admit('k')).toEqual({ ok: true });
    expect(limiter.consume('k')).toBe(true);
  });
  it('reports the longer wait when both windows are used up', () => {
    const clock = manualClock('2026-03-01T12:00:00Z');
    const limiter = new EventRateLimiter({ eventsPerMinute: 2, eventsPerDay: 2 }, clock.now);
    limiter.consume('k', 2);
    expect(limiter.admit('k')).toMatchObject({ ok: false, retryAfterSeconds: 12 * 3600 });
  });
});

describe('EventRateLimiter memory', () => {
  it('does nothing and tracks nobody without limits', () => {
    const limiter = new EventRateLimiter({});
    for (let i = 0; i < 1000; i++) expect(limiter.consume(`k${i}`, 1000)).toBe(true);
    expect(limiter.snapshot().trackedKeys).toBe(0);
  });
  it('does not track keys that only connect', () => {
    const limiter = new EventRateLimiter({ eventsPerMinute: 10 });
    for (let i = 0; i < 100; i++) limiter.admit(`k${i}`);
    expect(limiter.snapshot().trackedKeys).toBe(0);
  });
  it('forgets keys once their windows have ended', () => {
    const clock = manualClock('2026-03-01T12:00:00Z');
    const limiter = new EventRateLimiter({ eventsPerMinute: 10 }, clock.now);
    for (let i = 0; i < 50; i++) limiter.consume(`old${i}`);
    clock.advance(30_000);
    limiter.consume('recent');
    expect(limiter.snapshot().trackedKeys).toBe(51);
    clock.advance(30_000);
    limiter.consume('new');
    expect(limiter.snapshot().trackedKeys).toBe(1);
  });
  it('keeps day counts while the day lasts', () => {
    const clock = manualClock('2026-03-01T12:00:00Z');
    const limiter = new EventRateLimiter({ eventsPerMinute: 10, eventsPerDay: 10 }, clock.now);
    limiter.consume('a', 10);
    clock.advance(3_600_000);
    limiter.consume('b');
    expect(limiter.snapshot().trackedKeys).toBe(2);
    expect(limiter.consume('a')).toBe(false);
  });
  it('evicts the least recently active key beyond the cap, and counts evictions', () => {
    const limiter = new EventRateLimiter({ eventsPerMinute: 1 }, manualClock('2026-03-01T12:00:00Z').now, 3);
    limiter.consume('a');
    limiter.consume('b');
    limiter.consume('c');
    limiter.consume('a', 0); // zero events: no activity
    expect(limiter.consume('a')).toBe(false); // a is active again
    limiter.consume('d');
    const snapshot = limiter.snapshot();
    expect(snapshot).toMatchObject({ trackedKeys: 3, maxTrackedKeys: 3, evictedKeys: 1 });
    expect(snapshot.subscribers.map((s) => s.subscriberKey)).toEqual(['d', 'a', 'c']);
    expect(limiter.admit('b')).toEqual({ ok: true });
  });
  it('lists the most recently active subscribers first, with current counts', () => {
    const clock = manualClock('2026-03-01T12:00:00Z');
    const limiter = new EventRateLimiter({ eventsPerMinute: 100, eventsPerDay: 1000 }, clock.now);
    limiter.consume('a', 5);
    limiter.consume('b', 2);
    clock.advance(60_000);
    expect(limiter.snapshot(1)).toMatchObject({ trackedKeys: 2, subscribers: [{ subscriberKey: 'b', eventsThisMinute: 0, eventsToday: 2 }] });
  });
});

describe('EventRateLimiter arguments', () => {
  it('throws on limits and event counts that are programmer errors', () => {
    expect(() => new EventRateLimiter({ eventsPerMinute: 0 })).toThrow(RangeError);
    expect(() => new EventRateLimiter({ eventsPerDay: 1.5 })).toThrow(RangeError);
    expect(() => new EventRateLimiter({ eventsPerMinute: 1 }).consume('k', -1)).toThrow(RangeError);
  });
});
