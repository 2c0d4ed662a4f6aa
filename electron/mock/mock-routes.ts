import type { MockConfig, MockMessage } from '../../shared/model/mock.ts';
import type { SseTopic } from '../../shared/model/sse-api.ts';
import { matchTopic } from '../gateway/topic-router.ts';

/**
 * Pure routing for the mock: which project APIs point at it, and which of their topics a request
 * path belongs to. An API points at the mock when its endpoint is plain http on a loopback name
 * and one of the mock's ports; the endpoint's own path is a prefix the request must carry.
 * The mock is the backend, so it matches what the gateway asks it for: a topic's backend path
 * (`x-backend-path`) when it has one, else the topic path.
 */
export interface MockApi {
  id: string;
  name: string;
  /** Backend base URL, e.g. `http://localhost:8080` or `http://127.0.0.1:8080/v1`. */
  endpoint: string;
  topics: SseTopic[];
  /** `x-mock` per topic path (shared/asyncapi/read-mock.ts). */
  mock?: Record<string, MockConfig>;
  /** Messages per topic path (shared/asyncapi/read-mock.ts). */
  messages?: Record<string, MockMessage[]>;
  /** Finite values of path parameters, per topic path (shared/asyncapi/read-param-values.ts). */
  paramValues?: Record<string, Record<string, string[]>>;
  /** Browser origins the API allows (`x-gateway.cors`): the mock answers CORS for these only. */
  corsOrigins?: string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export type EndpointVerdict = { served: true; prefix: string } | { served: false; reason: string };

export function endpointVerdict(endpoint: string, ports: readonly number[]): EndpointVerdict {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { served: false, reason: `"${endpoint}" is not a URL.` };
  }
  if (url.protocol !== 'http:') return { served: false, reason: `The mock speaks plain http; the endpoint uses ${url.protocol}//.` };
  if (!LOOPBACK.has(url.hostname)) return { served: false, reason: `The endpoint's host ${url.hostname} is not this machine (127.0.0.1 or localhost).` };
  const port = url.port === '' ? 80 : Number(url.port);
  if (!ports.includes(port)) return { served: false, reason: `The endpoint's port ${port} is not the mock's (${ports.join(' or ')}).` };
  return { served: true, prefix: url.pathname.replace(/\/+$/, '') };
}

export interface MockRoute {
  api: MockApi;
  topic: SseTopic;
  params: Record<string, string>;
  /** The request path below the endpoint's prefix, e.g. `/prices/ACME`. */
  path: string;
}

export function routeRequest(served: ReadonlyArray<{ api: MockApi; prefix: string }>, pathname: string): MockRoute | undefined {
  let longest: string | undefined;
  for (const { prefix } of served) {
    if ((pathname === prefix || pathname.startsWith(prefix + '/')) && (longest === undefined || prefix.length > longest.length)) longest = prefix;
  }
  if (longest === undefined) return undefined;
  const rest = pathname.slice(longest.length) || '/';
  const candidates = served
    .filter((s) => s.prefix === longest)
    .flatMap(({ api }) => api.topics.map((topic) => ({ path: (topic.backendPath ?? topic.path).split('?')[0] as string, api, topic })));
  const match = matchTopic(candidates, rest);
  return match && { api: match.topic.api, topic: match.topic.topic, params: decodeParams(match.params), path: rest };
}

function decodeParams(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}
