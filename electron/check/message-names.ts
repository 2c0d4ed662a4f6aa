import { parse } from 'yaml';

/**
 * The event names a topic's AsyncAPI channel declares, for a light contract check: an SSE event's
 * `event:` field (`message` when it has none) should be one of its channel's message names.
 * AsyncAPI 3.0: `channels.<key>.messages` (each message's `name`, else its key); 2.x: the channel's
 * `subscribe.message` (`name`, or each of `oneOf`). Local `$ref`s are followed. Undefined when the
 * document declares no names for the topic: nothing to check against.
 */
export function declaredEventNames(documentText: string, topicPath: string): string[] | undefined {
  let doc: unknown;
  try {
    doc = parse(documentText);
  } catch {
    return undefined;
  }
  const root = record(doc);
  const channels = record(root?.channels);
  if (!root || !channels) return undefined;
  const resolve = (value: unknown): Record<string, unknown> | undefined => {
    const r = record(value);
    const ref = typeof r?.$ref === 'string' ? r.$ref : undefined;
    if (!ref?.startsWith('#/')) return r;
    let at: unknown = root;
    for (const part of ref.slice(2).split('/')) at = record(at)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return record(at);
  };
  for (const [key, value] of Object.entries(channels)) {
    const channel = resolve(value);
    const address = typeof channel?.address === 'string' ? channel.address : key;
    if (!channel || normalize(address) !== normalize(topicPath)) continue;
    const names: string[] = [];
    const messages = record(channel.messages);
    if (messages) {
      for (const [messageKey, message] of Object.entries(messages)) {
        const resolved = resolve(message);
        names.push(typeof resolved?.name === 'string' ? resolved.name : messageKey);
      }
    }
    const subscribed = resolve(record(channel.subscribe)?.message);
    const oneOf = Array.isArray(subscribed?.oneOf) ? subscribed.oneOf : subscribed ? [subscribed] : [];
    for (const message of oneOf) {
      const name = resolve(message)?.name;
      if (typeof name === 'string') names.push(name);
    }
    return names.length ? [...new Set(names)] : undefined;
  }
  return undefined;
}

const normalize = (p: string) => (p.startsWith('/') ? p : '/' + p);
const record = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
