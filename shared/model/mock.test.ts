import { describe, expect, it } from 'vitest';
import { describeFaultPlan, isEmptyPlan, mergeFaultPlans } from './mock.ts';

describe('plans as people read them', () => {
  it('describes each fault in a line', () => {
    expect(describeFaultPlan({ drop: { afterEvents: 3, everyMs: 1000, probability: 0.1 }, stall: {}, latency: { ms: 5, jitterMs: 2 }, bandwidth: { bytesPerSecond: 10 }, status: { code: 503 }, contentType: 'text/plain', malform: { kinds: ['bom'], everyEvents: 2 } })).toEqual([
      'drop after 3 events',
      'drop every 1000 ms',
      'drop with p=0.1 per event',
      'stall until cleared',
      'latency 5 ms ± 2 ms',
      'bandwidth 10 B/s',
      'status 503',
      'content-type text/plain',
      'malformed: bom every 2 events',
    ]);
  });

  it('merges key by key, later plans winning', () => {
    expect(mergeFaultPlans([{ latency: { ms: 10 }, drop: { afterEvents: 1 } }, { drop: { everyMs: 100 } }])).toEqual({ latency: { ms: 10 }, drop: { everyMs: 100 } });
  });

  it('a plan with no faults is empty', () => {
    expect(isEmptyPlan({})).toBe(true);
    expect(isEmptyPlan({ latency: undefined })).toBe(true);
    expect(isEmptyPlan({ stall: {} })).toBe(false);
  });
});
