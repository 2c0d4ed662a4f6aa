import { isRecord, recordEntries } from './plain-data.ts';
import type { EndpointOrigin } from './read-endpoint.ts';

/** Which tool's conventions a document follows, so the UI can say what was understood. */
export type DocumentSource = 'sse-studio' | 'wso2' | 'http' | 'generic';

const STUDIO_ROOT = ['x-context', 'x-gateway'];
const STUDIO_NESTED = ['x-backend-path', 'x-scheme', 'x-mock'];
// Extensions WSO2 API Manager writes into async API definitions besides the root `x-wso2-*` ones:
// `x-auth-type` on channels, `x-scopes` and `x-uri-mapping` on operations (APISpecParserConstants).
const WSO2_NESTED = ['x-auth-type', 'x-scopes', 'x-uri-mapping'];

export function detectSource(doc: Record<string, unknown>, origin: EndpointOrigin | undefined): DocumentSource {
  if (STUDIO_ROOT.some((k) => k in doc) || nestedKeys(doc).some((k) => STUDIO_NESTED.includes(k))) return 'sse-studio';
  if (Object.keys(doc).some((k) => k.startsWith('x-wso2-')) || nestedKeys(doc).some((k) => WSO2_NESTED.includes(k))) return 'wso2';
  if (origin === 'sse-server' || origin === 'wso2-endpoints') return 'wso2';
  if (origin === 'http-server') return 'http';
  return 'generic';
}

/** Keys of servers, channels, 2.x channel operations and 3.0 operations. */
function nestedKeys(doc: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const [, server] of recordEntries(doc.servers)) keys.push(...Object.keys(server));
  for (const [, channel] of recordEntries(doc.channels)) {
    keys.push(...Object.keys(channel));
    for (const op of [channel.subscribe, channel.publish]) if (isRecord(op)) keys.push(...Object.keys(op));
  }
  for (const [, op] of recordEntries(doc.operations)) keys.push(...Object.keys(op));
  return keys;
}
