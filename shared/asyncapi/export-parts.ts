import type { SecurityConfig } from '../model/runtime.ts';
import type { SseApi, SseTopic } from '../model/sse-api.ts';
import { gatewayBlock } from './gateway-block.ts';
import { templateParams } from './plain-data.ts';

export type ExportProfile = 'studio' | 'clean' | 'wso2';

/** WSO2 names the backend server after the gateway environment type it serves. */
export const SERVER_KEY = 'production';
export const SERVER_DESCRIPTION = 'The backend SSE endpoint the gateway streams from.';
export const MESSAGE_KEY = 'event';
/** SSE `data:` is text, whatever it encodes. */
export const CONTENT_TYPE = 'text/plain';

/** Our root extensions: the context and the non-default gateway settings. */
export function studioRoot(api: SseApi): Record<string, unknown> {
  const block = gatewayBlock(api.runtime);
  return { 'x-context': api.context, ...(Object.keys(block).length ? { 'x-gateway': block } : {}) };
}

export function info(api: SseApi): Record<string, unknown> {
  return { title: api.name, version: api.version, ...(api.description ? { description: api.description } : {}) };
}

/** Each SSE event's data is text; its `event:` name is free, so the payload is just a string. */
export function eventMessage(): Record<string, unknown> {
  return { name: MESSAGE_KEY, summary: 'A Server-Sent Event; its data is the payload.', payload: { type: 'string' } };
}

/**
 * Parameter objects for the `{name}` segments of a topic path (AsyncAPI requires each channel
 * parameter to be declared). 2.x parameters carry a schema; 3.0 ones are plain strings already.
 */
export function topicParameters(topic: SseTopic, spec: 2 | 3): Record<string, unknown> | undefined {
  const names = templateParams(topic.path);
  if (!names.length) return undefined;
  return Object.fromEntries(
    names.map((name) => [name, { description: `The "${name}" segment of the topic path.`, ...(spec === 2 ? { schema: { type: 'string' } } : {}) }]),
  );
}

/** Channel ids for 3.0 (and operation names): readable, unique, letters, digits and dashes. */
export function channelIds(topics: SseTopic[]): string[] {
  const used = new Set<string>();
  return topics.map((topic) => {
    const base = topic.path.replace(/\{([^}]+)\}/g, '$1').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || (topic.path.endsWith('*') ? 'all' : 'root');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** `#/channels/<key>` as a JSON pointer: `/` and `~` in the key are escaped. */
export function channelRef(key: string): string {
  return `#/channels/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * How clients authenticate at the gateway, for readers of the document. The secrets (keys, users,
 * signing keys) stay in `x-gateway` and never reach a clean or WSO2 export.
 */
export function securityScheme(security: SecurityConfig): { name: string; scheme: Record<string, unknown> } | undefined {
  switch (security.type) {
    case 'apiKey':
      return { name: 'apiKey', scheme: { type: 'httpApiKey', name: security.name, in: security.in, description: `An API key in the "${security.name}" ${security.in === 'header' ? 'header' : 'query parameter'}.` } };
    case 'jwt':
      return { name: 'jwt', scheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `A JWT signed with ${security.algorithm}.` } };
    case 'basic':
      return { name: 'basic', scheme: { type: 'http', scheme: 'basic', description: 'HTTP Basic authentication.' } };
    default:
      return undefined;
  }
}

/** Removes every `x-` key, at any depth: the clean profile shares the API without our settings. */
export function stripExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripExtensions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('x-')).map(([k, v]) => [k, stripExtensions(v)]));
}
