import { describe, expect, it } from 'vitest';
import { validateFaultAction, validateFaultPlan, validateFaultScope, validateMockConfig } from './mock-validate.ts';

describe('validateMockConfig (x-mock)', () => {
  it('reads every documented key', () => {
    const raw = { scenario: 'schema', rate: 2.5, event: 'price', ids: 'uuid', retryMs: 1500, backlog: 20, resume: false, faults: { drop: { afterEvents: 3 } } };
    expect(validateMockConfig(raw)).toEqual({ value: raw, problems: [] });
    expect(validateMockConfig({ burst: { events: 10, everyMs: 2000 } }).value).toEqual({ burst: { events: 10, everyMs: 2000 } });
    expect(validateMockConfig({})).toEqual({ value: {}, problems: [] });
  });

  it('names each wrong value by its path and says what fits', () => {
    const { problems } = validateMockConfig({ scenario: 'random', rate: 5000, burst: { events: 0 }, event: 'a\nb', ids: 'int', retryMs: -1, backlog: 1.5, resume: 'yes', faults: { drop: { probability: 2 } }, speed: 1 });
    const byPath = Object.fromEntries(problems.map((p) => [p.path.join('.'), p.message]));
    expect(Object.keys(byPath).sort()).toEqual(['backlog', 'burst.events', 'burst.everyMs', 'event', 'faults.drop.probability', 'ids', 'rate', 'resume', 'retryMs', 'scenario', 'speed'].sort());
    expect(byPath.scenario).toMatch(/examples, schema, stock-ticker, counter, clock/);
    expect(byPath.rate).toMatch(/0\.1 to 1000/);
    expect(byPath.speed).toMatch(/Unknown x-mock setting "speed"/);
  });

  it('refuses a block that is not a mapping', () => {
    expect(validateMockConfig('fast').problems).toEqual([{ path: [], message: expect.stringMatching(/must be a mapping/) }]);
  });
});

describe('validateFaultPlan', () => {
  it('accepts every fault', () => {
    const plan = {
      drop: { afterEvents: 0, everyMs: 5000, probability: 0.25 },
      stall: { afterEvents: 2, ms: 1000 },
      latency: { ms: 100, jitterMs: 20 },
      bandwidth: { bytesPerSecond: 2048 },
      status: { code: 503, body: 'maintenance' },
      contentType: 'application/json',
      malform: { kinds: ['cr-line-ends', 'bom'], everyEvents: 3 },
    };
    expect(validateFaultPlan(plan)).toEqual({ value: plan, problems: [] });
  });

  it('a stall without ms lasts until cleared; latency without jitter; malform every event', () => {
    expect(validateFaultPlan({ stall: {}, latency: { ms: 50 }, malform: { kinds: ['invalid-utf8'] } }).value).toEqual({ stall: {}, latency: { ms: 50 }, malform: { kinds: ['invalid-utf8'] } });
  });

  it.each([
    [{ drop: {} }, 'drop', /afterEvents, everyMs or probability/],
    [{ drop: { afterEvents: -1 } }, 'drop.afterEvents', /0 \(at once\) or more/],
    [{ drop: { everyMs: 0 } }, 'drop.everyMs', /milliseconds/],
    [{ drop: { probability: 1.5 } }, 'drop.probability', /0 to 1/],
    [{ stall: { ms: 0 } }, 'stall.ms', /until cleared/],
    [{ latency: {} }, 'latency.ms', /milliseconds/],
    [{ bandwidth: { bytesPerSecond: 0 } }, 'bandwidth.bytesPerSecond', /whole number/],
    [{ status: { code: 99 } }, 'status.code', /204, 500 or 503/],
    [{ status: { code: 500, body: 7 } }, 'status.body', /text/],
    [{ contentType: 'a\nb' }, 'contentType', /one line/],
    [{ malform: { kinds: ['typo'] } }, 'malform.kinds', /bogus-retry/],
    [{ malform: { kinds: ['bom'], everyEvents: 0 } }, 'malform.everyEvents', /1 \(every event\)/],
    [{ explode: true }, 'explode', /Unknown fault "explode"/],
    [{ drop: 3 }, 'drop', /must be a mapping/],
  ])('%j is refused at %s', (raw, path, message) => {
    const { problems } = validateFaultPlan(raw);
    expect(problems.map((p) => p.path.join('.'))).toContain(path);
    expect(problems.find((p) => p.path.join('.') === path)?.message).toMatch(message);
  });
});

describe('scopes and actions', () => {
  it('a scope names an API, a topic, both or nothing (all)', () => {
    expect(validateFaultScope(undefined)).toEqual({ value: {}, problems: [] });
    expect(validateFaultScope({ apiId: 'a.yaml', topic: '/prices' }).value).toEqual({ apiId: 'a.yaml', topic: '/prices' });
    expect(validateFaultScope({ apiId: '' }).problems[0]?.path).toEqual(['apiId']);
    expect(validateFaultScope({ api: 'x' }).problems[0]?.message).toMatch(/Unknown scope key "api"/);
  });

  it('actions: drop, stall (with or without ms), restart with a down time', () => {
    expect(validateFaultAction({ type: 'drop' }).value).toEqual({ type: 'drop' });
    expect(validateFaultAction({ type: 'stall' }).value).toEqual({ type: 'stall' });
    expect(validateFaultAction({ type: 'stall', ms: 500 }).value).toEqual({ type: 'stall', ms: 500 });
    expect(validateFaultAction({ type: 'restart', downMs: 2000 }).value).toEqual({ type: 'restart', downMs: 2000 });
    expect(validateFaultAction({ type: 'restart' }).problems[0]?.path).toEqual(['downMs']);
    expect(validateFaultAction({ type: 'explode' }).problems[0]?.message).toMatch(/drop, stall or restart/);
  });
});
