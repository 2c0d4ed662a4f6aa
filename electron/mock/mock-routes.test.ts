import { describe, expect, it } from 'vitest';
import { endpointVerdict, routeRequest, type MockApi } from './mock-routes.ts';

const api = (id: string, endpoint: string, topics: MockApi['topics']): MockApi => ({ id, name: id, endpoint, topics });

describe('endpointVerdict: does an API point at this mock?', () => {
  it('plain http on a loopback name and one of the mock\'s ports; the path becomes a prefix', () => {
    expect(endpointVerdict('http://localhost:8080', [41000, 8080])).toEqual({ served: true, prefix: '' });
    expect(endpointVerdict('http://127.0.0.1:41000/v1/', [41000])).toEqual({ served: true, prefix: '/v1' });
    expect(endpointVerdict('http://[::1]:41000', [41000])).toEqual({ served: true, prefix: '' });
  });
  it('says why not', () => {
    expect(endpointVerdict('https://localhost:8080', [8080])).toMatchObject({ served: false, reason: expect.stringMatching(/plain http/) });
    expect(endpointVerdict('http://example.test:8080', [8080])).toMatchObject({ served: false, reason: expect.stringMatching(/not this machine/) });
    expect(endpointVerdict('http://localhost:9999', [8080])).toMatchObject({ served: false, reason: expect.stringMatching(/port 9999 is not the mock's \(8080\)/) });
    expect(endpointVerdict('nope', [8080])).toMatchObject({ served: false });
  });
});

describe('routeRequest', () => {
  const stocks = api('stocks', 'http://localhost:8080', [{ path: '/prices' }, { path: '/prices/{symbol}' }]);
  const news = api('news', 'http://localhost:8080/news', [{ path: '/*' }]);
  const mapped = api('mapped', 'http://localhost:8080', [{ path: '/quotes/{sym}', backendPath: '/v2/quotes/{sym}?x=1' }]);
  const served = [stocks, news, mapped].map((a) => ({ api: a, prefix: endpointVerdict(a.endpoint, [8080]).served ? (endpointVerdict(a.endpoint, [8080]) as { prefix: string }).prefix : '' }));

  it('exact topics and parameters (decoded)', () => {
    expect(routeRequest(served, '/prices')).toMatchObject({ api: { id: 'stocks' }, topic: { path: '/prices' }, params: {}, path: '/prices' });
    expect(routeRequest(served, '/prices/A%20B')).toMatchObject({ topic: { path: '/prices/{symbol}' }, params: { symbol: 'A B' } });
  });
  it('the longest endpoint prefix wins, and the path below it is matched', () => {
    expect(routeRequest(served, '/news/sports/today')).toMatchObject({ api: { id: 'news' }, path: '/sports/today' });
  });
  it('matches what the gateway asks for: the backend path of a mapped topic', () => {
    expect(routeRequest(served, '/v2/quotes/ACME')).toMatchObject({ api: { id: 'mapped' }, topic: { path: '/quotes/{sym}' }, params: { sym: 'ACME' } });
    expect(routeRequest(served, '/quotes/ACME')).toBeUndefined();
  });
  it('nothing matches: undefined (the built-in streams answer)', () => {
    expect(routeRequest(served, '/counter')).toBeUndefined();
    expect(routeRequest([], '/prices')).toBeUndefined();
  });
});
