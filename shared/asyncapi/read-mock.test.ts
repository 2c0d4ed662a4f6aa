import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocumentText } from './document-text.ts';
import { readMock } from './read-mock.ts';

const read = (text: string) => readMock(parseDocumentText(text).data);

describe('readMock: AsyncAPI 2.x', () => {
  it('reads x-mock, the subscribe message name, payload schema and both kinds of examples', () => {
    const result = read(`
asyncapi: 2.6.0
info: { title: Chat, version: 1.0.0 }
channels:
  /rooms/{room}:
    x-mock: { scenario: examples, rate: 4, ids: uuid, retryMs: 500 }
    subscribe:
      message:
        name: chat
        payload:
          type: object
          properties: { text: { type: string } }
          examples: [{ text: from-schema }]
        examples:
          - payload: { text: hello }
          - payload: { text: bye }
`);
    expect(result.problems).toEqual([]);
    expect(result.mock).toEqual({ '/rooms/{room}': { scenario: 'examples', rate: 4, ids: 'uuid', retryMs: 500 } });
    expect(result.messages['/rooms/{room}']).toEqual([
      {
        eventName: 'chat',
        payloadSchema: { type: 'object', properties: { text: { type: 'string' } }, examples: [{ text: 'from-schema' }] },
        examples: [{ text: 'from-schema' }, { text: 'hello' }, { text: 'bye' }],
      },
    ]);
  });

  it('follows $ref to components (message and payload) and reads oneOf messages', () => {
    const result = read(`
asyncapi: 2.6.0
info: { title: Orders, version: 1.0.0 }
channels:
  orders:
    subscribe:
      message:
        oneOf:
          - $ref: '#/components/messages/Created'
          - name: cancelled
            payload: { type: string }
components:
  messages:
    Created:
      name: created
      payload: { $ref: '#/components/schemas/Order' }
  schemas:
    Order:
      type: object
      properties:
        id: { type: string, format: uuid }
        lines: { type: array, items: { $ref: '#/components/schemas/Line' } }
    Line: { type: object, properties: { sku: { type: string } } }
`);
    expect(result.problems).toEqual([]);
    const [created, cancelled] = result.messages['/orders'] ?? [];
    expect(created?.eventName).toBe('created');
    expect(created?.payloadSchema).toEqual({ $ref: '#/components/schemas/Order' });
    expect(Object.keys(created?.schemaRefs ?? {}).sort()).toEqual(['#/components/schemas/Line', '#/components/schemas/Order']);
    expect(cancelled).toEqual({ eventName: 'cancelled', payloadSchema: { type: 'string' } });
  });

  it('channels without subscribe or x-mock add nothing', () => {
    expect(read('asyncapi: 2.0.0\ninfo: { title: A, version: "1" }\nchannels:\n  /a: {}\n')).toEqual({ mock: {}, messages: {}, problems: [] });
  });
});

describe('readMock: AsyncAPI 3.0', () => {
  it('takes the messages the receive operations list, by channel address', () => {
    const result = read(`
asyncapi: 3.0.0
info: { title: Feed, version: 1.0.0 }
channels:
  feed:
    address: /feed
    x-mock: { burst: { events: 5, everyMs: 1000 }, backlog: 10, resume: false }
    messages:
      tick: { name: tick, payload: { type: integer, minimum: 1 } }
      note: { name: note, payload: { type: string }, examples: [{ payload: hi }] }
operations:
  receiveTicks:
    action: receive
    channel: { $ref: '#/channels/feed' }
    messages: [{ $ref: '#/channels/feed/messages/tick' }]
  publishSomething:
    action: send
    channel: { $ref: '#/channels/feed' }
    messages: [{ $ref: '#/channels/feed/messages/note' }]
`);
    expect(result.problems).toEqual([]);
    expect(result.mock['/feed']).toEqual({ burst: { events: 5, everyMs: 1000 }, backlog: 10, resume: false });
    expect(result.messages['/feed']).toEqual([{ eventName: 'tick', payloadSchema: { type: 'integer', minimum: 1 } }]);
  });

  it('without listing operations, all the channel messages; examples[].payload and multi-format schemas', () => {
    const result = read(`
asyncapi: 3.0.0
info: { title: Feed, version: 1.0.0 }
channels:
  feed:
    address: feed
    messages:
      price:
        $ref: '#/components/messages/Price'
components:
  messages:
    Price:
      name: price
      payload:
        schemaFormat: application/schema+json;version=draft-07
        schema: { type: object, properties: { p: { type: number } } }
      examples:
        - name: cheap
          payload: { p: 1 }
`);
    expect(result.problems).toEqual([]);
    expect(result.messages['/feed']).toEqual([{ eventName: 'price', payloadSchema: { type: 'object', properties: { p: { type: 'number' } } }, examples: [{ p: 1 }] }]);
  });

  it('reads the stock-ticker example: both topics, price messages with the Price schema', () => {
    const result = readMock(parseDocumentText(readFileSync('examples/stock-ticker/stock-ticker.asyncapi.yaml', 'utf8')).data);
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.messages)).toEqual(['/prices', '/prices/{symbol}']);
    expect(result.messages['/prices']?.[0]).toMatchObject({ eventName: 'price', payloadSchema: { $ref: '#/components/schemas/Price' }, schemaRefs: { '#/components/schemas/Price': { type: 'object' } } });
  });
});

describe('readMock: problems, with paths', () => {
  it('x-mock errors point into the channel', () => {
    const result = read(`
asyncapi: 3.0.0
info: { title: A, version: "1" }
channels:
  a:
    address: /a
    x-mock: { rate: 0, faults: { status: { code: 42 } } }
`);
    expect(result.problems.map((p) => p.path)).toEqual([
      ['channels', 'a', 'x-mock', 'rate'],
      ['channels', 'a', 'x-mock', 'faults', 'status', 'code'],
    ]);
    expect(result.mock).toEqual({});
  });

  it('a scenario that the messages cannot feed, and rate with burst', () => {
    const result = read(`
asyncapi: 2.6.0
info: { title: A, version: "1" }
channels:
  /a:
    x-mock: { scenario: examples }
    subscribe: { message: { payload: { type: string } } }
  /b:
    x-mock: { scenario: schema, rate: 1, burst: { events: 2, everyMs: 10 } }
`);
    expect(result.problems).toEqual([
      { path: ['channels', '/a', 'x-mock', 'scenario'], message: expect.stringMatching(/needs examples/) },
      { path: ['channels', '/b', 'x-mock', 'scenario'], message: expect.stringMatching(/needs a message payload schema/) },
      { path: ['channels', '/b', 'x-mock', 'burst'], message: expect.stringMatching(/rate or burst, not both/) },
    ]);
  });

  it('dangling and non-local references, examples without payload, a bad name', () => {
    const result = read(`
asyncapi: 2.6.0
info: { title: A, version: "1" }
channels:
  /a:
    subscribe:
      message:
        name: ""
        payload:
          type: object
          properties:
            x: { $ref: '#/components/schemas/Missing' }
            y: { $ref: 'other.yaml#/Y' }
        examples: [{ summary: no payload }]
  /b:
    subscribe:
      message: { $ref: '#/components/messages/Nope' }
`);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: ['channels', '/a', 'subscribe', 'message', 'name'], message: expect.stringMatching(/event name/) },
        { path: ['channels', '/a', 'subscribe', 'message', 'payload'], message: expect.stringMatching(/#\/components\/schemas\/Missing" points at nothing/) },
        { path: ['channels', '/a', 'subscribe', 'message', 'payload'], message: expect.stringMatching(/local references only.*other\.yaml/) },
        { path: ['channels', '/a', 'subscribe', 'message', 'examples', 0], message: expect.stringMatching(/needs a "payload"/) },
        { path: ['channels', '/b', 'subscribe', 'message'], message: expect.stringMatching(/Nope" points at nothing/) },
      ]),
    );
    expect(result.problems).toHaveLength(5);
  });

  it('a recursive schema is collected once, without looping', () => {
    const result = read(`
asyncapi: 2.6.0
info: { title: A, version: "1" }
channels:
  /tree:
    subscribe:
      message:
        payload: { $ref: '#/components/schemas/Node' }
components:
  schemas:
    Node: { type: object, properties: { children: { type: array, items: { $ref: '#/components/schemas/Node' } } } }
`);
    expect(result.problems).toEqual([]);
    expect(Object.keys(result.messages['/tree']?.[0]?.schemaRefs ?? {})).toEqual(['#/components/schemas/Node']);
  });

  it('anything but a document reads as nothing', () => {
    expect(readMock(null)).toEqual({ mock: {}, messages: {}, problems: [] });
    expect(readMock({ channels: [] })).toEqual({ mock: {}, messages: {}, problems: [] });
  });
});
