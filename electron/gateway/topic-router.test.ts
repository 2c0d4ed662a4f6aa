import { describe, expect, it } from 'vitest';
import { backendPathFor, matchBasePath, matchTopic, safeRequestPath } from './topic-router.ts';

const topics = [{ path: '/*' }, { path: '/prices' }, { path: '/prices/{symbol}' }, { path: '/prices/ACME' }, { path: '/news/*' }];

describe('matchTopic', () => {
  it('prefers exact, then literal segments, then parameters, then wildcards', () => {
    expect(matchTopic(topics, '/prices')?.topic.path).toBe('/prices');
    expect(matchTopic(topics, '/prices/ACME')?.topic.path).toBe('/prices/ACME');
    expect(matchTopic(topics, '/prices/GLOBEX')).toMatchObject({ topic: { path: '/prices/{symbol}' }, params: { symbol: 'GLOBEX' } });
    expect(matchTopic(topics, '/news/a/b')?.topic.path).toBe('/news/*');
    expect(matchTopic(topics, '/other/x')?.topic.path).toBe('/*');
    expect(matchTopic(topics, '/')?.topic.path).toBe('/*');
  });
  it('returns nothing when no topic matches', () => {
    expect(matchTopic([{ path: '/prices' }], '/prices/x')).toBeUndefined();
    expect(matchTopic([{ path: '/prices/{s}' }], '/prices')).toBeUndefined();
  });
  it('lets "/a/*" match "/a" itself', () => {
    expect(matchTopic([{ path: '/news/*' }], '/news')?.topic.path).toBe('/news/*');
  });
});

describe('matchBasePath', () => {
  const apis = [{ basePath: '/stocks/1.0.0' }, { basePath: '/stocks/1.0.0/eu' }, { basePath: '/1.0.0/events' }];
  it('takes the longest whole-segment prefix', () => {
    expect(matchBasePath(apis, '/stocks/1.0.0/prices')).toEqual({ api: apis[0], rest: '/prices' });
    expect(matchBasePath(apis, '/stocks/1.0.0/eu/prices')).toEqual({ api: apis[1], rest: '/prices' });
    expect(matchBasePath(apis, '/stocks/1.0.0')).toEqual({ api: apis[0], rest: '/' });
    expect(matchBasePath(apis, '/stocks/1.0.01/x')).toBeUndefined();
  });
});

describe('backendPathFor', () => {
  it('defaults to the request topic path', () => {
    expect(backendPathFor({ topic: { path: '/*' }, params: {}, topicPath: '/a/b' })).toBe('/a/b');
  });
  it('fills a mapping template with encoded parameters', () => {
    const m = matchTopic([{ path: '/prices/{symbol}', backendPath: '/v2/quotes?sym={symbol}' }], '/prices/A%20B');
    expect(m && backendPathFor(m)).toBe('/v2/quotes?sym=A%20B');
  });
});

describe('safeRequestPath', () => {
  it.each(['/a/../b', '/a/%2e%2e/b', '/a/%2E%2e/b', '/a/./b', '/a%2fb', '/a%2Fb', '/a%5cb', '/a\\b', '/a%00b', '/a%zz'])('refuses %s', (p) => {
    expect(safeRequestPath(p).ok).toBe(false);
  });
  it('accepts ordinary paths and collapses doubled slashes', () => {
    expect(safeRequestPath('/stocks//1.0.0/prices')).toEqual({ ok: true, path: '/stocks/1.0.0/prices' });
    expect(safeRequestPath('/a/b%20c').ok).toBe(true);
  });
});
