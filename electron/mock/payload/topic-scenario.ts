import type { MockConfig, MockMessage, MockScenario } from '../../../shared/model/mock.ts';
import type { Scenario, ScenarioEvent } from '../scenario.ts';
import { seededRandom } from '../random.ts';
import { sampleFromSchema } from './schema-sample.ts';
import { STOCK_SYMBOLS, stockTicker } from '../scenarios/stock-ticker.ts';
import { clock, counter } from '../scenarios/counter.ts';
import { recordedScenario } from '../scenarios/recorded.ts';

/**
 * The scenario of one API topic at one concrete path: its `x-mock` block, its messages and the
 * path parameters (`/prices/{symbol}` asked as /prices/ACME gives `{ symbol: 'ACME' }`).
 *  - examples: the messages' examples in turn (strings as they are, other values as JSON);
 *  - schema: a payload generated from the message schema, different per event but reproducible,
 *    with top-level properties named like path parameters set to the parameter's value;
 *  - stock-ticker / counter / clock: the built-in ones (the ticker follows a `symbol` parameter);
 *  - recorded: a stream saved by `sse-studio record` (x-mock `file`, `timing`).
 * Event names: x-mock `event`, else the message name, else the built-in scenario's own.
 */
export interface TopicScenarioInput {
  config: MockConfig;
  messages: readonly MockMessage[];
  params: Record<string, string>;
  /** Seeds generated payloads (e.g. from the stream's path) so each stream is reproducible. */
  seed: number;
}

/** Steady rate of `examples` and `schema` streams when x-mock does not set one. */
export const DEFAULT_MESSAGE_RATE = 1;

export function scenarioName(config: MockConfig, messages: readonly MockMessage[]): MockScenario {
  if (config.scenario) return config.scenario;
  if (messages.some((m) => m.examples?.length)) return 'examples';
  if (messages.some((m) => m.payloadSchema !== undefined)) return 'schema';
  return 'counter';
}

export function topicScenario({ config, messages, params, seed }: TopicScenarioInput): Scenario {
  const name = scenarioName(config, messages);
  const base = name === 'recorded' ? recordedScenario(config) : baseScenario(name, messages, params, seed);
  const event = config.event;
  if (event === undefined) return base;
  return { ...base, next: (seq, now) => ({ ...base.next(seq, now), event }) };
}

function baseScenario(name: Exclude<MockScenario, 'recorded'>, messages: readonly MockMessage[], params: Record<string, string>, seed: number): Scenario {
  switch (name) {
    case 'examples': {
      const list: ScenarioEvent[] = messages.flatMap((m) => (m.examples ?? []).map((example) => withEvent(m.eventName, toData(example))));
      if (!list.length) return counter();
      return { rate: DEFAULT_MESSAGE_RATE, next: (seq) => list[(seq - 1) % list.length] as ScenarioEvent };
    }
    case 'schema': {
      const list = messages.filter((m) => m.payloadSchema !== undefined);
      if (!list.length) return counter();
      return {
        rate: DEFAULT_MESSAGE_RATE,
        next(seq, now) {
          const m = list[(seq - 1) % list.length] as MockMessage;
          const value = sampleFromSchema(m.payloadSchema, { random: seededRandom(seed ^ Math.imul(seq, 0x9e3779b1)), now, refs: m.schemaRefs ?? {}, overrides: params });
          return withEvent(m.eventName, toData(value));
        },
      };
    }
    case 'stock-ticker': {
      const values = Object.values(params);
      const symbol = params.symbol ?? (values.length === 1 ? values[0] : undefined);
      return stockTicker(seed, symbol ? [symbol] : STOCK_SYMBOLS);
    }
    case 'counter':
      return counter();
    case 'clock':
      return clock();
  }
}

function withEvent(event: string | undefined, data: string): ScenarioEvent {
  return event === undefined ? { data } : { event, data };
}

/** Text payloads go out as they are; anything else as JSON. */
export function toData(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
}
