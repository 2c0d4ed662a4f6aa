import { describe, expect, it } from 'vitest';
import { scenarioName, topicScenario } from './topic-scenario.ts';

const NOW = Date.UTC(2025, 0, 1);
const run = (input: Parameters<typeof topicScenario>[0], n: number) => {
  const s = topicScenario(input);
  return Array.from({ length: n }, (_, i) => s.next(i + 1, NOW));
};

describe('scenarioName', () => {
  it('x-mock wins; else examples, else a schema, else the counter', () => {
    expect(scenarioName({ scenario: 'clock' }, [{ examples: [1] }])).toBe('clock');
    expect(scenarioName({}, [{ payloadSchema: {} }, { examples: [1] }])).toBe('examples');
    expect(scenarioName({}, [{ payloadSchema: { type: 'string' } }])).toBe('schema');
    expect(scenarioName({}, [{ eventName: 'x' }])).toBe('counter');
  });
});

describe('topicScenario', () => {
  it('examples: in turn, across messages, with each message name; text as is, values as JSON', () => {
    const events = run({ config: {}, messages: [{ eventName: 'a', examples: [{ n: 1 }, 'plain'] }, { examples: [[true]] }], params: {}, seed: 1 }, 4);
    expect(events).toEqual([{ event: 'a', data: '{"n":1}' }, { event: 'a', data: 'plain' }, { data: '[true]' }, { event: 'a', data: '{"n":1}' }]);
  });

  it('x-mock event renames every event', () => {
    expect(run({ config: { event: 'update' }, messages: [{ eventName: 'a', examples: [1] }], params: {}, seed: 1 }, 1)).toEqual([{ event: 'update', data: '1' }]);
  });

  it('schema: generated per event (reproducible), path parameters fill same-named properties', () => {
    const input = { config: { scenario: 'schema' as const }, messages: [{ eventName: 'price', payloadSchema: { type: 'object', required: ['symbol', 'price'], properties: { symbol: { type: 'string' }, price: { type: 'number', minimum: 1, maximum: 1000 } } } }], params: { symbol: 'INITECH' }, seed: 9 };
    const events = run(input, 5);
    expect(run(input, 5)).toEqual(events);
    for (const e of events) expect(JSON.parse(e.data)).toMatchObject({ symbol: 'INITECH', price: expect.any(Number) });
    expect(new Set(events.map((e) => e.data)).size).toBeGreaterThan(1);
  });

  it('stock-ticker follows a {symbol} parameter; counter and clock are the built-ins', () => {
    expect(run({ config: { scenario: 'stock-ticker' }, messages: [], params: { symbol: 'ZED' }, seed: 1 }, 3).map((e) => JSON.parse(e.data).symbol)).toEqual(['ZED', 'ZED', 'ZED']);
    expect(run({ config: { scenario: 'stock-ticker' }, messages: [], params: {}, seed: 1 }, 4).map((e) => e.key)).toEqual(['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA']);
    expect(run({ config: {}, messages: [], params: {}, seed: 1 }, 2)).toEqual([{ event: 'count', data: '1' }, { event: 'count', data: '2' }]);
    expect(run({ config: { scenario: 'clock' }, messages: [], params: {}, seed: 1 }, 1)).toEqual([{ event: 'tick', data: '2025-01-01T00:00:00.000Z' }]);
  });

  it('default rates: 1/s for messages, the built-in rate otherwise', () => {
    expect(topicScenario({ config: {}, messages: [{ examples: [1] }], params: {}, seed: 1 }).rate).toBe(1);
    expect(topicScenario({ config: {}, messages: [], params: {}, seed: 1 }).rate).toBe(5);
  });
});
