import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { sampleFromSchema, type SampleOptions } from './schema-sample.ts';
import { seededRandom } from '../random.ts';

// An independent validator decides whether the generated values really fit their schemas.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);
const options = (seed: number, extra: Partial<SampleOptions> = {}): SampleOptions => ({ random: seededRandom(seed), now: NOW, ...extra });

/** The schema with its refs put back where their pointers say, so ajv can resolve them. */
function rooted(schema: Record<string, unknown>, refs: Record<string, unknown> = {}): Record<string, unknown> {
  const root: Record<string, unknown> = { ...schema };
  for (const [pointer, target] of Object.entries(refs)) {
    const path = pointer.slice(2).split('/');
    let node = root;
    for (const segment of path.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
    node[path.at(-1) as string] = target;
  }
  return root;
}

const PRICE = {
  type: 'object',
  required: ['symbol', 'price', 'time'],
  properties: {
    symbol: { type: 'string', examples: ['ACME'] },
    price: { type: 'number', examples: [101.25] },
    change: { type: 'number' },
    time: { type: 'string', format: 'date-time' },
  },
};

const CASES: Array<[string, Record<string, unknown>, Record<string, unknown>?]> = [
  ['the stock-ticker Price', PRICE],
  ['strings with formats and lengths', { type: 'object', required: ['id', 'mail', 'day', 'at', 'site', 'host', 'ip', 'code'], properties: { id: { type: 'string', format: 'uuid' }, mail: { type: 'string', format: 'email' }, day: { type: 'string', format: 'date' }, at: { type: 'string', format: 'time' }, site: { type: 'string', format: 'uri' }, host: { type: 'string', format: 'hostname' }, ip: { type: 'string', format: 'ipv4' }, code: { type: 'string', minLength: 12, maxLength: 14 } } }],
  ['numbers in bounds, exclusive bounds, multipleOf', { type: 'object', required: ['a', 'b', 'c', 'd', 'e'], properties: { a: { type: 'integer', minimum: 5, maximum: 7 }, b: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, c: { type: 'integer', multipleOf: 5, minimum: 1, maximum: 30 }, d: { type: 'number', maximum: -100 }, e: { type: 'integer', minimum: 1000000 } } }],
  ['enum, const, boolean, null, type lists', { type: 'object', required: ['s', 'k', 'f', 'n', 'm'], properties: { s: { enum: ['up', 'down'] }, k: { const: 42 }, f: { type: 'boolean' }, n: { type: 'null' }, m: { type: ['null', 'integer'], minimum: 3, maximum: 3 } } }],
  ['arrays: items, bounds, tuples', { type: 'object', required: ['list', 'pair', 'many'], properties: { list: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 4 }, pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false }, many: { type: 'array', items: { type: 'string' }, minItems: 5 } } }],
  ['allOf merged, oneOf and anyOf branches', { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, { required: ['b'], properties: { b: { oneOf: [{ type: 'integer', minimum: 10, maximum: 10 }, { type: 'string', const: 'x' }] } } }, { properties: { c: { anyOf: [{ type: 'boolean' }] } } }] }],
  ['nested objects several levels deep', { type: 'object', required: ['a'], properties: { a: { type: 'object', required: ['b'], properties: { b: { type: 'object', required: ['c'], properties: { c: { type: 'object', required: ['d'], properties: { d: { type: 'string' }, opt: { type: 'string' } } } } } } } } }],
  ['$refs into components, recursive ones included', { $ref: '#/components/schemas/Node' }, { '#/components/schemas/Node': { type: 'object', required: ['name'], properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/Node' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } }],
];

describe('sampleFromSchema', () => {
  it.each(CASES)('%s: 50 seeds, every value valid', (_name, schema, refs) => {
    const validate = ajv.compile(rooted(schema, refs));
    for (let seed = 1; seed <= 50; seed++) {
      const value = sampleFromSchema(schema, options(seed, refs ? { refs } : {}));
      expect(validate(value), `${JSON.stringify(value)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('is deterministic: the same seed gives the same value, another seed another one', () => {
    const a = sampleFromSchema(PRICE, options(7));
    expect(sampleFromSchema(PRICE, options(7))).toEqual(a);
    const others = Array.from({ length: 10 }, (_, i) => JSON.stringify(sampleFromSchema(PRICE, options(100 + i))));
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('uses examples for text, stays near a numeric example, and the injected clock for date-time', () => {
    const value = sampleFromSchema(PRICE, options(3)) as { symbol: string; price: number; time: string };
    expect(value.symbol).toBe('ACME');
    expect(value.price).toBeGreaterThan(80);
    expect(value.price).toBeLessThan(120);
    expect(value.time).toBe('2025-01-02T03:04:05.000Z');
  });

  it('fills top-level properties named like path parameters, typed as the schema wants', () => {
    const schema = { type: 'object', properties: { symbol: { type: 'string' }, shard: { type: 'integer' }, price: { type: 'number' } } };
    expect(sampleFromSchema(schema, options(1, { overrides: { symbol: 'GLOBEX', shard: '3' } }))).toMatchObject({ symbol: 'GLOBEX', shard: 3 });
  });

  it('ends on recursive schemas and leaves optional properties out when deep', () => {
    const refs = { '#/components/schemas/Node': { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } };
    const value = sampleFromSchema({ $ref: '#/components/schemas/Node' }, options(1, { refs }));
    expect(JSON.stringify(value)).toBe('{"next":{"next":{"next":{}}}}');
  });

  it('an unknown $ref, `true` or an empty schema give null rather than failing', () => {
    expect(sampleFromSchema({ $ref: '#/nowhere' }, options(1))).toBeNull();
    expect(sampleFromSchema(true, options(1))).toBeNull();
    expect(sampleFromSchema({}, options(1))).toBeNull();
  });
});
