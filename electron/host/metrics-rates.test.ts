import { describe, expect, it } from 'vitest';
import type { GatewayMetricsRow } from '../../shared/api/contract.ts';
import { MetricsRates } from './metrics-rates.ts';

const row = (apiId: string, topic: string, eventsOut: number) => ({ apiId, topic, eventsOut }) as GatewayMetricsRow;

describe('metrics rates on the host', () => {
  it('keeps events/s per API from the host\'s start, per topic, for a chart opened later', () => {
    let now = 10_000;
    let rows = [row('a', '/x', 0), row('a', '/y', 0), row('b', '/x', 0)];
    const rates = new MetricsRates(() => rows, () => now);
    rates.sample();
    now += 1000;
    rows = [row('a', '/x', 5), row('a', '/y', 2), row('b', '/x', 1)];
    rates.sample();
    now += 2000;
    rows = [row('a', '/x', 1), row('a', '/y', 6), row('b', '/x', 1)]; // /x was reset (counts from zero)
    rates.sample();
    expect(rates.since).toBe(10_000);
    expect(rates.history('a')).toEqual([
      { at: 11_000, total: 7, byTopic: { '/x': 5, '/y': 2 } },
      { at: 13_000, total: 2.5, byTopic: { '/x': 0.5, '/y': 2 } },
    ]);
    expect(rates.history('a', 11_000)).toHaveLength(1);
    expect(rates.history('b').map((p) => p.total)).toEqual([1, 0]);
    expect(rates.history('nope')).toEqual([]);
  });
});
