import { stringify } from 'yaml';
import type { SseApi } from '../model/sse-api.ts';
import { DEFAULT_RUNTIME, type ApiRuntime } from '../model/runtime.ts';

/**
 * A new AsyncAPI 3.0 document for an API made in the forms. The backend is an `sse` server, as WSO2
 * exports it; each topic is a channel with a `receive` operation (subscribe-only).
 */
export function writeAsyncApi3(api: SseApi): string {
  const url = new URL(api.endpoint);
  const server: Record<string, unknown> = {
    host: url.host,
    protocol: 'sse',
    description: 'The backend SSE endpoint the gateway streams from.',
  };
  if (url.pathname !== '/') server.pathname = url.pathname.replace(/\/+$/, '');
  if (url.protocol === 'https:') server['x-scheme'] = 'https';

  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  api.topics.forEach((topic, i) => {
    const id = channelId(topic.path, i);
    channels[id] = {
      address: topic.path,
      ...(topic.description ? { description: topic.description } : {}),
      ...(topic.backendPath ? { 'x-backend-path': topic.backendPath } : {}),
      messages: { event: { name: 'event', payload: { type: 'string' } } },
    };
    operations[`receive-${id}`] = { action: 'receive', channel: { $ref: `#/channels/${id}` } };
  });

  const doc = {
    asyncapi: '3.0.0',
    info: { title: api.name, version: api.version, ...(api.description ? { description: api.description } : {}) },
    'x-context': api.context,
    ...gatewayEntry(api.runtime),
    servers: { production: server },
    channels,
    operations,
  };
  return stringify(doc, { lineWidth: 0 });
}

function channelId(path: string, index: number): string {
  const id = path.replace(/\{([^}]+)\}/g, '$1').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id || (index === 0 ? 'all' : `topic-${index + 1}`);
}

function gatewayEntry(runtime: ApiRuntime): { 'x-gateway'?: Record<string, unknown> } {
  const block = gatewayBlock(runtime);
  return Object.keys(block).length ? { 'x-gateway': block } : {};
}

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
  for (const key of ['heartbeatSeconds', 'onBackendDrop', 'upstream', 'lingerSeconds', 'maxEventBytes', 'subscriberQueueEvents'] as const) {
    if (runtime[key] !== DEFAULT_RUNTIME[key]) block[key] = runtime[key];
  }
  return block;
}
