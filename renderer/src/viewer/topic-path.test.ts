import { describe, expect, it } from 'vitest';
import { builtInStreamsNotOverridden, isTemplateTopic, sameOrigin, suggestPath, topicPattern } from './topic-path.ts';

const MOCK = ['/prices', '/prices/ACME', '/counter', '/clock'];

describe('topic paths', () => {
  it('suggests the first mock stream a template accepts', () => {
    expect(suggestPath('/*', MOCK)).toBe('/prices');
    expect(suggestPath('/prices/{symbol}', MOCK)).toBe('/prices/ACME');
    expect(suggestPath('/clock', MOCK)).toBe('/clock');
  });

  it('keeps {param} for the user when nothing fits', () => {
    expect(suggestPath('/orders/{id}', MOCK)).toBe('/orders/{id}');
    expect(suggestPath('/*', [])).toBe('/');
  });

  it('matches concrete paths against templates', () => {
    expect(topicPattern('/prices/{symbol}').test('/prices/ACME')).toBe(true);
    expect(topicPattern('/prices/{symbol}').test('/prices/ACME/x')).toBe(false);
    expect(topicPattern('/a.b/*').test('/aXb/c')).toBe(false);
    expect(isTemplateTopic('/prices')).toBe(false);
  });

  it('compares origins, not strings', () => {
    expect(sameOrigin('http://127.0.0.1:8080/', 'http://127.0.0.1:8080')).toBe(true);
    expect(sameOrigin('http://127.0.0.1:8081', 'http://127.0.0.1:8080')).toBe(false);
    expect(sameOrigin('not a url', 'http://x')).toBe(false);
  });
});

describe('builtInStreamsNotOverridden', () => {
  it('drops the built-in streams a topic of the document serves itself', () => {
    expect(builtInStreamsNotOverridden(MOCK, [{ path: '/*' }])).toEqual(MOCK);
    expect(builtInStreamsNotOverridden(MOCK, [{ path: '/*' }, { path: '/prices/{symbol}' }])).toEqual(['/prices', '/counter', '/clock']);
    expect(builtInStreamsNotOverridden(MOCK, [{ path: '/prices' }, { path: '/clock' }])).toEqual(['/prices/ACME', '/counter']);
  });

  it('a catch-all with an x-mock of its own overrides every built-in stream; one without leaves them', () => {
    expect(builtInStreamsNotOverridden(MOCK, [{ path: '/*', mocked: true }])).toEqual([]);
    expect(builtInStreamsNotOverridden(MOCK, [{ path: '/*', mocked: false }])).toEqual(MOCK);
    expect(builtInStreamsNotOverridden(MOCK, [{ path: '/prices/*', mocked: true }])).toEqual(['/prices', '/counter', '/clock']);
  });
});
