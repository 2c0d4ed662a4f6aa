import { describe, expect, it } from 'vitest';
import type { GatewayMetricsRow } from '../../../shared/api/contract.ts';
import { addSample, emptyHistory, MAX_POINTS, seedHistory, type RateHistory } from './rate-history.ts';

const row = (topic: string, eventsOut: number): GatewayMetricsRow => ({
  apiId: 'a.yaml', topic, eventsOut,
  connectionsOpen: 0, connectionsTotal: 0, eventsIn: 0, bytesIn: 0, bytesOut: 0, replays: 0, replayedEvents: 0, gaps: 0, slowSubscriberDrops: 0,
  oversizeEventsDropped: 0, rateLimited: 0, authFailures: 0, upstreamConnects: 0, upstreamFailures: 0, addedLatencyP50Micros: 0, addedLatencyP99Micros: 0,
});

describe('events-out rate history', () => {
  it('needs two polls for a rate, then divides the difference by the time between them', () => {
    let h = addSample(emptyHistory, 1000, [row('/a', 10), row('/b', 0)]);
    expect(h.points).toEqual([]);
    h = addSample(h, 3000, [row('/a', 30), row('/b', 4)]);
    expect(h.points).toEqual([{ at: 3000, total: 12, byTopic: { '/a': 10, '/b': 2 } }]);
  });

  it('keeps at most a minute of points', () => {
    let h: RateHistory = emptyHistory;
    for (let i = 0; i <= 200; i++) h = addSample(h, i * 1000, [row('/a', i * 5)]);
    expect(h.points).toHaveLength(MAX_POINTS);
    expect(h.points[0]?.at).toBe(141_000);
    expect(h.points.every((p) => p.total === 5)).toBe(true);
  });

  it('starts afresh after a long pause instead of averaging it in', () => {
    let h = addSample(emptyHistory, 1000, [row('/a', 0)]);
    h = addSample(h, 2000, [row('/a', 10)]);
    h = addSample(h, 30_000, [row('/a', 1000)]);
    expect(h.points.map((p) => p.at)).toEqual([2000]);
    h = addSample(h, 31_000, [row('/a', 1003)]);
    expect(h.points.at(-1)?.total).toBe(3);
  });

  it('counts a reset counter from zero and a new topic from zero', () => {
    let h = addSample(emptyHistory, 1000, [row('/a', 100)]);
    h = addSample(h, 2000, [row('/a', 4), row('/new', 6)]);
    expect(h.points[0]?.byTopic).toEqual({ '/a': 4, '/new': 6 });
  });
});

describe('rate history seeded by the host', () => {
  it('starts with the host\'s last minute, before the points the polls made', () => {
    const host = [10_000, 11_000, 12_000, 13_000].map((at) => ({ at, total: 2, byTopic: { '/p': 2 } }));
    const polled = addSample(addSample(emptyHistory, 13_000, [{ topic: '/p', eventsOut: 100 } as GatewayMetricsRow]), 14_000, [{ topic: '/p', eventsOut: 105 } as GatewayMetricsRow]);
    const seeded = seedHistory(polled, host);
    expect(seeded.points.map((p) => p.at)).toEqual([10_000, 11_000, 12_000, 13_000, 14_000]);
    expect(seeded.last).toEqual(polled.last);
    expect(seedHistory(emptyHistory, host).points).toHaveLength(4);
  });
});
