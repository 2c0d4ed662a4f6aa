import { findRefs } from './read-refs.ts';
import { isRecord } from './plain-data.ts';

/** `#/<section>/<key>` with the key escaped as a JSON pointer segment. */
export function refTo(section: string, key: string): string {
  return `#/${section}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * Renames keys of a top-level section (`channels`, `operations`, `servers`) in place, keeping their
 * order, and points every `$ref` at the new names (`#/channels/old/messages/m` too).
 */
export function renameKeys(doc: Record<string, unknown>, section: string, names: Map<string, string>): void {
  const map = doc[section];
  if (!isRecord(map) || ![...names].some(([a, b]) => a !== b)) return;
  doc[section] = Object.fromEntries(Object.entries(map).map(([k, v]) => [names.get(k) ?? k, v]));
  const prefixes = [...names].filter(([a, b]) => a !== b).map(([a, b]) => [refTo(section, a), refTo(section, b), `#/${section}/${a}`] as const);
  for (const { ref, at } of findRefs(doc)) {
    for (const [from, to, raw] of prefixes) {
      const hit = [from, raw].find((p) => ref === p || ref.startsWith(`${p}/`));
      if (hit === undefined) continue;
      setAt(doc, at, to + ref.slice(hit.length));
      break;
    }
  }
}

function setAt(doc: unknown, path: Array<string | number>, value: unknown): void {
  let node: unknown = doc;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  (node as Record<string | number, unknown>)[path[path.length - 1] as string | number] = value;
}

/**
 * WSO2 4.5+ writes channel references without escaping the "/" of a topic
 * (`#/channels/stocks/{symbol}`), which AsyncAPI tools reject: write them as JSON pointers.
 */
export function escapeChannelRefs(doc: Record<string, unknown>): void {
  if (!isRecord(doc.channels)) return;
  const keys = Object.keys(doc.channels).filter((k) => k.includes('/')).sort((a, b) => b.length - a.length);
  for (const { ref, at } of findRefs(doc)) {
    if (!ref.startsWith('#/channels/')) continue;
    const rest = ref.slice('#/channels/'.length);
    const key = keys.find((k) => rest === k || rest.startsWith(`${k}/`));
    if (key !== undefined) setAt(doc, at, refTo('channels', key) + rest.slice(key.length));
  }
}
