import { describe, expect, it } from 'vitest';
import { MAX_PARAM_CHARS, paramRefusal, streamPerPath } from './mock-path-values.ts';

describe('paramRefusal', () => {
  it("the stock ticker serves its own symbols only", () => {
    expect(paramRefusal('/prices/{symbol}', { symbol: 'ACME' }, 'stock-ticker')).toBeUndefined();
    expect(paramRefusal('/prices/{symbol}', { symbol: 'NOPE' }, 'stock-ticker')).toBe("The mock's /prices/{symbol} has no symbol \"NOPE\": it serves ACME, GLOBEX, INITECH, UMBRELLA.");
    expect(paramRefusal('/quotes/{ticker}', { ticker: 'NOPE' }, 'stock-ticker')).toMatch(/has no ticker "NOPE"/);
  });

  it("a parameter's enum from the document wins, for any scenario", () => {
    expect(paramRefusal('/r/{region}', { region: 'eu' }, 'schema', { region: ['eu', 'us'] })).toBeUndefined();
    expect(paramRefusal('/r/{region}', { region: 'mars' }, 'schema', { region: ['eu', 'us'] })).toMatch(/has no region "mars": it serves eu, us/);
    expect(paramRefusal('/prices/{symbol}', { symbol: 'TSLA' }, 'stock-ticker', { symbol: ['TSLA'] })).toBeUndefined();
  });

  it('refuses values longer than the limit even where any value goes', () => {
    expect(paramRefusal('/n/{id}', { id: 'x'.repeat(MAX_PARAM_CHARS) }, 'schema')).toBeUndefined();
    expect(paramRefusal('/n/{id}', { id: 'x'.repeat(15_000) }, 'schema')).toMatch(/at most 128 characters \(got 15000\)/);
  });
});

describe('streamPerPath', () => {
  it('only scenarios whose events follow the parameters get a stream per path', () => {
    expect(streamPerPath({ symbol: 'ACME' }, 'stock-ticker')).toBe(true);
    expect(streamPerPath({ id: '1' }, 'schema')).toBe(true);
    expect(streamPerPath({ id: '1' }, 'examples')).toBe(false);
    expect(streamPerPath({}, 'schema')).toBe(false);
  });
});
