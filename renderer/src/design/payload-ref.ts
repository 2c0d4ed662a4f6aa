import { isRecord } from '../../../shared/asyncapi/plain-data.ts';
import type { DocPath } from './doc-tree.ts';
import { pointerPath, valueAtPath } from './topic-refs.ts';

const MAX_HOPS = 8;

/**
 * The reference into another file a payload schema is read from (`./schemas.json#/Price`), also
 * through local `$ref`s (`#/components/schemas/Price` written as such a reference); undefined when
 * the schema is written in this document. The forms show such a schema read-only: the page cannot
 * write the other file, and writing a copy here would cut the link.
 */
export function externalRefAt(doc: unknown, path: DocPath): string | undefined {
  let node = valueAtPath(doc, path);
  for (let hop = 0; hop < MAX_HOPS && isRecord(node) && typeof node.$ref === 'string'; hop++) {
    const local = pointerPath(node.$ref);
    if (!local) return node.$ref;
    node = valueAtPath(doc, local);
  }
  return undefined;
}

/** The schema at `path` in the host's resolved document (other files inlined), as pretty JSON; '' when it is not there. */
export function resolvedSchemaText(resolved: unknown, path: DocPath | null): string {
  if (!path) return '';
  let node = valueAtPath(resolved, path);
  // The bundler inlines other files where they are referenced; a local `$ref` left in place is followed.
  for (let hop = 0; hop < MAX_HOPS && isRecord(node) && typeof node.$ref === 'string'; hop++) {
    const local = pointerPath(node.$ref);
    if (!local) return '';
    node = valueAtPath(resolved, local);
  }
  return node === undefined ? '' : JSON.stringify(node, null, 2);
}

/** Where a topic's first message is written, before any `$ref` is followed (3.0: under the channel's `messages`; 2.x: `subscribe.message`, or its first `oneOf`). */
export function writtenMessageAt(doc: Record<string, unknown>, spec: 2 | 3, key: string): DocPath | null {
  const channel = isRecord(doc.channels) ? doc.channels[key] : undefined;
  if (!isRecord(channel)) return null;
  if (spec === 3) {
    const first = isRecord(channel.messages) ? Object.keys(channel.messages)[0] : undefined;
    return first === undefined ? null : ['channels', key, 'messages', first];
  }
  const message = isRecord(channel.subscribe) ? channel.subscribe.message : undefined;
  if (!isRecord(message)) return null;
  return Array.isArray(message.oneOf) ? (message.oneOf.length ? ['channels', key, 'subscribe', 'message', 'oneOf', 0] : null) : ['channels', key, 'subscribe', 'message'];
}
