import { stringify } from 'yaml';
import type { SseApi } from '../model/sse-api.ts';

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
