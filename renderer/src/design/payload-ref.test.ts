import { describe, expect, it } from 'vitest';
import { applyEdit, type DesignEdit } from './design-edits.ts';
import { resolvedSchemaText } from './payload-ref.ts';
import { readDesign } from './read-design.ts';

const DOC = `asyncapi: 3.0.0
info: { title: Prices, version: 1.0.0 }
x-context: /prices
servers: { backend: { host: "127.0.0.1:8080", protocol: sse } }
channels:
  prices:
    address: /prices
    messages:
      price:
        name: price
        payload:
          $ref: ./schemas.json#/Price
  quotes:
    address: /quotes
    messages:
      quote:
        name: quote
        payload:
          $ref: '#/components/schemas/Quote'
  plain:
    address: /plain
    messages:
      tick: { name: tick, payload: { type: string } }
  trades:
    address: /trades
    messages:
      trade:
        $ref: ./messages.yaml#/Trade
components:
  schemas:
    Quote:
      $ref: ./schemas.json#/Quote
operations:
  sendPrices: { action: send, channel: { $ref: '#/channels/prices' } }
  sendQuotes: { action: send, channel: { $ref: '#/channels/quotes' } }
  sendPlain: { action: send, channel: { $ref: '#/channels/plain' } }
  sendTrades: { action: send, channel: { $ref: '#/channels/trades' } }
`;

const model = (text: string) => {
  const reading = readDesign(text);
  if (!reading.ok) throw new Error(reading.problem.message);
  return reading.model;
};

describe('a payload schema in another file, in the Design forms', () => {
  it('is read as a reference with where it comes from, also through a local $ref', () => {
    const [prices, quotes, plain] = model(DOC).topics;
    expect(prices?.message.payloadRef).toBe('./schemas.json#/Price');
    expect(quotes?.message.payloadRef).toBe('./schemas.json#/Quote');
    expect(plain?.message.payloadRef).toBeUndefined();
  });

  it('reads a whole message in another file as a reference too, and an edit elsewhere adds no message beside it', () => {
    const trades = model(DOC).topics[3];
    expect(trades?.message).toMatchObject({ at: null, ref: { source: './messages.yaml#/Trade', at: ['channels', 'trades', 'messages', 'trade'] } });
    const text = applyEdit(applyEdit(DOC, 'yaml', { kind: 'topicDescription', key: 'trades', value: 'Fills' }), 'yaml', { kind: 'mock', key: 'trades', setting: ['rate'], value: 2 });
    expect(text).toContain('    messages:\n      trade:\n        $ref: ./messages.yaml#/Trade\n');
    expect(model(text).topics[3]?.message.ref?.source).toBe('./messages.yaml#/Trade');
  });

  it('keeps the `$ref: ./schemas.json#/Price` text when the other fields of its topic and API are edited', () => {
    const edits: DesignEdit[] = [
      { kind: 'messageName', key: 'prices', value: 'price-update' },
      { kind: 'examples', key: 'prices', value: [{ symbol: 'ACME', price: 1 }] },
      { kind: 'topicDescription', key: 'prices', value: 'Last trade prices' },
      { kind: 'backendPath', key: 'prices', value: '/v1/prices' },
      { kind: 'mock', key: 'prices', setting: ['rate'], value: 5 },
      { kind: 'topicPath', key: 'prices', path: '/prices/{symbol}' },
      { kind: 'name', value: 'Price Feed' },
      { kind: 'messageName', key: 'quotes', value: 'bid-ask' },
    ];
    const text = edits.reduce((t, e) => applyEdit(t, 'yaml', e), DOC);
    expect(text).toContain('        payload:\n          $ref: ./schemas.json#/Price\n');
    expect(text).toContain("          $ref: '#/components/schemas/Quote'\n");
    expect(text).toContain('    Quote:\n      $ref: ./schemas.json#/Quote\n');
    const [prices, quotes] = model(text).topics;
    expect(prices?.message).toMatchObject({ name: 'price-update', payloadRef: './schemas.json#/Price' });
    expect(quotes?.message).toMatchObject({ name: 'bid-ask', payloadRef: './schemas.json#/Quote' });
  });

  it('shows the schema from the host\'s resolved document at the message\'s place', () => {
    const at = model(DOC).topics[0]?.message.at ?? null;
    const resolved = { channels: { prices: { messages: { price: { payload: { type: 'object', required: ['price'] } } } } } };
    expect(JSON.parse(resolvedSchemaText(resolved, at ? [...at, 'payload'] : null))).toEqual({ type: 'object', required: ['price'] });
    expect(resolvedSchemaText(resolved, null)).toBe('');
    expect(resolvedSchemaText({ components: { schemas: { P: { type: 'number' } } }, x: { $ref: '#/components/schemas/P' } }, ['x'])).toBe('{\n  "type": "number"\n}');
  });
});
