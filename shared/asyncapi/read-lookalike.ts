import { isRecord, recordEntries } from './plain-data.ts';
import type { Report } from './read-identity.ts';

const WEBSOCKET = new Set(['ws', 'wss']);

/**
 * Warnings for a document that is accepted as an SSE API but reads like another kind of API, so
 * the user learns what SSE Studio will and will not do with it: WebSocket servers (SSE Studio
 * serves SSE over HTTP, not WebSocket frames) and REST-style operations (an HTTP method other than
 * GET: SSE streams are opened with GET).
 */
export function warnLookalikes(doc: Record<string, unknown>, warn: Report): void {
  for (const [key, server] of recordEntries(doc.servers)) {
    const protocol = typeof server.protocol === 'string' ? server.protocol.toLowerCase() : '';
    if (WEBSOCKET.has(protocol)) {
      warn(['servers', key, 'protocol'], `Server "${key}" speaks WebSocket (${protocol}): this looks like a WebSocket API. SSE Studio serves it as SSE (text/event-stream over HTTP GET); WebSocket clients cannot use it.`);
    }
  }
  for (const { at, method } of httpMethods(doc)) {
    if (method !== 'GET') warn(at, `This operation is an HTTP ${method} (bindings.http.method): this looks like a REST API. SSE clients open a stream with GET, so SSE Studio serves the channel as a GET stream.`);
  }
}

function httpMethods(doc: Record<string, unknown>): Array<{ at: Array<string | number>; method: string }> {
  const found: Array<{ at: Array<string | number>; method: string }> = [];
  const check = (op: Record<string, unknown>, at: Array<string | number>) => {
    const http = isRecord(op.bindings) && isRecord(op.bindings.http) ? op.bindings.http : undefined;
    if (http && typeof http.method === 'string') found.push({ at: [...at, 'bindings', 'http', 'method'], method: http.method.toUpperCase() });
  };
  for (const [key, op] of recordEntries(doc.operations)) check(op, ['operations', key]);
  for (const [key, channel] of recordEntries(doc.channels)) {
    for (const side of ['subscribe', 'publish'] as const) if (isRecord(channel[side])) check(channel[side], ['channels', key, side]);
  }
  return found;
}
