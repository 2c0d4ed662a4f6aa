import { cloneData, isRecord, recordEntries } from './plain-data.ts';
import { operationChannelKey, pointOfView3, topicAction } from './read-channels.ts';
import type { Report } from './read-identity.ts';
import { findRefs, resolvePointer } from './read-refs.ts';

/**
 * AsyncAPI 3.x -> 2.6, keeping every message and schema (AsyncAPI's converter only goes upwards).
 *  - servers: host + pathname + protocol -> url (scheme from `x-scheme`, else http/https from the
 *    protocol, else http); security $refs -> requirement objects;
 *  - channels: keyed by their address; the topic operations (`send`, or `receive` in a document
 *    written from the client's side) become the channel's `subscribe`, the others its `publish`;
 *    an operation's messages (or the channel's, when it lists none) become `message` (`oneOf` when
 *    several), each message inline with `messageId` = its 3.0 key when that key is unique;
 *  - parameters get a `schema` (enum, default, examples); info.tags/externalDocs move to the root;
 *    OAuth2 `availableScopes` -> `scopes`.
 * What 2.6 cannot carry (channel/server titles and summaries, operation titles, replies, a second
 * operation of the same direction on one channel ...) is named in a warning, never dropped silently.
 */
export function convert3to2(source: Record<string, unknown>, warn: Report): Record<string, unknown> {
  const doc = cloneData(source);
  const side = topicAction(pointOfView3(doc));
  const channels = recordEntries(doc.channels);
  const keys = new Set(channels.map(([k]) => k));
  const addresses = channelAddresses(channels);
  const messageKeyCount = countMessageKeys(channels);
  const outChannels: Record<string, unknown> = {};

  const byChannel = new Map<string, Array<[string, Record<string, unknown>]>>();
  for (const [opKey, op] of recordEntries(doc.operations)) {
    const key = operationChannelKey(op, keys);
    if (key === undefined) {
      warn(['operations', opKey], `Operation "${opKey}" refers to no channel of this document: AsyncAPI 2.6 keeps operations inside channels, so it cannot be carried.`);
      continue;
    }
    byChannel.set(key, [...(byChannel.get(key) ?? []), [opKey, op]]);
  }

  for (const [key, channel] of channels) {
    const at = ['channels', key];
    const address = addresses.get(key) as string;
    const { address: _address, messages, parameters, servers, ...rest } = channel;
    for (const field of ['title', 'summary', 'tags', 'externalDocs'] as const) {
      if (rest[field] !== undefined) {
        warn([...at, field], `AsyncAPI 2.6 channels have no "${field}": the ${field} of channel "${key}" cannot be carried.`);
        delete rest[field];
      }
    }
    const out: Record<string, unknown> = { ...rest };
    if (Array.isArray(servers)) out.servers = servers.map((s) => (isRecord(s) && typeof s.$ref === 'string' ? s.$ref.replace(/^#\/servers\//, '').replace(/~1/g, '/').replace(/~0/g, '~') : s));
    if (isRecord(parameters)) out.parameters = convertParameters(parameters);
    const own = isRecord(messages) ? messages : {};
    const ops = byChannel.get(key) ?? [];
    const unused = unusedMessages(key, own, ops);
    if (unused.length && ops.length) warn([...at, 'messages'], `Channel "${key}": ${unused.map((m) => `"${m}"`).join(', ')} ${unused.length === 1 ? 'is' : 'are'} in no operation; AsyncAPI 2.6 keeps messages in operations, so ${unused.length === 1 ? 'it goes' : 'they go'} into the subscribe operation.`);
    for (const direction of ['subscribe', 'publish'] as const) {
      const matching = ops.filter(([, op]) => (direction === 'subscribe' ? op.action === side : op.action !== side));
      const extra = direction === 'subscribe' ? unused : [];
      if (!matching.length && !extra.length) continue;
      const [first, ...others] = matching;
      if (others.length) warn(['operations', others[0]?.[0] as string], `AsyncAPI 2.6 has one ${direction} operation per channel: ${others.map(([k]) => `"${k}"`).join(', ')} on channel "${key}" ${others.length === 1 ? 'is' : 'are'} merged into "${first?.[0]}" (their messages are kept; their own names and settings are not).`);
      out[direction] = convertOperation(doc, first, matching, key, own, extra, messageKeyCount, warn);
    }
    outChannels[address] = out;
  }

  const info = isRecord(doc.info) ? { ...doc.info } : doc.info;
  const root: Record<string, unknown> = {};
  if (isRecord(info)) {
    for (const field of ['tags', 'externalDocs'] as const) {
      if (info[field] !== undefined) {
        root[field] = info[field];
        delete info[field];
      }
    }
  }
  const { asyncapi: _v, info: _i, servers, channels: _c, operations: _o, components, ...other } = doc;
  const out: Record<string, unknown> = {
    asyncapi: '2.6.0',
    ...(doc.id !== undefined ? { id: doc.id } : {}),
    info,
    ...other,
    ...(isRecord(servers) ? { servers: convertServers(servers, warn) } : {}),
    channels: outChannels,
    ...(isRecord(components) ? { components: convertComponents(components, warn) } : {}),
    ...root,
  };
  return rewriteChannelRefs(out, addresses, warn);
}

function channelAddresses(channels: Array<[string, Record<string, unknown>]>): Map<string, string> {
  const used = new Set<string>();
  return new Map(
    channels.map(([key, channel]) => {
      // 2.x has no address: the key is the path. A channel without an address keeps its key.
      let address = typeof channel.address === 'string' && channel.address ? channel.address : key;
      for (let n = 2; used.has(address); n++) address = `${address}#${n}`;
      used.add(address);
      return [key, address];
    }),
  );
}

function countMessageKeys(channels: Array<[string, Record<string, unknown>]>): Map<string, number> {
  const count = new Map<string, number>();
  for (const [, channel] of channels) for (const name of Object.keys(isRecord(channel.messages) ? channel.messages : {})) count.set(name, (count.get(name) ?? 0) + 1);
  return count;
}

/** The channel messages each operation carries: the ones it lists, or all of them when it lists none. */
function operationMessages(channelKey: string, own: Record<string, unknown>, op: Record<string, unknown>): string[] {
  const listed = Array.isArray(op.messages) ? op.messages : undefined;
  if (!listed || !listed.length) return Object.keys(own);
  return listed.flatMap((ref) => {
    const target = isRecord(ref) && typeof ref.$ref === 'string' ? ref.$ref : '';
    const name = Object.keys(own).find((k) => target === `#/channels/${escape(channelKey)}/messages/${escape(k)}` || target === `#/channels/${channelKey}/messages/${k}`);
    return name === undefined ? [] : [name];
  });
}

function unusedMessages(channelKey: string, own: Record<string, unknown>, ops: Array<[string, Record<string, unknown>]>): string[] {
  const used = new Set(ops.flatMap(([, op]) => operationMessages(channelKey, own, op)));
  return Object.keys(own).filter((m) => !used.has(m));
}

function convertOperation(
  doc: Record<string, unknown>,
  first: [string, Record<string, unknown>] | undefined,
  all: Array<[string, Record<string, unknown>]>,
  channelKey: string,
  own: Record<string, unknown>,
  extra: string[],
  messageKeyCount: Map<string, number>,
  warn: Report,
): Record<string, unknown> {
  const [opKey, op]: [string | undefined, Record<string, unknown>] = first ?? [undefined, {}];
  const { action: _a, channel: _c, messages: _m, security, title, reply, ...rest } = op;
  if (title !== undefined) warn(['operations', opKey as string, 'title'], `AsyncAPI 2.6 operations have no "title": the title of operation "${opKey}" cannot be carried.`);
  if (reply !== undefined) warn(['operations', opKey as string, 'reply'], `AsyncAPI 2.6 has no request/reply: the reply of operation "${opKey}" cannot be carried.`);
  const names = [...all.flatMap(([, each]) => operationMessages(channelKey, own, each)), ...extra];
  const messages = [...new Set(names)].map((name) => message(doc, own[name], name, channelKey, messageKeyCount));
  return {
    ...(opKey !== undefined ? { operationId: opKey } : {}),
    ...rest,
    ...(Array.isArray(security) ? { security: security.map((r) => requirement(r)) } : {}),
    ...(messages.length === 1 ? { message: messages[0] } : messages.length > 1 ? { message: { oneOf: messages } } : {}),
  };
}

/** A channel message inline (a `$ref` into components stays a `$ref`), with a unique messageId. */
function message(doc: Record<string, unknown>, raw: unknown, name: string, channelKey: string, count: Map<string, number>): unknown {
  if (isRecord(raw) && typeof raw.$ref === 'string') return raw.$ref.startsWith('#/components/messages/') ? raw : message(doc, resolvePointer(doc, raw.$ref) ?? raw, name, channelKey, count);
  if (!isRecord(raw)) return raw;
  const out: Record<string, unknown> = { messageId: (count.get(name) ?? 0) > 1 ? `${channelKey}.${name}` : name, ...raw };
  return convertMessage(out);
}

/** 3.0 multi-format payloads `{ schemaFormat, schema }` -> 2.x `schemaFormat` + `payload`. */
function convertMessage(m: Record<string, unknown>): Record<string, unknown> {
  const payload = m.payload;
  if (isRecord(payload) && payload.schema !== undefined && typeof payload.schemaFormat === 'string') {
    return { ...m, schemaFormat: payload.schemaFormat, payload: payload.schema };
  }
  return m;
}

function convertParameters(parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(parameters).map(([name, p]) => {
      if (!isRecord(p) || typeof p.$ref === 'string') return [name, p];
      const { enum: values, default: fallback, examples, description, location, ...rest } = p;
      const schema = { type: 'string', ...(values !== undefined ? { enum: values } : {}), ...(fallback !== undefined ? { default: fallback } : {}), ...(examples !== undefined ? { examples } : {}) };
      return [name, { ...(description !== undefined ? { description } : {}), schema, ...(location !== undefined ? { location } : {}), ...rest }];
    }),
  );
}

function convertServers(servers: Record<string, unknown>, warn: Report): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(servers).map(([key, s]) => {
      if (!isRecord(s) || typeof s.$ref === 'string') return [key, s];
      // The 2.x url carries the scheme, so SSE Studio's 3.0 `x-scheme` has nothing left to say.
      const { host, pathname, security, 'x-scheme': _scheme, ...rest } = s;
      for (const field of ['title', 'summary', 'externalDocs'] as const) {
        if (rest[field] === undefined) continue;
        warn(['servers', key, field], `AsyncAPI 2.6 servers have no "${field}": the ${field} of server "${key}" cannot be carried.`);
        delete rest[field];
      }
      const protocol = typeof s.protocol === 'string' ? s.protocol.toLowerCase() : '';
      const scheme = s['x-scheme'] === 'https' || protocol === 'https' || protocol === 'wss' ? (protocol === 'wss' ? 'wss' : 'https') : protocol === 'ws' ? 'ws' : 'http';
      const url = typeof host === 'string' ? (/^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `${scheme}://${host}`) + (typeof pathname === 'string' ? pathname : '') : undefined;
      return [key, { ...(url !== undefined ? { url } : {}), ...rest, ...(Array.isArray(security) ? { security: security.map((r) => requirement(r)) } : {}) }];
    }),
  );
}

function requirement(r: unknown): unknown {
  if (isRecord(r) && typeof r.$ref === 'string' && r.$ref.startsWith('#/components/securitySchemes/')) {
    return { [r.$ref.slice('#/components/securitySchemes/'.length)]: [] };
  }
  return r;
}

const NOT_IN_2_6 = ['channels', 'operations', 'replies', 'replyAddresses', 'tags', 'externalDocs'];

function convertComponents(components: Record<string, unknown>, warn: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(components)) {
    if (NOT_IN_2_6.includes(key)) {
      warn(['components', key], `AsyncAPI 2.6 has no components.${key}: ${Object.keys(isRecord(value) ? value : {}).join(', ') || 'it'} cannot be carried.`);
      continue;
    }
    if (key === 'parameters' && isRecord(value)) out[key] = convertParameters(value);
    else if (key === 'messages' && isRecord(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, m]) => [k, isRecord(m) && m.$ref === undefined ? convertMessage(m) : m]));
    else if (key === 'securitySchemes' && isRecord(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, s]) => [k, oauthScopes(s)]));
    else out[key] = value;
  }
  return out;
}

function oauthScopes(scheme: unknown): unknown {
  if (!isRecord(scheme) || !isRecord(scheme.flows)) return scheme;
  const flows = Object.fromEntries(
    Object.entries(scheme.flows).map(([name, flow]) => {
      if (!isRecord(flow) || flow.availableScopes === undefined) return [name, flow];
      const { availableScopes, ...rest } = flow;
      return [name, { ...rest, scopes: availableScopes }];
    }),
  );
  return { ...scheme, flows };
}

/** Refs into 3.0 channels that are left (in extensions, say) cannot point anywhere in 2.6. */
function rewriteChannelRefs(doc: Record<string, unknown>, addresses: Map<string, string>, warn: Report): Record<string, unknown> {
  for (const { ref, at } of findRefs(doc)) {
    if (!ref.startsWith('#/channels/') || resolvePointer(doc, ref) !== undefined) continue;
    warn(at, `$ref "${ref}" points into a 3.0 channel (${[...addresses.keys()].find((k) => ref.startsWith(`#/channels/${escape(k)}`)) ?? 'unknown'}), which AsyncAPI 2.6 lays out differently: check it.`);
  }
  return doc;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
