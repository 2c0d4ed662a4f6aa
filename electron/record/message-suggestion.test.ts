import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { suggestMessages, suggestionYaml } from './message-suggestion.ts';

describe('message suggestions from a recording', () => {
  const events = [
    { atMs: 0, event: 'price', data: '{"symbol":"ACME","price":12.5}' },
    { atMs: 10, event: 'price', data: '{"symbol":"ACME","price":12.5}' },
    { atMs: 20, event: 'price', data: '{"symbol":"GLOBEX","price":3,"halted":true}' },
    { atMs: 30, event: 'note', data: 'plain text is skipped' },
    { atMs: 40, data: '[1, 2]' },
  ];

  it('per event name: distinct examples and a schema inferred from every sample', () => {
    const [price, message] = suggestMessages(events);
    expect(price).toMatchObject({ name: 'price', samples: 3, examples: [{ symbol: 'ACME', price: 12.5 }, { symbol: 'GLOBEX', price: 3, halted: true }] });
    expect(price?.payload).toEqual({
      type: 'object',
      properties: { symbol: { type: 'string' }, price: { type: 'number' }, halted: { type: 'boolean' } },
      required: ['symbol', 'price'],
    });
    expect(message).toMatchObject({ name: 'message', samples: 1 });
  });

  it('prints AsyncAPI messages with payload and examples', () => {
    const doc = parse(suggestionYaml(suggestMessages(events))) as { messages: Record<string, { name: string; examples: Array<{ payload: unknown }> }> };
    expect(Object.keys(doc.messages)).toEqual(['price', 'message']);
    expect(doc.messages.price?.examples[0]).toEqual({ payload: { symbol: 'ACME', price: 12.5 } });
  });
});
