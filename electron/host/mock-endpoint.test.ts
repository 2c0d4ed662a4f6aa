import { describe, expect, it } from 'vitest';
import { resolveMockEndpoint } from './mock-endpoint.ts';

describe('resolveMockEndpoint', () => {
  it('points the mock default address at the running mock', () => {
    expect(resolveMockEndpoint('http://localhost:8080', 8080, 'http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234');
    expect(resolveMockEndpoint('http://127.0.0.1:8080/base/', 8080, 'http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234/base');
  });
  it('leaves everything else alone', () => {
    expect(resolveMockEndpoint('http://127.0.0.1:8080', 8080, 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(resolveMockEndpoint('http://127.0.0.1:9000', 8080, 'http://127.0.0.1:41234')).toBe('http://127.0.0.1:9000');
    expect(resolveMockEndpoint('https://localhost:8080', 8080, 'http://127.0.0.1:41234')).toBe('https://localhost:8080');
    expect(resolveMockEndpoint('http://example.test:8080', 8080, 'http://127.0.0.1:41234')).toBe('http://example.test:8080');
    expect(resolveMockEndpoint('http://localhost:8080', 8080, undefined)).toBe('http://localhost:8080');
  });
});
