import { describe, expect, it } from 'vitest';
import { isLocalHostHeader } from './host-header.ts';

describe('isLocalHostHeader', () => {
  it('accepts loopback names and the bound address with the port the request came in on', () => {
    for (const host of ['127.0.0.1:8280', 'localhost:8280', 'LOCALHOST:8280', '[::1]:8280']) expect(isLocalHostHeader(host, '127.0.0.1', 8280), host).toBe(true);
    expect(isLocalHostHeader('192.168.1.5:8280', '192.168.1.5', 8280)).toBe(true);
    expect(isLocalHostHeader('[fe80::1]:8280', 'fe80::1', 8280)).toBe(true);
  });
  it('refuses other names (DNS rebinding), other ports and a missing Host', () => {
    expect(isLocalHostHeader('evil.test:8280', '127.0.0.1', 8280)).toBe(false);
    expect(isLocalHostHeader('127.0.0.1:9999', '127.0.0.1', 8280)).toBe(false);
    expect(isLocalHostHeader('127.0.0.1', '127.0.0.1', 8280)).toBe(false);
    expect(isLocalHostHeader(undefined, '127.0.0.1', 8280)).toBe(false);
  });
});
