import { isRecord } from '../../../shared/asyncapi/plain-data.ts';
import type { DocPath } from './doc-tree.ts';

const MAX_HOPS = 8;

/**
 * Follows local `$ref`s (`#/components/messages/tick`) from `path` to the object they name, so the
 * forms edit the message where it is written. Undefined targets and remote refs stop the walk.
 */
export function resolveLocalRef(doc: unknown, path: DocPath): DocPath | null {
  let at = path;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const value = valueAtPath(doc, at);
    if (!isRecord(value)) return null;
    if (typeof value.$ref !== 'string') return at;
    const target = pointerPath(value.$ref);
    if (!target) return null;
    at = target;
  }
  return null;
}

/** `#/channels/a~1b/messages/x` -> ['channels', 'a/b', 'messages', 'x']; undefined for remote refs. */
export function pointerPath(ref: string): DocPath | undefined {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `['channels', 'a/b']` -> `#/channels/a~1b`. */
export function pointerOf(path: DocPath): string {
  return '#/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** The first message of a 3.0 channel, followed to where it is written. */
export function v3MessageOf(doc: Record<string, unknown>, key: string): DocPath | null {
  const channel = isRecord(doc.channels) ? doc.channels[key] : undefined;
  if (!isRecord(channel) || !isRecord(channel.messages)) return null;
  const first = Object.keys(channel.messages)[0];
  return first === undefined ? null : resolveLocalRef(doc, ['channels', key, 'messages', first]);
}

/** Keys of the 3.0 operations whose `channel` points at channel `key`. */
export function operationsOf(doc: Record<string, unknown>, key: string): string[] {
  if (!isRecord(doc.operations)) return [];
  return Object.entries(doc.operations)
    .filter(([, op]) => {
      const ref = isRecord(op) && isRecord(op.channel) && typeof op.channel.$ref === 'string' ? op.channel.$ref : undefined;
      // WSO2 4.5+ writes the key unescaped (`#/channels/prices/{symbol}`).
      return ref !== undefined && (samePath(pointerPath(ref), ['channels', key]) || ref === `#/channels/${key}`);
    })
    .map(([name]) => name);
}

function samePath(a: DocPath | undefined, b: DocPath): boolean {
  return a !== undefined && a.length === b.length && a.every((p, i) => p === b[i]);
}

export function valueAtPath(doc: unknown, path: DocPath): unknown {
  let node = doc;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
