/**
 * A small JSON Schema checker for the common subset AsyncAPI payloads use: type (and `nullable`),
 * enum, const, required, properties, additionalProperties, patternProperties, items / prefixItems,
 * min/max (items, length, properties, values, exclusive bounds), multipleOf, uniqueItems, pattern,
 * a few formats (date-time, date, time, email, uuid, uri), allOf / anyOf / oneOf / not, and local
 * `$ref`s. Keywords outside the subset are ignored: the check never reports what it does not know.
 *
 * Why not Ajv: it compiles schemas with `new Function`, which the Studio's CSP (`script-src 'self'`,
 * no 'unsafe-eval') forbids in the page, and it is a large dependency for a live check that only
 * needs to say "this event does not fit its message" in words.
 */
export interface SchemaIssue {
  /** Where in the payload: `payload`, `payload.price`, `payload.items[2]`. */
  path: string;
  message: string;
}

export interface CheckOptions {
  /** Schemas `$ref`s point at, by local pointer (`#/components/schemas/Price`). */
  refs?: Readonly<Record<string, unknown>>;
  maxIssues?: number;
}

const MAX_DEPTH = 32;
const FORMATS: Record<string, (s: string) => boolean> = {
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)),
  time: (s) => /^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/.test(s),
  email: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  uri: (s) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s),
};
const patterns = new Map<string, RegExp | null>();

export function checkSchema(value: unknown, schema: unknown, options: CheckOptions = {}, root = 'payload'): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  visit(value, schema, root, 0, issues, options.refs ?? {}, options.maxIssues ?? 5);
  return issues;
}

function visit(value: unknown, schema: unknown, path: string, depth: number, issues: SchemaIssue[], refs: Readonly<Record<string, unknown>>, max: number): void {
  if (issues.length >= max || depth > MAX_DEPTH) return;
  if (schema === false) return void issues.push({ path, message: 'not allowed here' });
  if (!isRecord(schema)) return;
  const add = (message: string, at = path) => {
    if (issues.length < max) issues.push({ path: at, message });
  };

  if (typeof schema.$ref === 'string') {
    const target = refs[schema.$ref];
    if (target !== undefined) visit(value, target, path, depth + 1, issues, refs, max);
  }

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type.map(String) : [String(schema.type)];
    if (schema.nullable === true) types.push('null');
    if (!types.some((t) => hasType(value, t))) return add(`expected ${types.join(' or ')}, got ${describe(value)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => equal(e, value))) add(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${describe(value)}`);
  if ('const' in schema && !equal(schema.const, value)) add(`must be ${JSON.stringify(schema.const)}, got ${describe(value)}`);

  if (typeof value === 'number') checkNumber(value, schema, add);
  if (typeof value === 'string') checkString(value, schema, add);
  if (Array.isArray(value)) checkArray(value, schema, path, depth, issues, refs, max, add);
  else if (isRecord(value)) checkObject(value, schema, path, depth, issues, refs, max, add);

  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) visit(value, s, path, depth + 1, issues, refs, max);
  if (Array.isArray(schema.anyOf)) {
    const results = schema.anyOf.map((s) => checkSchema(value, s, { refs, maxIssues: 1 }, path));
    if (!results.some((r) => r.length === 0)) add(`fits none of the ${schema.anyOf.length} allowed shapes (anyOf)${firstIssue(results)}`);
  }
  if (Array.isArray(schema.oneOf)) {
    const results = schema.oneOf.map((s) => checkSchema(value, s, { refs, maxIssues: 1 }, path));
    const fits = results.filter((r) => r.length === 0).length;
    if (fits === 0) add(`fits none of the ${schema.oneOf.length} allowed shapes (oneOf)${firstIssue(results)}`);
    else if (fits > 1) add(`fits ${fits} of the oneOf shapes; exactly one must fit`);
  }
  if (schema.not !== undefined && checkSchema(value, schema.not, { refs, maxIssues: 1 }, path).length === 0) add('matches a shape it must not (not)');
}

type Add = (message: string, at?: string) => void;

function checkNumber(n: number, s: Record<string, unknown>, add: Add): void {
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const min = num('minimum');
  const max = num('maximum');
  // Draft 4 writes exclusive bounds as booleans beside minimum/maximum; later drafts as numbers.
  const exMin = num('exclusiveMinimum') ?? (s.exclusiveMinimum === true ? min : undefined);
  const exMax = num('exclusiveMaximum') ?? (s.exclusiveMaximum === true ? max : undefined);
  if (min !== undefined && s.exclusiveMinimum !== true && n < min) add(`must be >= ${min}, got ${n}`);
  if (max !== undefined && s.exclusiveMaximum !== true && n > max) add(`must be <= ${max}, got ${n}`);
  if (exMin !== undefined && n <= exMin) add(`must be > ${exMin}, got ${n}`);
  if (exMax !== undefined && n >= exMax) add(`must be < ${exMax}, got ${n}`);
  const multiple = num('multipleOf');
  if (multiple !== undefined && multiple > 0) {
    const q = n / multiple;
    if (Math.abs(q - Math.round(q)) > 1e-9) add(`must be a multiple of ${multiple}, got ${n}`);
  }
}

function checkString(str: string, s: Record<string, unknown>, add: Add): void {
  const length = [...str].length;
  if (typeof s.minLength === 'number' && length < s.minLength) add(`must be at least ${s.minLength} characters, got ${length}`);
  if (typeof s.maxLength === 'number' && length > s.maxLength) add(`must be at most ${s.maxLength} characters, got ${length}`);
  if (typeof s.pattern === 'string') {
    const re = compile(s.pattern);
    if (re && !re.test(str)) add(`must match ${s.pattern}, got ${describe(str)}`);
  }
  if (typeof s.format === 'string') {
    const test = FORMATS[s.format];
    if (test && !test(str)) add(`must be a ${s.format}, got ${describe(str)}`);
  }
}

function checkArray(arr: unknown[], s: Record<string, unknown>, path: string, depth: number, issues: SchemaIssue[], refs: Readonly<Record<string, unknown>>, max: number, add: Add): void {
  if (typeof s.minItems === 'number' && arr.length < s.minItems) add(`must have at least ${s.minItems} items, got ${arr.length}`);
  if (typeof s.maxItems === 'number' && arr.length > s.maxItems) add(`must have at most ${s.maxItems} items, got ${arr.length}`);
  if (s.uniqueItems === true) {
    const seen = new Set<string>();
    for (const item of arr) {
      const key = canonical(item);
      if (seen.has(key)) {
        add(`items must be unique; ${describe(item)} repeats`);
        break;
      }
      seen.add(key);
    }
  }
  arr.forEach((item, i) => {
    let itemSchema: unknown;
    // 2020-12: prefixItems, then items for the rest; drafts 4 to 2019-09: items as a list, then additionalItems.
    if (Array.isArray(s.prefixItems)) itemSchema = i < s.prefixItems.length ? s.prefixItems[i] : s.items;
    else if (Array.isArray(s.items)) itemSchema = i < s.items.length ? s.items[i] : s.additionalItems;
    else itemSchema = s.items;
    if (itemSchema !== undefined) visit(item, itemSchema, `${path}[${i}]`, depth + 1, issues, refs, max);
  });
}

function checkObject(
  obj: Record<string, unknown>,
  s: Record<string, unknown>,
  path: string,
  depth: number,
  issues: SchemaIssue[],
  refs: Readonly<Record<string, unknown>>,
  max: number,
  add: Add,
): void {
  const keys = Object.keys(obj);
  if (Array.isArray(s.required)) for (const k of s.required) if (typeof k === 'string' && !(k in obj)) add(`missing required property "${k}"`);
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties) add(`must have at least ${s.minProperties} properties, got ${keys.length}`);
  if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) add(`must have at most ${s.maxProperties} properties, got ${keys.length}`);
  const properties = isRecord(s.properties) ? s.properties : {};
  const patternProps = isRecord(s.patternProperties) ? Object.entries(s.patternProperties).map(([p, sch]) => [compile(p), sch] as const) : [];
  for (const key of keys) {
    const at = /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
    let known = false;
    if (Object.prototype.hasOwnProperty.call(properties, key)) {
      known = true;
      visit(obj[key], properties[key], at, depth + 1, issues, refs, max);
    }
    for (const [re, sch] of patternProps) {
      if (re?.test(key)) {
        known = true;
        visit(obj[key], sch, at, depth + 1, issues, refs, max);
      }
    }
    if (known || s.additionalProperties === undefined || s.additionalProperties === true) continue;
    if (s.additionalProperties === false) add(`unexpected property "${key}" (additionalProperties: false)`);
    else visit(obj[key], s.additionalProperties, at, depth + 1, issues, refs, max);
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
    default:
      return true; // an unknown type name: not ours to judge
  }
}

/** `string "abc"`, `number 5`, `object`, `array of 3`, `null`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${Number.isInteger(value) ? 'integer' : typeof value} ${String(value)}`;
  return typeof value;
}

function firstIssue(results: SchemaIssue[][]): string {
  const first = results.find((r) => r.length)?.[0];
  return first ? `; first: ${first.path} ${first.message}` : '';
}

function compile(pattern: string): RegExp | null {
  let re = patterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      re = null; // a pattern JavaScript cannot read: not checked
    }
    if (patterns.size < 500) patterns.set(pattern, re);
  }
  return re;
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** JSON with sorted keys, so equal values compare equal whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
