import { describe, expect, it } from 'vitest';
import { combineRounds } from './rounds.ts';
import type { StreamResult } from './results.ts';

const round = (cpu: number, extra: Partial<StreamResult> = {}): StreamResult => ({
  kind: 'stream', target: 'nginx', clients: 1000, connected: 1000, rate: 100, offeredPerSec: 100_000, deliveredPerSec: 100_000, events: 1_000_000,
  windowSeconds: 10, p50Ms: 1, p99Ms: 2, maxMs: 3, gaps: 0, missing: 0, outOfOrder: 0, clientsWithGaps: 0, disconnected: 0,
  proxyCpuUsPerEvent: cpu, proxyCpuPct: cpu * 10, proxyWritesPerEvent: 1, peakRssMb: 100, backendCpuPct: 50, driverCpuPct: 50,
  backendMaxBacklogKb: 0, otherCpuPct: 0, gatewayFanOutP50Us: Number.NaN, gatewayFanOutP99Us: Number.NaN, attempts: 1, notes: [], ...extra,
});

describe('combineRounds', () => {
  it('compares the median round and shows its window', () => {
    const r = combineRounds([round(9), round(7), round(8)]) as StreamResult;
    expect(r.proxyCpuUsPerEvent).toBe(8);
    expect(r.proxyCpuPct).toBe(80);
    expect(r.roundsCpuUsPerEvent).toEqual([9, 7, 8]);
  });

  it('takes the mean of the two middle rounds for an even count', () => {
    expect((combineRounds([round(9), round(7), round(8), round(10)]) as StreamResult).proxyCpuUsPerEvent).toBe(8.5);
  });

  it('never hides a round with gaps or lost clients behind a clean median', () => {
    const r = combineRounds([round(8), round(9, { gaps: 3, missing: 3, connected: 998, disconnected: 2 }), round(7)]) as StreamResult;
    expect(r.gaps).toBe(3);
    expect(r.disconnected).toBe(2);
    expect(r.connected).toBe(998);
  });

  it('says when a round did not run', () => {
    const r = combineRounds([round(8), { kind: 'skipped', target: 'nginx', reason: 'failed: boom' }]) as StreamResult;
    expect(r.notes.join('\n')).toMatch(/1 of 2 rounds did not run: failed: boom/);
  });
});
