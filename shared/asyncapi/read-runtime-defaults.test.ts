import { describe, expect, it } from 'vitest';
import { gatewayBlock } from './gateway-block.ts';
import { readRuntime } from './read-runtime.ts';
import { DEFAULT_RUNTIME } from '../model/runtime.ts';

const jwt = (extra: Record<string, unknown>) => ({ 'x-gateway': { security: { type: 'jwt', algorithm: 'HS256', secret: 'a-test-secret-of-32-characters!!', ...extra } } });

describe('x-gateway safe defaults', () => {
  it('allows no CORS origin unless x-gateway.cors lists some, and writes none back', () => {
    expect(DEFAULT_RUNTIME.corsOrigins).toEqual([]);
    expect(readRuntime({}).runtime.corsOrigins).toEqual([]);
    expect(gatewayBlock(readRuntime({}).runtime)).toEqual({});
    const listed = readRuntime({ 'x-gateway': { cors: ['http://localhost:3000'] } }).runtime;
    expect(listed.corsOrigins).toEqual(['http://localhost:3000']);
    expect(gatewayBlock(listed).cors).toEqual(['http://localhost:3000']);
  });

  it('requires exp in JWTs unless security.requireExp is false, and keeps the setting on write', () => {
    const strict = readRuntime(jwt({})).runtime.security;
    expect(strict).not.toHaveProperty('requireExp');
    const lenient = readRuntime(jwt({ requireExp: false }));
    expect(lenient.problems).toEqual([]);
    expect(lenient.runtime.security).toMatchObject({ type: 'jwt', requireExp: false });
    expect(gatewayBlock(lenient.runtime).security).toMatchObject({ requireExp: false });
    expect(readRuntime(jwt({ requireExp: 'no' })).problems).toEqual([
      { path: ['x-gateway', 'security', 'requireExp'], message: 'security.requireExp must be true or false (false accepts tokens without "exp", which never expire).' },
    ]);
  });
});
