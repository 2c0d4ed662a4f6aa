import { describe, expect, it } from 'vitest';
import { tickPlan } from './schedule.ts';

describe('tickPlan', () => {
  it('a steady rate is one event per 1000/rate ms', () => {
    expect(tickPlan(5, undefined)).toEqual({ everyMs: 200, events: 1 });
    expect(tickPlan(0.1, undefined)).toEqual({ everyMs: 10_000, events: 1 });
    expect(tickPlan(1000, undefined)).toEqual({ everyMs: 1, events: 1 });
  });
  it('a burst is N events every T ms, whatever the rate', () => {
    expect(tickPlan(5, { events: 10, everyMs: 2000 })).toEqual({ everyMs: 2000, events: 10 });
  });
});
