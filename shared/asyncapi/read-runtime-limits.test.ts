import { describe, expect, it } from 'vitest';
import { readRuntime } from './read-runtime.ts';
import { gatewayBlock } from './gateway-block.ts';
import { DEFAULT_RUNTIME } from '../model/runtime.ts';

describe('x-gateway replay window, outage window and memory limits', () => {
  it('defaults to a shared upstream with a replay window of at least 60 s', () => {
    const { runtime } = readRuntime({});
    expect(runtime.upstream).toBe('shared');
    expect(runtime.lingerSeconds).toBeGreaterThanOrEqual(60);
    expect(DEFAULT_RUNTIME.upstream).toBe('shared');
  });

  it('reads replay.maxBytes, outageSeconds and maxStreams, and writes them back', () => {
    const { runtime, problems } = readRuntime({ 'x-gateway': { replay: { maxBytes: 1_048_576 }, outageSeconds: 10, maxStreams: 50, upstream: 'per-client' } });
    expect(problems).toEqual([]);
    expect(runtime.replay.maxBytes).toBe(1_048_576);
    expect(runtime.outageSeconds).toBe(10);
    expect(runtime.maxStreams).toBe(50);
    expect(readRuntime({ 'x-gateway': gatewayBlock(runtime) }).runtime).toEqual(runtime);
  });

  it('names wrong values by their path', () => {
    const { problems } = readRuntime({ 'x-gateway': { replay: { maxBytes: -1 }, outageSeconds: 'long', maxStreams: 0 } });
    expect(problems.map((p) => p.path.join('.'))).toEqual(['x-gateway.replay.maxBytes', 'x-gateway.outageSeconds', 'x-gateway.maxStreams']);
  });
});
