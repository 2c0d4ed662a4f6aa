import { isRecord, type DocPath } from './plain-data.ts';
import type { Report } from './read-identity.ts';

const MAX_NODES = 100_000;

/** Every `$ref` in a document with where it is, in document order. */
export function findRefs(doc: unknown): Array<{ ref: string; at: DocPath }> {
  const refs: Array<{ ref: string; at: DocPath }> = [];
  let seen = 0;
  const walk = (node: unknown, at: DocPath) => {
    if (++seen > MAX_NODES) return;
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...at, i]));
    else if (isRecord(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') refs.push({ ref: v, at: [...at, k] });
        else walk(v, [...at, k]);
      }
    }
  };
  walk(doc, []);
  return refs;
}

/** The value a local JSON pointer (`#/a/b~1c`) names, or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (ref === '#') return doc;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isRecord(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * Local references must point at something: otherwise the mock streams `data: null` and a schema
 * silently vanishes. A reference into another file is resolved where files can be read (the CLI
 * and host, see electron/project/external-refs.ts). WSO2 4.5+ writes channel references without
 * escaping the "/" of the topic (`#/channels/prices/{symbol}`); those are read as channel keys.
 */
export function checkLocalRefs(doc: Record<string, unknown>, problem: Report): void {
  for (const { ref, at } of findRefs(doc)) {
    if (!ref.startsWith('#') || resolvePointer(doc, ref) !== undefined || unescapedChannelRef(doc, ref)) continue;
    problem(at, `Cannot resolve $ref "${ref}": nothing in this document is at that path. Point it at an existing definition, e.g. "#/components/schemas/<Name>".`);
  }
}

function unescapedChannelRef(doc: Record<string, unknown>, ref: string): boolean {
  if (!ref.startsWith('#/channels/') || !isRecord(doc.channels)) return false;
  const rest = ref.slice('#/channels/'.length);
  return Object.keys(doc.channels).some((key) => rest === key || rest.startsWith(`${key}/messages/`));
}
