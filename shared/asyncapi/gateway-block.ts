import { DEFAULT_RUNTIME, type ApiRuntime } from '../model/runtime.ts';

/** The `x-gateway` block: only the settings that differ from the defaults, keys as readRuntime reads them. */
export function gatewayBlock(runtime: ApiRuntime): Record<string, unknown> {
  const block: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(runtime.transports, DEFAULT_RUNTIME.transports)) block.transports = (['http', 'https'] as const).filter((t) => runtime.transports[t]);
  if (!same(runtime.security, DEFAULT_RUNTIME.security)) block.security = runtime.security;
  if (!same(runtime.corsOrigins, DEFAULT_RUNTIME.corsOrigins)) block.cors = runtime.corsOrigins;
  if (!same(runtime.rateLimit, DEFAULT_RUNTIME.rateLimit)) block.rateLimit = runtime.rateLimit;
  if (!same(runtime.replay, DEFAULT_RUNTIME.replay)) block.replay = runtime.replay;
  if (runtime.retryMs !== undefined) block.retryMs = runtime.retryMs;
  if (runtime.outageSeconds !== undefined) block.outageSeconds = runtime.outageSeconds;
  if (runtime.maxStreams !== undefined) block.maxStreams = runtime.maxStreams;
  for (const key of ['heartbeatSeconds', 'onBackendDrop', 'upstream', 'lingerSeconds', 'maxEventBytes', 'subscriberQueueEvents'] as const) {
    if (runtime[key] !== DEFAULT_RUNTIME[key]) block[key] = runtime[key];
  }
  return block;
}
