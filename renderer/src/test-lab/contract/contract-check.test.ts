import { describe, expect, it } from 'vitest';
import type { MockMessage } from '../../../../shared/model/mock.ts';
import { createEventCheck } from './contract-check.ts';

const price: MockMessage = {
  eventName: 'price',
  payloadSchema: { $ref: '#/components/schemas/Price' },
  schemaRefs: { '#/components/schemas/Price': { type: 'object', required: ['symbol', 'price'], properties: { symbol: { type: 'string' }, price: { type: 'number' } } } },
};

describe('contract check', () => {
  const check = createEventCheck([price], '/prices');

  it('passes an event that fits its message', () => {
    expect(check?.({ type: 'price', data: '{"symbol":"ACME","price":1}' })).toBeUndefined();
  });

  it('flags an event name the topic does not have', () => {
    expect(check?.({ type: 'tick', data: '{}' })).toEqual(['event "tick" is not a message of /prices (expected "price")']);
    expect(check?.({ type: 'message', data: '{}' })?.[0]).toContain('event "message"');
  });

  it('flags a payload that breaks the schema, and data that is not JSON', () => {
    expect(check?.({ type: 'price', data: '{"symbol":"ACME","price":"1"}' })).toEqual(['payload.price: expected number, got string "1"']);
    expect(check?.({ type: 'price', data: '{"symbol":' })).toEqual(['data is not JSON (expected object, got string "{\\"symbol\\":")']);
    expect(check?.({ type: 'price', data: 'hello' })).toEqual(['data is not JSON (expected object, got string "hello")']);
  });

  it('reads plain strings as string payloads', () => {
    const text = createEventCheck([{ eventName: 'tick', payloadSchema: { type: 'string', format: 'date-time' } }], '/clock');
    expect(text?.({ type: 'tick', data: '2024-01-02T03:04:05.000Z' })).toBeUndefined();
    expect(text?.({ type: 'tick', data: 'soon' })).toEqual(['payload: must be a date-time, got string "soon"']);
  });

  it('accepts an event that fits any of several messages with its name', () => {
    const either = createEventCheck(
      [
        { eventName: 'm', payloadSchema: { type: 'number' } },
        { eventName: 'm', payloadSchema: { type: 'boolean' } },
      ],
      '/x',
    );
    expect(either?.({ type: 'm', data: '5' })).toBeUndefined();
    expect(either?.({ type: 'm', data: 'true' })).toBeUndefined();
    expect(either?.({ type: 'm', data: '"x"' })).toEqual(['payload: expected number, got string "x"']);
  });

  it('checks names only when messages have no payload, and nothing without messages', () => {
    const namesOnly = createEventCheck([{ eventName: 'count' }], '/counter');
    expect(namesOnly?.({ type: 'count', data: 'anything' })).toBeUndefined();
    expect(createEventCheck([], '/x')).toBeUndefined();
  });

  it('leaves the event name open for a message without one', () => {
    const unnamed = createEventCheck([{ payloadSchema: { type: 'object' } }], '/x');
    expect(unnamed?.({ type: 'anything', data: '{}' })).toBeUndefined();
    expect(unnamed?.({ type: 'anything', data: '[]' })).toEqual(['payload: expected object, got array of 0']);
  });

  it('takes a string payload as the data as sent, even when it looks like JSON', () => {
    const text = createEventCheck([{ eventName: 'event', payloadSchema: { type: 'string' } }], '/*');
    expect(text?.({ type: 'event', data: '{"symbol":"ACME"}' })).toBeUndefined();
    expect(text?.({ type: 'event', data: '42' })).toBeUndefined();
    expect(text?.({ type: 'price', data: '{}' })).toEqual(['event "price" is not a message of /* (expected "event")']);
  });
});
