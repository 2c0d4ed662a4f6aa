import { isRecord } from '../asyncapi/plain-data.ts';

const MAX_DEPTH = 6;

/**
 * A plausible value for a JSON Schema, for docs that have no example: the schema's own
 * `examples`/`example`/`default`/`const`/first `enum` value first, else one made from its type.
 * Object properties and the first array item are filled in; depth is bounded (recursive schemas).
 */
export function exampleFromSchema(schema: unknown, depth = 0): unknown {
  if (!isRecord(schema) || depth > MAX_DEPTH) return null;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  for (const key of ['example', 'default', 'const'] as const) if (schema[key] !== undefined) return schema[key];
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length) return exampleFromSchema(list[0], depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s) => exampleFromSchema(s, depth + 1));
    return parts.every(isRecord) ? Object.assign({}, ...parts) : (parts[0] ?? null);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object' || (type === undefined && isRecord(schema.properties))) {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    return Object.fromEntries(Object.entries(properties).map(([name, sub]) => [name, exampleFromSchema(sub, depth + 1)]));
  }
  if (type === 'array') return schema.items === undefined ? [] : [exampleFromSchema(schema.items, depth + 1)];
  if (type === 'string') return stringFor(schema.format);
  if (type === 'integer') return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 0;
  if (type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 0;
  if (type === 'boolean') return true;
  return null;
}

function stringFor(format: unknown): string {
  switch (format) {
    case 'date-time':
      return '2026-01-01T12:00:00Z';
    case 'date':
      return '2026-01-01';
    case 'uri':
    case 'url':
      return 'https://example.com/';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    default:
      return 'string';
  }
}
