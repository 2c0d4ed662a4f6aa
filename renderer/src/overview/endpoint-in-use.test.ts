import { describe, expect, it } from 'vitest';
import { describeEndpointInUse } from './endpoint-in-use.ts';

describe('endpoint in use', () => {
  it('says nothing when the gateway streams from the endpoint as written', () => {
    expect(describeEndpointInUse('http://localhost:8080', 'http://localhost:8080', 'http://127.0.0.1:8080')).toBeUndefined();
  });

  it('names the mock and its port when the usual mock address is redirected to it', () => {
    expect(describeEndpointInUse('http://localhost:8080', 'http://127.0.0.1:41234', 'http://127.0.0.1:41234')).toBe('mock on :41234');
  });

  it("shows the API's own mount on the mock", () => {
    expect(describeEndpointInUse('http://localhost:8080', 'http://127.0.0.1:8080/apis/feed-abc123', 'http://127.0.0.1:8080')).toBe('mock on :8080/apis/feed-abc123');
  });

  it('shows another backend as its URL', () => {
    expect(describeEndpointInUse('http://localhost:8080/x', 'http://127.0.0.1:9000/x', null)).toBe('http://127.0.0.1:9000/x');
  });
});
