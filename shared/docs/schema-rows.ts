import { isRecord } from '../asyncapi/plain-data.ts';

export interface SchemaRow {
  /** Dotted path from the payload: `price`, `fromUser.username`, `items[].id`. */
  name: string;
  type: string;
  required: boolean;
  description?: string;
  /** enum, format, bounds and the like, in one short line. */
  constraints?: string;
}

const MAX_DEPTH = 4;
const MAX_ROWS = 200;

/** A payload schema as rows of a property table, nested objects flattened with dotted names. */
export function schemaRows(schema: unknown): SchemaRow[] {
  const rows: SchemaRow[] = [];
  walk(schema, '', rows, 0);
  return rows;
}

/** The schema's type in a word or two: `string`, `array of object`, `string | null`, `oneOf`. */
export function schemaType(schema: unknown): string {
  if (!isRecord(schema)) return 'any';
  if (typeof schema.$ref === 'string') return `see ${schema.$ref}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : typeof schema.type === 'string' ? schema.type : undefined;
  if (type === 'array') return `array of ${schemaType(schema.items)}`;
  if (type) return type;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) if (Array.isArray(schema[key])) return key;
  if (isRecord(schema.properties)) return 'object';
  return 'any';
}

function walk(schema: unknown, prefix: string, rows: SchemaRow[], depth: number): void {
  if (!isRecord(schema) || depth > MAX_DEPTH) return;
  const target = schemaType(schema).startsWith('array of') && isRecord(schema.items) ? schema.items : schema;
  const base = target === schema ? prefix : `${prefix}[]`;
  if (!isRecord(target.properties)) return;
  const required = Array.isArray(target.required) ? target.required : [];
  for (const [name, sub] of Object.entries(target.properties)) {
    if (rows.length >= MAX_ROWS) return;
    const path = base ? `${base}.${name}` : name;
    const s = isRecord(sub) ? sub : {};
    const constraints = describeConstraints(s);
    rows.push({
      name: path,
      type: schemaType(s),
      required: required.includes(name),
      ...(typeof s.description === 'string' ? { description: s.description } : {}),
      ...(constraints ? { constraints } : {}),
    });
    walk(s, path, rows, depth + 1);
  }
}

function describeConstraints(s: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  if (Array.isArray(s.enum)) parts.push(`one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (s.const !== undefined) parts.push(`always ${JSON.stringify(s.const)}`);
  if (typeof s.format === 'string') parts.push(`format ${s.format}`);
  for (const [key, label] of [['minimum', '≥'], ['maximum', '≤'], ['minLength', 'min length'], ['maxLength', 'max length'], ['pattern', 'pattern']] as const) {
    if (s[key] !== undefined) parts.push(`${label} ${String(s[key])}`);
  }
  if (Array.isArray(s.examples) && s.examples.length) parts.push(`e.g. ${JSON.stringify(s.examples[0])}`);
  return parts.length ? parts.join('; ') : undefined;
}
