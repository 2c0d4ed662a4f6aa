import type { MockScenario } from '../../shared/model/mock.ts';
import { STOCK_SYMBOLS } from './scenarios/stock-ticker.ts';

/**
 * Which concrete paths of a parameterised topic the mock serves, so that a client cannot choose
 * the mock's memory through the path (`/prices/<15 kB of junk>?rate=1000`, a thousand times):
 *  - a parameter with finite values (an `enum` in the document; for the stock-ticker scenario,
 *    its symbols) accepts only those: anything else is a 404 that lists them;
 *  - any value is at most MAX_PARAM_CHARS long;
 *  - only scenarios whose events depend on the parameters (schema payloads, the ticker's symbol)
 *    get a stream per concrete path; the others share one stream per topic.
 */
export const MAX_PARAM_CHARS = 128;

export function paramRefusal(topicPath: string, params: Record<string, string>, scenario: MockScenario, enums: Record<string, string[]> = {}): string | undefined {
  const names = Object.keys(params);
  for (const [name, value] of Object.entries(params)) {
    if (value.length > MAX_PARAM_CHARS) return `The mock's ${topicPath} takes ${name} values of at most ${MAX_PARAM_CHARS} characters (got ${value.length}).`;
    const allowed: readonly string[] | undefined = enums[name] ?? (scenario === 'stock-ticker' && (name === 'symbol' || names.length === 1) ? STOCK_SYMBOLS : undefined);
    if (allowed && !allowed.includes(value)) return `The mock's ${topicPath} has no ${name} "${value}": it serves ${allowed.join(', ')}.`;
  }
  return undefined;
}

/** Whether two paths of the topic need their own streams (their events differ). */
export function streamPerPath(params: Record<string, string>, scenario: MockScenario): boolean {
  return Object.keys(params).length > 0 && (scenario === 'schema' || scenario === 'stock-ticker');
}
