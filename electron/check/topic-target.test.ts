import { describe, expect, it } from 'vitest';
import { chooseTopicTarget, parameterExample } from './topic-target.ts';

const MOCK = ['/prices', '/prices/ACME', '/prices/GLOBEX', '/counter', '/clock'];
const V3 = `asyncapi: 3.0.0
channels:
  feed:
    address: /feed/{region}/{kind}
    parameters:
      region:
        examples: [eu-west]
      kind:
        enum: [trades, quotes]
`;
const V2 = `{"asyncapi":"2.6.0","channels":{"/orders/{id}":{"parameters":{"id":{"schema":{"type":"string","default":"A1"}}}}}}`;

describe('topic target', () => {
  it('uses an exact topic as it is', () => {
    expect(chooseTopicTarget({ path: '/prices' }, { mockBacked: true, mockStreams: MOCK, documentText: '' })).toEqual({ ok: true, path: '/prices', how: 'the topic path' });
  });

  it('picks the first mock stream a pattern matches, /counter first', () => {
    expect(chooseTopicTarget({ path: '/*' }, { mockBacked: true, mockStreams: MOCK, documentText: '' })).toMatchObject({ path: '/counter', how: 'the first mock stream matching /*' });
    expect(chooseTopicTarget({ path: '/prices/{symbol}' }, { mockBacked: true, mockStreams: MOCK, documentText: '' })).toMatchObject({ path: '/prices/ACME' });
  });

  it('fills parameters from the document for other backends, and uses a wildcard\'s base', () => {
    expect(chooseTopicTarget({ path: '/feed/{region}/{kind}' }, { mockBacked: false, mockStreams: MOCK, documentText: V3 })).toEqual({ ok: true, path: '/feed/eu-west/trades', how: 'parameter examples (region=eu-west, kind=trades)' });
    expect(chooseTopicTarget({ path: '/ticks/*' }, { mockBacked: false, mockStreams: MOCK, documentText: '' })).toEqual({ ok: true, path: '/ticks', how: "the wildcard's base path" });
    expect(chooseTopicTarget({ path: '/*' }, { mockBacked: false, mockStreams: MOCK, documentText: '' })).toMatchObject({ path: '/' });
  });

  it('says what to add when a parameter has no example', () => {
    expect(chooseTopicTarget({ path: '/x/{id}' }, { mockBacked: false, mockStreams: MOCK, documentText: V3 })).toEqual({ ok: false, reason: 'no value for {id} in /x/{id}: add "examples" to the channel\'s parameter id in the AsyncAPI document' });
  });

  it('reads AsyncAPI 2.x parameter schemas (JSON too)', () => {
    expect(parameterExample(V2, '/orders/{id}', 'id')).toBe('A1');
    expect(parameterExample('not: [valid', '/x', 'y')).toBeUndefined();
  });
});
