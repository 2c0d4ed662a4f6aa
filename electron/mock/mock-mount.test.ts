import { describe, expect, it } from 'vitest';
import { mockMountPath, splitMount } from './mock-mount.ts';

describe('mockMountPath', () => {
  it('is readable, stable and different per API id', () => {
    expect(mockMountPath('stock-ticker.asyncapi.yaml')).toMatch(/^\/apis\/stock-ticker-[0-9a-f]{6}$/);
    expect(mockMountPath('stock-ticker.asyncapi.yaml')).toBe(mockMountPath('stock-ticker.asyncapi.yaml'));
    expect(mockMountPath('a b.yaml')).not.toBe(mockMountPath('a-b.yaml'));
    expect(mockMountPath('sub/Prices API.json')).toMatch(/^\/apis\/sub-prices-api-[0-9a-f]{6}$/);
  });
});

describe('splitMount', () => {
  it('takes the mount off a request path', () => {
    expect(splitMount('/apis/feed-abc123/prices/ACME')).toEqual({ mount: '/apis/feed-abc123', rest: '/prices/ACME' });
    expect(splitMount('/apis/feed-abc123')).toEqual({ mount: '/apis/feed-abc123', rest: '/' });
    expect(splitMount('/prices/ACME')).toBeUndefined();
  });
});
