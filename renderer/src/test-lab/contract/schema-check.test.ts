import { describe, expect, it } from 'vitest';
import { checkSchema } from './schema-check.ts';

const PRICE = {
  type: 'object',
  required: ['symbol', 'price', 'change', 'time'],
  properties: { symbol: { type: 'string', minLength: 1 }, price: { type: 'number', minimum: 0 }, change: { type: 'number' }, time: { type: 'string', format: 'date-time' } },
};
const messages = (value: unknown, schema: unknown, refs?: Record<string, unknown>) => checkSchema(value, schema, refs ? { refs } : {}).map((i) => `${i.path}: ${i.message}`);

describe('checkSchema', () => {
  it('accepts a payload that fits', () => {
    expect(messages({ symbol: 'ACME', price: 101.25, change: -0.5, time: '2024-01-02T03:04:05.678Z' }, PRICE)).toEqual([]);
  });

  it('names missing properties and wrong types by path', () => {
    expect(messages({ symbol: 'ACME', price: '12', change: 0 }, PRICE)).toEqual(['payload: missing required property "time"', 'payload.price: expected number, got string "12"']);
  });

  it('checks bounds, lengths, patterns and formats', () => {
    expect(messages({ symbol: '', price: -1, change: 0, time: 'yesterday' }, PRICE)).toEqual([
      'payload.symbol: must be at least 1 characters, got 0',
      'payload.price: must be >= 0, got -1',
      'payload.time: must be a date-time, got string "yesterday"',
    ]);
    expect(messages('ab1', { type: 'string', pattern: '^[a-z]+$' })).toEqual(['payload: must match ^[a-z]+$, got string "ab1"']);
    expect(messages(5, { exclusiveMaximum: 5 })).toEqual(['payload: must be < 5, got 5']);
    expect(messages(5, { maximum: 5, exclusiveMaximum: true })).toEqual(['payload: must be < 5, got 5']);
    expect(messages(0.3, { multipleOf: 0.1 })).toEqual([]);
  });

  it('tells integers from numbers and honours nullable', () => {
    expect(messages(1.5, { type: 'integer' })).toEqual(['payload: expected integer, got number 1.5']);
    expect(messages(null, { type: 'string', nullable: true })).toEqual([]);
    expect(messages(null, { type: ['string', 'null'] })).toEqual([]);
  });

  it('checks enums, const and additionalProperties: false', () => {
    expect(messages('UP', { enum: ['up', 'down'] })).toEqual(['payload: must be one of "up", "down", got string "UP"']);
    expect(messages({ a: 1, b: { c: 2 } }, { const: { b: { c: 2 }, a: 1 } })).toEqual([]);
    expect(messages({ a: 1, extra: true }, { properties: { a: {} }, additionalProperties: false })).toEqual(['payload: unexpected property "extra" (additionalProperties: false)']);
  });

  it('checks arrays: items, tuples, sizes and uniqueness', () => {
    expect(messages([1, 'x', 3], { type: 'array', items: { type: 'number' } })).toEqual(['payload[1]: expected number, got string "x"']);
    expect(messages(['a', 1], { prefixItems: [{ type: 'string' }, { type: 'string' }] })).toEqual(['payload[1]: expected string, got integer 1']);
    expect(messages([1, 1], { minItems: 3, uniqueItems: true })).toEqual(['payload: must have at least 3 items, got 2', 'payload: items must be unique; integer 1 repeats']);
  });

  it('follows local $refs and combinators', () => {
    const refs = { '#/components/schemas/Price': PRICE };
    expect(messages({ symbol: 'A', price: 1, change: 0 }, { $ref: '#/components/schemas/Price' }, refs)).toEqual(['payload: missing required property "time"']);
    expect(messages(5, { anyOf: [{ type: 'string' }, { type: 'boolean' }] })[0]).toContain('fits none of the 2 allowed shapes (anyOf)');
    expect(messages(5, { oneOf: [{ type: 'number' }, { type: 'integer' }] })).toEqual(['payload: fits 2 of the oneOf shapes; exactly one must fit']);
    expect(messages(5, { allOf: [{ type: 'number' }, { minimum: 6 }] })).toEqual(['payload: must be >= 6, got 5']);
    expect(messages('x', { not: { type: 'string' } })).toEqual(['payload: matches a shape it must not (not)']);
  });

  it('ignores what it does not know, and unknown refs', () => {
    expect(messages({ a: 1 }, { $ref: '#/nowhere', if: { type: 'object' }, then: false, 'x-anything': 1 })).toEqual([]);
    expect(messages('x', { pattern: '(?<bad' })).toEqual([]);
  });

  it('stops at the issue limit', () => {
    const schema = { type: 'object', required: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] };
    expect(checkSchema({}, schema, { maxIssues: 3 })).toHaveLength(3);
  });
});
