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
      out[key] = !namesHere && (DATA.has(key) || key.startsWith('x-')) ? value : walk(value, !namesHere && NAME_MAPS.has(key));
    }
    return out;
  };
  return walk(doc, false);
}
