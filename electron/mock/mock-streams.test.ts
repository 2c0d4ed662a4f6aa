import { describe, expect, it } from 'vitest';
import { MockStreams, type StreamRecord } from './mock-streams.ts';
import type { MockStream } from './mock-stream.ts';

function fakeStream(idle: boolean) {
  const s = { isIdle: idle, stopped: false, stop: () => (s.stopped = true) };
  return s;
}
const record = (stream: ReturnType<typeof fakeStream>, apiId: string | null = null): StreamRecord => ({ stream: stream as unknown as MockStream, target: { apiId: apiId ?? undefined, topic: '/t' }, apiId, path: '/t', scenario: 'counter' });

describe('MockStreams', () => {
  it('creates a stream once per key', () => {
    const streams = new MockStreams(() => 0);
    const a = fakeStream(false);
    expect(streams.get('k', () => record(a))).toBe(a);
    expect(streams.get('k', () => record(fakeStream(false)))).toBe(a);
    expect(streams.list()).toHaveLength(1);
  });

  it('when full, the least recently used idle stream makes room; with none idle there is no room', () => {
    let now = 0;
    const streams = new MockStreams(() => now, 2);
    const old = fakeStream(true);
    const busy = fakeStream(false);
    streams.get('old', () => record(old));
    now = 1;
    streams.get('busy', () => record(busy));
    now = 2;
    const fresh = fakeStream(false);
    expect(streams.get('new', () => record(fresh))).toBe(fresh);
    expect(old.stopped).toBe(true);
    expect(streams.get('another', () => record(fakeStream(false)))).toBeUndefined();
  });

  it('removes (and stops) the streams picked', () => {
    const streams = new MockStreams(() => 0);
    const a = fakeStream(false);
    const b = fakeStream(false);
    streams.get('a', () => record(a, 'api-a'));
    streams.get('b', () => record(b, 'api-b'));
    streams.remove((r) => r.apiId === 'api-a');
    expect([a.stopped, b.stopped]).toEqual([true, false]);
    streams.remove();
    expect(streams.list()).toEqual([]);
  });
});

describe('MockStreams limits', () => {
  function idleStream() {
    const s = { isIdle: false, stopped: false, historyBytes: 0, onIdle: undefined as (() => void) | undefined, stop: () => (s.stopped = true), shrinkHistory: () => 0 };
    return s;
  }
  const rec = (s: ReturnType<typeof idleStream>): StreamRecord => ({ stream: s as unknown as MockStream, target: { apiId: undefined, topic: '/t' }, apiId: null, path: '/t', scenario: 'counter' });

  it('keeps at most maxIdleStreams without subscribers, evicting the least recently used', () => {
    let now = 0;
    const streams = new MockStreams(() => now, 100, undefined, { maxIdleStreams: 2 });
    const all = [idleStream(), idleStream(), idleStream()];
    all.forEach((s, i) => {
      now = i;
      streams.get(`k${i}`, () => rec(s));
    });
    for (const s of all) {
      s.isIdle = true;
      s.onIdle?.();
    }
    expect(all.map((s) => s.stopped)).toEqual([true, false, false]);
    expect(streams.size).toBe(2);
  });

  it('evicts idle streams kept past idleRetainMs', () => {
    let now = 0;
    const streams = new MockStreams(() => now, 100, undefined, { idleRetainMs: 1000 });
    const old = idleStream();
    streams.get('old', () => rec(old));
    old.isIdle = true;
    old.onIdle?.();
    now = 2000;
    streams.get('new', () => rec(idleStream()));
    expect(old.stopped).toBe(true);
    expect(streams.size).toBe(1);
  });
});

describe('MockStreams total rate', () => {
  const ticking = (rate: number) => {
    const s = { isIdle: false, stopped: false, rate, eventsPerSecond: rate, historyBytes: 0, onIdle: undefined as (() => void) | undefined, stop: () => (s.stopped = true), shrinkHistory: () => 0 };
    return s;
  };
  const rec = (s: ReturnType<typeof ticking>): StreamRecord => ({ stream: s as unknown as MockStream, target: { apiId: undefined, topic: '/t' }, apiId: null, path: '/t', scenario: 'counter' });

  it('refuses a stream whose rate would pass the total, unless idle streams make room', () => {
    let now = 0;
    const streams = new MockStreams(() => now++, 100, undefined, { maxTotalEventsPerSecond: 2500 });
    const a = ticking(1000);
    const b = ticking(1000);
    streams.get('a', () => rec(a));
    streams.get('b', () => rec(b));
    const c = ticking(1000);
    expect(streams.get('c', () => rec(c))).toBeUndefined();
    expect(c.stopped).toBe(true);
    a.isIdle = true;
    const d = ticking(1000);
    expect(streams.get('d', () => rec(d))).toBe(d);
    expect(a.stopped).toBe(true);
  });

  it('keeps idle streams that no longer tick (their histories) when making room for rate', () => {
    const streams = new MockStreams(() => 0, 100, undefined, { maxTotalEventsPerSecond: 1500 });
    const quiet = ticking(0);
    quiet.isIdle = true;
    streams.get('quiet', () => rec(quiet));
    streams.get('busy', () => rec(ticking(1000)));
    const more = ticking(1000);
    expect(streams.get('more', () => rec(more))).toBeUndefined();
    expect(quiet.stopped).toBe(false);
  });
});
