import { isRecord } from '../asyncapi/plain-data.ts';
import { resolvePointer } from '../asyncapi/read-refs.ts';

/** Deeper than any hand-written schema; stops a pathological document from blowing the stack. */
const MAX_DEPTH = 40;

/**
 * A copy of `value` with every local `$ref` (`#/components/...`) replaced by what it points at, so a
 * reader sees the schema itself. A reference that points back into itself (a recursive schema), or
 * that cannot be found, or that leads elsewhere (another file), stays a `$ref`.
 */
export function resolveLocalRefs(root: unknown, value: unknown): unknown {
  return resolve(root, value, [], 0);
}

function resolve(root: unknown, value: unknown, seen: string[], depth: number): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => resolve(root, v, seen, depth + 1));
  if (!isRecord(value)) return value;
  const ref = value.$ref;
  if (typeof ref === 'string') {
    const target = seen.includes(ref) ? undefined : resolvePointer(root, ref);
    if (target === undefined) return { $ref: ref };
    const resolved = resolve(root, target, [...seen, ref], depth + 1);
    // Siblings of $ref (allowed in JSON Schema 2019+) are kept beside the resolved target.
    const siblings = Object.entries(value).filter(([k]) => k !== '$ref');
    return siblings.length && isRecord(resolved) ? { ...resolved, ...Object.fromEntries(siblings.map(([k, v]) => [k, resolve(root, v, seen, depth + 1)])) } : resolved;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(root, v, seen, depth + 1)]));
}

/** The node itself, or what its `$ref` points at (one hop, for messages and parameters). */
export function deref(root: unknown, value: unknown): unknown {
  return isRecord(value) && typeof value.$ref === 'string' ? (resolvePointer(root, value.$ref) ?? value) : value;
}
