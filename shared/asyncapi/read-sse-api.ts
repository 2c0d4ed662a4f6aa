import type { SseApi, SseTopic } from '../model/sse-api.ts';
import { defaultContext } from '../model/context.ts';
import { validateContext, validateEndpoint, validateName, validateTopicPath, validateVersion } from '../model/validate.ts';
import type { DocProblem } from './document-text.ts';
import { readRuntime } from './read-runtime.ts';

/**
 * Reads an SSE API out of an AsyncAPI 2.x or 3.0 document (already parsed to plain data).
 *  - `info.title` is the name, `info.version` the version;
 *  - root `x-context` is the context (default: `/` + the title in kebab-case);
 *  - the first server whose protocol is `sse` is the backend endpoint (how WSO2 exports SSE APIs),
 *    else the first `http`/`https` server (documents that model SSE as plain HTTP);
 *  - channels are the topics (2.x: the channel key; 3.0: the channel `address`).
 */
export function readSseApi(doc: unknown): { ok: true; value: SseApi } | { ok: false; problems: DocProblem[] } {
  const problems: DocProblem[] = [];
  const problem = (path: Array<string | number>, message: string) => problems.push({ path, message });

  if (!isRecord(doc)) return { ok: false, problems: [{ path: [], message: 'The document is not an AsyncAPI object (expected a mapping with "asyncapi", "info", "servers", "channels").' }] };
  const spec = typeof doc.asyncapi === 'string' ? doc.asyncapi : undefined;
  if (!spec) problem(['asyncapi'], 'Add "asyncapi: 3.0.0" (or 2.6.0) at the top: this does not look like an AsyncAPI document.');
  const major = spec?.split('.')[0];
  if (spec && major !== '2' && major !== '3') problem(['asyncapi'], `AsyncAPI ${spec} is not supported: use 2.x or 3.0.`);

  const info = isRecord(doc.info) ? doc.info : undefined;
  if (!info) problem(['info'], 'Add an "info" section with "title" (the API name) and "version".');
  const name = typeof info?.title === 'string' ? info.title.trim() : '';
  const version = info?.version === undefined ? '' : String(info.version).trim();
  if (info) {
    const nameProblem = validateName(name);
    if (nameProblem) problem(['info', 'title'], `info.title is the API name. ${nameProblem}`);
    const versionProblem = validateVersion(version);
    if (versionProblem) problem(['info', 'version'], `info.version is the API version. ${versionProblem}`);
  }

  let context = defaultContext(name);
  if (doc['x-context'] !== undefined) {
    if (typeof doc['x-context'] !== 'string') problem(['x-context'], 'x-context must be a string, e.g. "/stocks".');
    else {
      context = doc['x-context'].trim();
      const contextProblem = validateContext(context);
      if (contextProblem) problem(['x-context'], contextProblem);
    }
  }

  const endpoint = readEndpoint(doc, major === '3' ? 3 : 2, problem);
  const topics = readTopics(doc, major === '3' ? 3 : 2, problem);
  const description = typeof info?.description === 'string' ? info.description : undefined;
  const { runtime, problems: runtimeProblems } = readRuntime(doc);
  problems.push(...runtimeProblems);

  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { name, context, version, endpoint: endpoint ?? '', topics, runtime, ...(description ? { description } : {}) } };
}

type Report = (path: Array<string | number>, message: string) => void;

function readEndpoint(doc: Record<string, unknown>, major: 2 | 3, problem: Report): string | undefined {
  const servers = isRecord(doc.servers) ? doc.servers : undefined;
  const entries = servers ? Object.entries(servers).filter((e): e is [string, Record<string, unknown>] => isRecord(e[1])) : [];
  const byProtocol = (p: (s: string) => boolean) => entries.find(([, s]) => typeof s.protocol === 'string' && p(s.protocol.toLowerCase()));
  const chosen = byProtocol((p) => p === 'sse') ?? byProtocol((p) => p === 'http' || p === 'https');
  if (!chosen) {
    problem(['servers'], 'Add a server with "protocol: sse" whose URL is the backend endpoint, e.g. servers: { production: { url: "http://localhost:8080", protocol: sse } }.');
    return undefined;
  }
  const [key, server] = chosen;
  const url = major === 3 ? serverUrl3(server) : typeof server.url === 'string' ? withScheme(server.url, server) : undefined;
  const field = major === 3 ? 'host' : 'url';
  if (!url) {
    problem(['servers', key, field], `Server "${key}" needs a "${field}" pointing at the backend, e.g. "${major === 3 ? 'localhost:8080' : 'http://localhost:8080'}".`);
    return undefined;
  }
  const endpoint = url.replace(/\/+$/, '');
  const endpointProblem = validateEndpoint(endpoint);
  if (endpointProblem) problem(['servers', key, field], `Server "${key}" is the backend endpoint. ${endpointProblem}`);
  return endpoint;
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

function readTopics(doc: Record<string, unknown>, major: 2 | 3, problem: Report): SseTopic[] {
  const channels = isRecord(doc.channels) ? doc.channels : undefined;
  if (!channels || Object.keys(channels).length === 0) {
    problem(['channels'], 'Add at least one channel: each channel is a topic clients subscribe to, e.g. channels: { "/prices": {...} } (use "/*" for all paths).');
    return [];
  }
  const topics: SseTopic[] = [];
  for (const [key, raw] of Object.entries(channels)) {
    const channel = isRecord(raw) ? raw : {};
    const address = major === 3 ? (typeof channel.address === 'string' ? channel.address : key) : key;
    const path = address.startsWith('/') ? address : '/' + address;
    const pathProblem = validateTopicPath(path);
    if (pathProblem) {
      problem(['channels', key, ...(major === 3 && typeof channel.address === 'string' ? ['address'] : [])], `Channel "${key}": ${pathProblem}`);
      continue;
    }
    const topic: SseTopic = { path };
    if (typeof channel['x-backend-path'] === 'string') topic.backendPath = channel['x-backend-path'];
    if (typeof channel.description === 'string') topic.description = channel.description;
    topics.push(topic);
  }
  const seen = new Set<string>();
  for (const t of topics) {
    if (seen.has(t.path)) problem(['channels'], `Two channels use the topic path "${t.path}": keep one.`);
    seen.add(t.path);
  }
  return topics;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
