import { isRecord } from '../../../shared/asyncapi/plain-data.ts';
import type { DocPath, DocTree } from './doc-tree.ts';

/**
 * Where the backend endpoint is written, in the order the project reader looks
 * (shared/asyncapi/read-endpoint.ts): WSO2's `x-wso2-production-endpoints`, else the first server
 * with `protocol: sse`, else the first http(s) server. 2.x servers hold a `url`; 3.0 servers split
 * it into `host` + `pathname` and keep the scheme in the protocol or our `x-scheme`.
 */
export type EndpointPlace = { kind: 'wso2' } | { kind: 'server'; key: string } | { kind: 'none' };

export function endpointPlace(doc: Record<string, unknown>): EndpointPlace {
  if (doc['x-wso2-production-endpoints'] !== undefined && isRecord(doc['x-wso2-production-endpoints'])) return { kind: 'wso2' };
  const servers = isRecord(doc.servers) ? Object.entries(doc.servers).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1])) : [];
  const protocol = (s: Record<string, unknown>) => (typeof s.protocol === 'string' ? s.protocol.toLowerCase() : '');
  const found = servers.find(([, s]) => protocol(s) === 'sse') ?? servers.find(([, s]) => protocol(s) === 'http' || protocol(s) === 'https');
  return found ? { kind: 'server', key: found[0] } : { kind: 'none' };
}

/** The endpoint as the forms show it: the URL the server describes (variables left as written). */
export function endpointOf(doc: Record<string, unknown>, spec: 2 | 3): { value: string; at: DocPath | null } {
  const place = endpointPlace(doc);
  if (place.kind === 'wso2') {
    const block = doc['x-wso2-production-endpoints'] as Record<string, unknown>;
    const url = Array.isArray(block.urls) && typeof block.urls[0] === 'string' ? block.urls[0] : '';
    return { value: url, at: ['x-wso2-production-endpoints', 'urls', 0] };
  }
  if (place.kind === 'none') return { value: '', at: null };
  const server = (doc.servers as Record<string, Record<string, unknown>>)[place.key] as Record<string, unknown>;
  if (spec === 2) return { value: typeof server.url === 'string' ? withScheme(server.url, server) : '', at: ['servers', place.key, 'url'] };
  if (typeof server.host !== 'string' || !server.host) return { value: '', at: ['servers', place.key, 'host'] };
  const pathname = typeof server.pathname === 'string' && server.pathname !== '/' ? server.pathname : '';
  return { value: withScheme(server.host + pathname, server), at: ['servers', place.key, 'host'] };
}

function withScheme(url: string, server: Record<string, unknown>): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  const protocol = String(server.protocol).toLowerCase();
  return `${server['x-scheme'] === 'https' || protocol === 'https' ? 'https' : 'http'}://${url}`;
}

/**
 * Writes the endpoint where the reader will find it. A 3.0 server needs a URL it can split; while
 * the value is not one yet, it is written whole into `host` so the document says what was typed.
 */
export function writeEndpoint(tree: DocTree, doc: Record<string, unknown>, spec: 2 | 3, value: string): void {
  const place = endpointPlace(doc);
  if (place.kind === 'wso2') {
    tree.set(['x-wso2-production-endpoints', 'urls', 0], value);
    return;
  }
  const key = place.kind === 'server' ? place.key : 'production';
  if (place.kind === 'none') tree.set(['servers', key], spec === 2 ? { url: value, protocol: 'sse' } : { host: value, protocol: 'sse' });
  const base: DocPath = ['servers', key];
  if (spec === 2) {
    tree.set([...base, 'url'], value);
    return;
  }
  let url: URL | undefined;
  try {
    url = /^https?:\/\//i.test(value.trim()) ? new URL(value.trim()) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    tree.set([...base, 'host'], value);
    return;
  }
  tree.set([...base, 'host'], url.host);
  const pathname = url.pathname.replace(/\/+$/, '');
  if (pathname) tree.set([...base, 'pathname'], pathname);
  else if (tree.get([...base, 'pathname']) !== undefined && tree.get([...base, 'pathname']) !== '/') tree.delete([...base, 'pathname']);
  const protocol = String(tree.get([...base, 'protocol']) ?? '').toLowerCase();
  const https = url.protocol === 'https:';
  if (protocol === 'http' || protocol === 'https') tree.set([...base, 'protocol'], https ? 'https' : 'http');
  else if (https) tree.set([...base, 'x-scheme'], 'https');
  else tree.delete([...base, 'x-scheme']);
}
