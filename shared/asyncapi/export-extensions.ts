import { isRecord } from './plain-data.ts';

/** Maps whose keys are names (a schema property called `x-id` is not an extension). */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'channels', 'operations', 'servers', 'messages', 'schemas',
  'parameters', 'securitySchemes', 'serverVariables', 'variables', 'correlationIds', 'operationTraits', 'messageTraits', 'serverBindings',
  'channelBindings', 'operationBindings', 'messageBindings', 'replies', 'replyAddresses', 'availableScopes', 'scopes',
]);
/** Values that are data, not AsyncAPI objects: nothing inside them is an extension. */
const DATA = new Set(['example', 'examples', 'default', 'const', 'enum']);

export interface ExtensionHit {
  key: string;
  path: Array<string | number>;
}

/** Every specification extension (`x-...` key of an AsyncAPI or schema object), outermost first. */
export function findExtensions(doc: unknown): ExtensionHit[] {
  const hits: ExtensionHit[] = [];
  const walk = (node: unknown, path: Array<string | number>, namesHere: boolean) => {
    if (Array.isArray(node)) return node.forEach((v, i) => walk(v, [...path, i], false));
    if (!isRecord(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (!namesHere && key.startsWith('x-')) {
        hits.push({ key, path: [...path, key] });
        continue;
      }
      if (!namesHere && isMessageExampleList(node, key, value)) {
        value.forEach((example, i) => {
          for (const k of Object.keys(example)) if (k.startsWith('x-')) hits.push({ key: k, path: [...path, key, i, k] });
        });
        continue;
      }
      if (!namesHere && DATA.has(key)) continue;
      walk(value, [...path, key], !namesHere && NAME_MAPS.has(key));
    }
  };
  walk(doc, [], false);
  return hits;
}

/** A copy without the extensions `drop` picks (all of them by default). */
export function withoutExtensions(doc: unknown, drop: (key: string) => boolean = () => true): unknown {
  const walk = (node: unknown, namesHere: boolean): unknown => {
    if (Array.isArray(node)) return node.map((v) => walk(v, false));
    if (!isRecord(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (!namesHere && key.startsWith('x-') && drop(key)) continue;
      if (!namesHere && isMessageExampleList(node, key, value)) {
        out[key] = value.map((example) => Object.fromEntries(Object.entries(example).filter(([k]) => !(k.startsWith('x-') && drop(k)))));
        continue;
      }
      out[key] = !namesHere && (DATA.has(key) || key.startsWith('x-')) ? value : walk(value, !namesHere && NAME_MAPS.has(key));
    }
    return out;
  };
  return walk(doc, false);
}

const SCHEMA_KEYS = ['type', 'properties', 'items', 'allOf', 'oneOf', 'anyOf', 'enum', 'const', 'format', '$ref'];
const MESSAGE_EXAMPLE_KEYS = new Set(['name', 'summary', 'headers', 'payload']);

/**
 * A message's (or message trait's) `examples`: a list of Message Example Objects, which may carry
 * their own `x-` fields (only their `headers` and `payload` are data). A schema's `examples` is data
 * through and through; a schema is told apart by its keywords.
 */
function isMessageExampleList(owner: Record<string, unknown>, key: string, value: unknown): value is Array<Record<string, unknown>> {
  if (key !== 'examples' || !Array.isArray(value) || value.length === 0) return false;
  if (SCHEMA_KEYS.some((k) => k in owner)) return false;
  return value.every((example) => isRecord(example) && Object.keys(example).every((k) => MESSAGE_EXAMPLE_KEYS.has(k) || k.startsWith('x-')));
}
