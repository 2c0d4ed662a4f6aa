import type { SseApi } from '../model/sse-api.ts';
import { refTo, renameKeys } from './doc-refs.ts';
import { withoutExtensions } from './export-extensions.ts';
import { STUDIO_EXTENSIONS } from './export-removals.ts';
import { isRecord, recordEntries } from './plain-data.ts';
import { operationChannelKey } from './read-channels.ts';
import type { Report } from './read-identity.ts';
import { setPointOfView } from './point-of-view.ts';
import { wso2AuthType, wso2Root } from './wso2-extensions.ts';
import { withoutUserInfo } from '../model/public-url.ts';

/**
 * What WSO2 API Manager imports for an SSE API, keeping messages, schemas and everything else:
 *  - SSE Studio's own extensions go (WSO2 reads none of them; x-gateway holds secrets);
 *  - the backend server becomes `production` with `protocol: sse` (a `sandbox` server stays, also
 *    `sse`); other servers are left out with a warning (API Manager takes endpoints from these two);
 *  - the root `x-wso2-*` extensions (basePath, endpoints, transports, CORS, security types), each
 *    topic channel's `x-auth-type` and its operation's `x-uri-mapping` (the backend path);
 *  - 3.0: the client's point of view (`action: receive`), channel keys = topic without its leading
 *    "/", operations `receive_<key>` (AsyncApiV3Parser.generateAsyncAPIDefinition and its importer).
 */
export function applyWso2Profile(source: Record<string, unknown>, api: SseApi, warn: Report): Record<string, unknown> {
  const doc = withoutExtensions(source, (key) => STUDIO_EXTENSIONS.includes(key)) as Record<string, unknown>;
  const major = String(doc.asyncapi).startsWith('3') ? 3 : 2;
  wso2Servers(doc, api, major, warn);
  Object.assign(doc, wso2Root(api));
  const auth = wso2AuthType(api.runtime.security);
  if (major === 2) {
    for (const [key, channel] of recordEntries(doc.channels)) {
      const topic = api.topics.find((t) => t.path === (key.startsWith('/') ? key : '/' + key));
      if (!topic || !isRecord(channel.subscribe)) continue;
      channel['x-auth-type'] = auth;
      if (topic.backendPath) channel.subscribe['x-uri-mapping'] = topic.backendPath;
    }
    return doc;
  }
  setPointOfView(doc, 'client');
  const channels = recordEntries(doc.channels);
  const keys = new Set(channels.map(([k]) => k));
  const channelNames = new Map<string, string>();
  const used = new Set<string>();
  for (const [key, channel] of channels) {
    const address = typeof channel.address === 'string' ? channel.address : key;
    let name = address.replace(/^\/+/, '') || key;
    for (let n = 2; used.has(name); n++) name = `${address.replace(/^\/+/, '')}-${n}`;
    used.add(name);
    channelNames.set(key, name);
    const topic = api.topics.find((t) => t.path === (address.startsWith('/') ? address : '/' + address));
    if (topic) channel['x-auth-type'] = auth;
  }
  const opNames = new Map<string, string>();
  const taken = new Set(Object.keys(isRecord(doc.operations) ? doc.operations : {}));
  for (const [opKey, op] of recordEntries(doc.operations)) {
    const channelKey = operationChannelKey(op, keys);
    if (op.action !== 'receive' || channelKey === undefined) continue;
    const channel = isRecord(doc.channels) ? doc.channels[channelKey] : undefined;
    const address = isRecord(channel) && typeof channel.address === 'string' ? channel.address : channelKey;
    const topic = api.topics.find((t) => t.path === (address.startsWith('/') ? address : '/' + address));
    if (topic?.backendPath) op['x-uri-mapping'] = topic.backendPath;
    const wanted = `receive_${channelNames.get(channelKey) ?? channelKey}`;
    if (wanted === opKey || taken.has(wanted)) continue;
    taken.add(wanted);
    opNames.set(opKey, wanted);
  }
  renameKeys(doc, 'channels', channelNames);
  renameKeys(doc, 'operations', opNames);
  return doc;
}

function wso2Servers(doc: Record<string, unknown>, api: SseApi, major: 2 | 3, warn: Report): void {
  const servers = recordEntries(doc.servers);
  const byProtocol = (p: (s: string) => boolean) => servers.find(([, s]) => typeof s.protocol === 'string' && p(s.protocol.toLowerCase()));
  const backend = (byProtocol((p) => p === 'sse') ?? byProtocol((p) => p === 'http' || p === 'https'))?.[0];
  const url = new URL(api.endpoint);
  const out: Record<string, unknown> = {};
  const names = new Map<string, string>();
  for (const [key, server] of servers) {
    if (key !== backend && key !== 'sandbox') {
      warn(['servers', key], `Server "${key}" is left out of the WSO2 export: API Manager reads the "production" (the backend, here "${backend}") and "sandbox" servers.`);
      continue;
    }
    const name = key === backend ? 'production' : 'sandbox';
    names.set(key, name);
    const { url: _u, host: _h, pathname: _p, ...rest } = server;
    const place = key === backend ? (major === 2 ? { url: withoutUserInfo(api.endpoint) } : { host: url.host, pathname: url.pathname.replace(/\/+$/, '') || '/' }) : major === 2 ? { url: server.url } : { host: server.host, pathname: server.pathname ?? '/' };
    out[name] = { ...place, ...rest, protocol: 'sse' };
  }
  doc.servers = out;
  // Channel server lists follow the renames; ones naming a left-out server lose that entry.
  for (const [, channel] of recordEntries(doc.channels)) {
    if (!Array.isArray(channel.servers)) continue;
    channel.servers = channel.servers.flatMap((s) => {
      const key = typeof s === 'string' ? s : isRecord(s) && typeof s.$ref === 'string' ? s.$ref.replace(/^#\/servers\//, '').replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
      const name = key === undefined ? undefined : names.get(key);
      if (key !== undefined && name === undefined) return [];
      if (name === undefined) return [s];
      return [typeof s === 'string' ? name : { $ref: refTo('servers', name) }];
    });
  }
}
