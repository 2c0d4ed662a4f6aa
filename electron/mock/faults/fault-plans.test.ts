import { describe, expect, it } from 'vitest';
import { FaultPlans, scopeMatches, scopeWithin } from './fault-plans.ts';

const api = { apiId: 'stocks.yaml', topic: '/prices' };
const builtIn = { apiId: undefined, topic: '/counter' };

describe('scopes', () => {
  it('an empty scope is every stream; fields narrow it', () => {
    expect(scopeMatches({}, api)).toBe(true);
    expect(scopeMatches({}, builtIn)).toBe(true);
    expect(scopeMatches({ apiId: 'stocks.yaml' }, api)).toBe(true);
    expect(scopeMatches({ apiId: 'stocks.yaml' }, builtIn)).toBe(false);
    expect(scopeMatches({ topic: '/counter' }, builtIn)).toBe(true);
    expect(scopeMatches({ apiId: 'stocks.yaml', topic: '/news' }, api)).toBe(false);
  });
  it('within: the inner scope is at least as narrow', () => {
    expect(scopeWithin({ apiId: 'a', topic: '/x' }, {})).toBe(true);
    expect(scopeWithin({ apiId: 'a', topic: '/x' }, { apiId: 'a' })).toBe(true);
    expect(scopeWithin({ apiId: 'a' }, { apiId: 'a', topic: '/x' })).toBe(false);
  });
});

describe('FaultPlans', () => {
  it('merges a stream\'s document plan with live plans from the widest scope to the narrowest', () => {
    const plans = new FaultPlans();
    plans.setDocument('stocks.yaml', [{ topic: '/prices', plan: { latency: { ms: 10 }, drop: { afterEvents: 5 } } }]);
    plans.setLive({ apiId: 'stocks.yaml', topic: '/prices' }, { drop: { afterEvents: 1 } });
    plans.setLive({}, { drop: { everyMs: 1000 }, bandwidth: { bytesPerSecond: 10 } });
    expect(plans.planFor(api)).toEqual({ latency: { ms: 10 }, drop: { afterEvents: 1 }, bandwidth: { bytesPerSecond: 10 } });
    expect(plans.planFor(builtIn)).toEqual({ drop: { everyMs: 1000 }, bandwidth: { bytesPerSecond: 10 } });
  });

  it('one live plan per scope: setting again replaces it, an empty plan removes it', () => {
    const plans = new FaultPlans();
    plans.setLive({ topic: '/counter' }, { stall: {} });
    plans.setLive({ topic: '/counter' }, { latency: { ms: 5 } });
    expect(plans.planFor(builtIn)).toEqual({ latency: { ms: 5 } });
    plans.setLive({ topic: '/counter' }, {});
    expect(plans.list()).toEqual([]);
  });

  it('clear removes the plans inside the scope, document ones too, and counts them', () => {
    const plans = new FaultPlans();
    plans.setDocument('stocks.yaml', [{ topic: '/prices', plan: { stall: {} } }, { topic: '/news', plan: {} }]);
    plans.setLive({ apiId: 'stocks.yaml' }, { latency: { ms: 1 } });
    plans.setLive({ topic: '/counter' }, { latency: { ms: 2 } });
    const before = plans.version;
    expect(plans.clear({ apiId: 'stocks.yaml' })).toBe(2);
    expect(plans.version).toBeGreaterThan(before);
    expect(plans.list()).toEqual([{ scope: { topic: '/counter' }, plan: { latency: { ms: 2 } }, source: 'live' }]);
    expect(plans.clear({})).toBe(1);
  });

  it('lists document and live plans with their source', () => {
    const plans = new FaultPlans();
    plans.setDocument('a', [{ topic: '/x', plan: { drop: { afterEvents: 3 } } }]);
    plans.setLive({}, { latency: { ms: 9 } });
    expect(plans.list()).toEqual([
      { scope: { apiId: 'a', topic: '/x' }, plan: { drop: { afterEvents: 3 } }, source: 'document' },
      { scope: {}, plan: { latency: { ms: 9 } }, source: 'live' },
    ]);
    plans.removeDocument('a');
    expect(plans.list().map((e) => e.source)).toEqual(['live']);
  });
});
