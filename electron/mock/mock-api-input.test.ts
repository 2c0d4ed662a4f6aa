import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../shared/asyncapi/document-text.ts';
import { mockApiFromDocument } from './mock-api-input.ts';

describe('mockApiFromDocument', () => {
  it('joins what readSseApi read with the x-mock blocks and messages of the same document', () => {
    const doc = parseDocumentText(`
asyncapi: 3.0.0
info: { title: Feed, version: 1.0.0 }
channels:
  feed:
    address: /feed
    x-mock: { scenario: examples, rate: 3, faults: { latency: { ms: 5 } } }
    messages:
      item: { name: item, examples: [{ payload: { n: 1 } }] }
  other:
    address: /other
    x-mock: { rate: -1 }
`).data;
    const { api, problems } = mockApiFromDocument('feed.yaml', { name: 'Feed', endpoint: 'http://localhost:8080', topics: [{ path: '/feed' }, { path: '/other' }] }, doc);
    expect(api).toEqual({
      id: 'feed.yaml',
      name: 'Feed',
      endpoint: 'http://localhost:8080',
      topics: [{ path: '/feed' }, { path: '/other' }],
      mock: { '/feed': { scenario: 'examples', rate: 3, faults: { latency: { ms: 5 } } } },
      messages: { '/feed': [{ eventName: 'item', examples: [{ n: 1 }] }] },
      paramValues: {},
      corsOrigins: [],
    });
    expect(problems).toEqual([{ path: ['channels', 'other', 'x-mock', 'rate'], message: expect.stringMatching(/events per second/) }]);
  });
});
