import { isRecord, recordEntries, type DocPath } from './plain-data.ts';
import type { Report } from './read-identity.ts';

/**
 * One channel of the document and which way its events flow. SSE topics are subscribe-only. In 2.x
 * a topic is a `subscribe` channel (the application sends, clients subscribe: every tool agrees).
 * In 3.x two points of view meet: WSO2 API Manager describes the client (`action: receive`,
 * AsyncApiV3Parser.generateAsyncAPIDefinition, and its importer reads exactly those), while the
 * spec's own examples and AsyncAPI's converter describe the application (`action: send`, as in the
 * 3.0 gitter-streaming example). pointOfView3 tells which one a document uses.
 */
export interface ChannelFlow {
  key: string;
  /** The topic address as written (2.x: the channel key; 3.0: `address`, else the key). */
  address: string;
  addressAt: DocPath;
  description?: string;
  backendPath?: string;
  flow: 'subscribe' | 'both' | 'publish-only' | 'none';
  /** The publish / send operations on the channel, named in messages. */
  publishers: string[];
}

export function channelFlowsV2(doc: Record<string, unknown>): ChannelFlow[] {
  return recordOrEmpty(doc.channels).map(([key, channel]) => {
    const subscribe = isRecord(channel.subscribe) ? channel.subscribe : undefined;
    const publish = isRecord(channel.publish) ? channel.publish : undefined;
    const flow = subscribe ? (publish ? 'both' : 'subscribe') : publish ? 'publish-only' : 'none';
    // WSO2 keeps a topic's backend path in `x-uri-mapping` on the operation (APISpecParserConstants.ASYNCAPI_URI_MAPPING).
    const backendPath = stringOr(channel['x-backend-path']) ?? uriMapping(stringOr(subscribe?.['x-uri-mapping']), key);
    return {
      key,
      address: key,
      addressAt: ['channels', key],
      ...common(channel, backendPath),
      flow,
      publishers: publish ? [stringOr(publish.operationId) ?? 'publish'] : [],
    };
  });
}

/** Whose side a 3.x document describes: the client's (`receive` = topic) or the application's (`send` = topic). */
export type PointOfView = 'client' | 'application';

/** The operation action that makes a channel an SSE topic under a point of view. */
export function topicAction(pov: PointOfView): 'receive' | 'send' {
  return pov === 'client' ? 'receive' : 'send';
}

/**
 * Which point of view a 3.x document takes: only `receive` operations -> client, only `send` ->
 * application; with both, SSE Studio's and WSO2's own documents are the client's, else the action
 * most operations use wins (a tie reads as the client's, WSO2's convention).
 */
export function pointOfView3(doc: Record<string, unknown>): PointOfView {
  let receive = 0;
  let send = 0;
  for (const [, op] of recordEntries(doc.operations)) {
    if (op.action === 'receive') receive++;
    else if (op.action === 'send') send++;
  }
  if (send === 0 || receive === 0) return send > 0 ? 'application' : 'client';
  const marked = ['x-context', 'x-gateway'].some((k) => k in doc) || Object.keys(doc).some((k) => k.startsWith('x-wso2-'));
  return marked || receive >= send ? 'client' : 'application';
}

/** A 3.x operation's channel key, when its `channel.$ref` points into this document's channels. */
export function operationChannelKey(op: Record<string, unknown>, keys: Set<string>): string | undefined {
  const ref = isRecord(op.channel) && typeof op.channel.$ref === 'string' ? op.channel.$ref : undefined;
  return ref === undefined ? undefined : channelKeyOf(ref, keys);
}

export function channelFlowsV3(doc: Record<string, unknown>, warn: Report): ChannelFlow[] {
  const channels = recordOrEmpty(doc.channels);
  const keys = new Set(channels.map(([key]) => key));
  const topicSide = topicAction(pointOfView3(doc));
  const receivers = new Map<string, Array<Record<string, unknown>>>();
  const senders = new Map<string, string[]>();
  for (const [opKey, op] of recordEntries(doc.operations)) {
    const key = operationChannelKey(op, keys);
    if (key === undefined) {
      warn(['operations', opKey, 'channel'], `Operation "${opKey}" does not refer to a channel of this document (channel: { $ref: "#/channels/<name>" }); it is ignored.`);
      continue;
    }
    if (op.action === topicSide) receivers.set(key, [...(receivers.get(key) ?? []), op]);
    else if (op.action === 'send' || op.action === 'receive') senders.set(key, [...(senders.get(key) ?? []), opKey]);
  }
  return channels.map(([key, channel]) => {
    const receive = receivers.get(key) ?? [];
    const send = senders.get(key) ?? [];
    const flow = receive.length ? (send.length ? 'both' : 'subscribe') : send.length ? 'publish-only' : 'none';
    const hasAddress = typeof channel.address === 'string';
    const mapping = receive.map((op) => stringOr(op['x-uri-mapping'])).find(Boolean);
    const backendPath = stringOr(channel['x-backend-path']) ?? uriMapping(mapping, hasAddress ? (channel.address as string) : key);
    return {
      key,
      address: hasAddress ? (channel.address as string) : key,
      addressAt: hasAddress ? ['channels', key, 'address'] : ['channels', key],
      ...common(channel, backendPath),
      flow,
      publishers: send,
    };
  });
}

/**
 * `#/channels/<key>` with JSON-pointer escapes (`~1` = `/`). WSO2 4.5+ writes topic names unescaped
 * (`#/channels/prices/{symbol}`), so the raw remainder is tried as a key too.
 */
function channelKeyOf(ref: string, keys: Set<string>): string | undefined {
  if (!ref.startsWith('#/channels/')) return undefined;
  const rest = ref.slice('#/channels/'.length);
  const decoded = rest.replace(/~1/g, '/').replace(/~0/g, '~');
  return [decoded, rest].find((k) => keys.has(k));
}

/** A mapping that repeats the topic path maps nothing. */
function uriMapping(mapping: string | undefined, address: string): string | undefined {
  const path = address.startsWith('/') ? address : '/' + address;
  return mapping && mapping !== path ? mapping : undefined;
}

function common(channel: Record<string, unknown>, backendPath: string | undefined): { description?: string; backendPath?: string } {
  const description = stringOr(channel.description);
  return { ...(description ? { description } : {}), ...(backendPath ? { backendPath } : {}) };
}

function recordOrEmpty(value: unknown): Array<[string, Record<string, unknown>]> {
  // A channel written as `/*:` with nothing under it is null in YAML: still a channel.
  return isRecord(value) ? Object.entries(value).map(([k, v]) => [k, isRecord(v) ? v : {}]) : [];
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}
