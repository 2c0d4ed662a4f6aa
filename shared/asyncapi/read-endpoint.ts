import { validateEndpoint } from '../model/validate.ts';
import { isRecord, recordEntries } from './plain-data.ts';
import type { Report } from './read-identity.ts';

/** Where the backend endpoint came from; import reports it as the document's dialect. */
export type EndpointOrigin = 'wso2-endpoints' | 'sse-server' | 'http-server';

/**
 * The backend endpoint, in this order:
 *  1. WSO2's `x-wso2-production-endpoints: { urls: [...] }` (or a `#/x-wso2-endpoints/<name>`
 *     reference), which names the backend explicitly (vendor-extensions-catalog, see read-identity);
 *  2. the first server with `protocol: sse`: WSO2 API Manager writes the production endpoint there
 *     (carbon-apimgt AsyncApiParser.generateAsyncAPIDefinition: server "production", protocol =
 *     API type lower-cased = "sse"; 3.0 documents split it into host + pathname and lose the scheme);
 *  3. the first `http`/`https` server: documents that model SSE as plain HTTP streaming.
 * With none of these the document is refused, the same way by validate, import, export and serve:
 * it is not an SSE API (Kafka, MQTT, WebSocket ...), and pointing it at a mock would hide that.
 */
export function readEndpoint(
  doc: Record<string, unknown>,
  major: 2 | 3,
  problem: Report,
  warn: Report,
): { endpoint?: string; origin?: EndpointOrigin } {
  const servers = recordEntries(doc.servers);
  const wso2 = readWso2Endpoint(doc, problem);
  if (wso2 !== undefined) return wso2 ? { endpoint: wso2, origin: 'wso2-endpoints' } : {};

  const byProtocol = (p: (s: string) => boolean) => servers.find(([, s]) => typeof s.protocol === 'string' && p(s.protocol.toLowerCase()));
  const sse = byProtocol((p) => p === 'sse');
  const chosen = sse ?? byProtocol((p) => p === 'http' || p === 'https');
  if (!chosen) {
    problem(['servers'], noSseServerMessage(servers));
    return {};
  }
  const [key, server] = chosen;
  for (const [other] of servers) {
    if (other !== key) warn(['servers', other], `Server "${other}" is not imported: an SSE Studio API has one backend endpoint, taken from server "${key}".`);
  }
  const field = major === 3 ? 'host' : 'url';
  const raw = major === 3 ? serverUrl3(server) : typeof server.url === 'string' ? withScheme(server.url.trim(), server) : undefined;
  if (!raw) {
    problem(['servers', key, field], `Server "${key}" needs a "${field}" pointing at the backend, e.g. "${major === 3 ? 'localhost:8080' : 'http://localhost:8080'}".`);
    return {};
  }
  const url = expandVariables(raw, server.variables);
  if (url === undefined) {
    problem(['servers', key, field], `Server "${key}" uses a variable without a default in "${raw}": give each variable a "default".`);
    return {};
  }
  const endpoint = url.replace(/\/+$/, '');
  const endpointProblem = validateEndpoint(endpoint);
  if (endpointProblem) problem(['servers', key, field], `Server "${key}" is the backend endpoint. ${endpointProblem}`);
  return { endpoint, origin: sse ? 'sse-server' : 'http-server' };
}

/** Says which protocols were found and what would be accepted. */
export function noSseServerMessage(servers: Array<[string, Record<string, unknown>]>): string {
  const accepted = 'SSE Studio accepts a server with "protocol: sse", or "http"/"https" (read as SSE), whose URL is the backend endpoint, e.g. servers: { production: { url: "http://localhost:8080", protocol: sse } }.';
  if (!servers.length) return `The document has no servers. ${accepted}`;
  const found = servers.map(([key, s]) => `${typeof s.protocol === 'string' ? s.protocol : 'no protocol'} ("${key}")`).join(', ');
  return `No server speaks SSE or HTTP: found ${found}. ${accepted}`;
}

/** undefined: no WSO2 endpoint extension; '': present but unusable (a problem was reported). */
function readWso2Endpoint(doc: Record<string, unknown>, problem: Report): string | undefined {
  let block = doc['x-wso2-production-endpoints'];
  if (block === undefined) return undefined;
  const at = ['x-wso2-production-endpoints'];
  if (typeof block === 'string' && block.startsWith('#/x-wso2-endpoints/')) block = endpointByName(doc['x-wso2-endpoints'], block.slice('#/x-wso2-endpoints/'.length));
  const url = isRecord(block) && Array.isArray(block.urls) ? block.urls[0] : undefined;
  if (typeof url !== 'string' || !url.trim()) {
    problem(at, 'x-wso2-production-endpoints must list the backend URL: { urls: ["http://localhost:8080"] }.');
    return '';
  }
  const endpoint = url.trim().replace(/\/+$/, '');
  const endpointProblem = validateEndpoint(endpoint);
  if (endpointProblem) problem([...at, 'urls', 0], `x-wso2-production-endpoints is the backend endpoint. ${endpointProblem}`);
  return endpoint;
}

/** `x-wso2-endpoints` is a list of single-key mappings: `- myEndpoint1: { urls: [...] }`. */
function endpointByName(list: unknown, name: string): unknown {
  const entries = Array.isArray(list) ? list : [list];
  return entries.find((e): e is Record<string, unknown> => isRecord(e) && name in e)?.[name];
}

/** 3.0 servers split the URL into host + pathname; the scheme comes from the protocol (https) or `x-scheme`. */
function serverUrl3(server: Record<string, unknown>): string | undefined {
  if (typeof server.host !== 'string' || !server.host.trim()) return undefined;
  const pathname = typeof server.pathname === 'string' ? server.pathname : '';
  return withScheme(server.host.trim() + pathname, server);
}

function withScheme(url: string, server: Record<string, unknown>): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  const protocol = String(server.protocol).toLowerCase();
  const scheme = server['x-scheme'] === 'https' || protocol === 'https' ? 'https' : 'http';
  return `${scheme}://${url}`;
}

/** Server variables (`{port}`) take their `default`; undefined when one has none. */
function expandVariables(url: string, variables: unknown): string | undefined {
  let missing = false;
  const expanded = url.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const variable = isRecord(variables) ? variables[name] : undefined;
    const value = isRecord(variable) && variable.default !== undefined ? String(variable.default) : undefined;
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : expanded;
}
