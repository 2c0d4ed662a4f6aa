import { describe, expect, it } from 'vitest';
import { resolveMockEndpoint } from './mock-endpoint.ts';

describe('resolveMockEndpoint', () => {
  it('points the mock default address at the running mock', () => {
    expect(resolveMockEndpoint('http://localhost:8080', 8080, 'http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234');
    expect(resolveMockEndpoint('http://127.0.0.1:8080/base/', 8080, 'http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234/base');
  });
  it("puts the API's own mount before the endpoint's path, on the default or the actual port", () => {
    expect(resolveMockEndpoint('http://localhost:8080', 8080, 'http://127.0.0.1:8080', '/apis/feed-abc123')).toBe('http://127.0.0.1:8080/apis/feed-abc123');
    expect(resolveMockEndpoint('http://127.0.0.1:8080/v1/', 8080, 'http://127.0.0.1:41234', '/apis/feed-abc123')).toBe('http://127.0.0.1:41234/apis/feed-abc123/v1');
    expect(resolveMockEndpoint('http://127.0.0.1:41234', 8080, 'http://127.0.0.1:41234', '/apis/feed-abc123')).toBe('http://127.0.0.1:41234/apis/feed-abc123');
  });
  it('leaves everything else alone', () => {
    expect(resolveMockEndpoint('http://127.0.0.1:8080', 8080, 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(resolveMockEndpoint('http://127.0.0.1:9000', 8080, 'http://127.0.0.1:41234', '/apis/x-1')).toBe('http://127.0.0.1:9000');
    expect(resolveMockEndpoint('https://localhost:8080', 8080, 'http://127.0.0.1:41234', '/apis/x-1')).toBe('https://localhost:8080');
    expect(resolveMockEndpoint('http://example.test:8080', 8080, 'http://127.0.0.1:41234', '/apis/x-1')).toBe('http://example.test:8080');
    expect(resolveMockEndpoint('http://localhost:8080', 8080, undefined, '/apis/x-1')).toBe('http://localhost:8080');
  });
});
