import { uuidFrom, type Random } from '../random.ts';

/**
 * Generates a value that a JSON Schema accepts, deterministically (the randomness is injected).
 * Covers what event payloads use: type (also lists), const, enum, examples/default, formats
 * (date-time, date, time, uuid, email, uri, hostname, ipv4), string lengths, numeric bounds
 * (exclusive too) and multipleOf, required/optional properties, arrays (items, tuple prefixItems,
 * min/maxItems), allOf (merged), oneOf/anyOf (one branch), and `$ref` to the schemas in `refs`.
 * Depth is bounded: below MAX_DEPTH optional properties are left out and arrays get their minimum,
 * so recursive schemas end. Not covered: `pattern` (a string that fits the other rules is made).
 */
export interface SampleOptions {
  random: Random;
  /** The time `date-time`/`date`/`time` strings show (ms since the epoch). */
  now: number;
  /** Schemas referenced by `$ref`, by pointer (`#/components/schemas/Price`). */
  refs?: Record<string, unknown>;
  /** Values for top-level properties, e.g. `{ symbol: 'ACME' }` from the request path. */
  overrides?: Record<string, string>;
}

const MAX_DEPTH = 8;
/** Below this depth optional properties are included; deeper only required ones. */
const FULL_DEPTH = 3;
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];

type Schema = Record<string, unknown>;

export function sampleFromSchema(schema: unknown, options: SampleOptions): unknown {
  return sample(schema, options, 0, options.overrides);
}

function sample(raw: unknown, o: SampleOptions, depth: number, overrides?: Record<string, string>): unknown {
  const schema = deref(raw, o);
  if (!schema) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return pick(schema.enum, o.random);
  if (Array.isArray(schema.allOf) && schema.allOf.length) return sample(mergeAll(schema, o), o, depth, overrides);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length) {
      const { [key]: _omit, ...rest } = schema;
      return sample(mergeAll({ ...rest, allOf: [pick(branches, o.random)] }, o), o, depth, overrides);
    }
  }
  const type = typeOf(schema);
  const hints = [...(Array.isArray(schema.examples) ? schema.examples : []), ...('default' in schema ? [schema.default] : [])];
  if (hints.length && type !== 'number' && type !== 'integer') return pick(hints, o.random);
  switch (type) {
    case 'object':
      return sampleObject(schema, o, depth, overrides);
    case 'array':
      return sampleArray(schema, o, depth);
    case 'string':
      return sampleString(schema, o);
    case 'number':
    case 'integer':
      return sampleNumber(schema, type, o.random);
    case 'boolean':
      return o.random() < 0.5;
    default:
      return null;
  }
}

function deref(raw: unknown, o: SampleOptions): Schema | undefined {
  let node = raw;
  for (let hops = 0; isRecord(node) && typeof node.$ref === 'string' && hops < 16; hops++) {
    const { $ref, ...siblings } = node;
    const target = o.refs?.[$ref as string];
    node = isRecord(target) ? { ...target, ...siblings } : siblings;
  }
  return isRecord(node) ? node : undefined;
}

/** allOf as one schema: properties and required lists combined, other keywords last-wins. */
function mergeAll(schema: Schema, o: SampleOptions): Schema {
  const { allOf, ...base } = schema;
  const parts = [base, ...(Array.isArray(allOf) ? allOf : []).map((p) => deref(p, o) ?? {})];
  const merged: Schema = {};
  const properties: Schema = {};
  const required = new Set<string>();
  for (const part of parts) {
    const flat = Array.isArray(part.allOf) ? mergeAll(part, o) : part;
    Object.assign(merged, flat);
    if (isRecord(flat.properties)) Object.assign(properties, flat.properties);
    if (Array.isArray(flat.required)) for (const r of flat.required) if (typeof r === 'string') required.add(r);
  }
  if (Object.keys(properties).length) merged.properties = properties;
  if (required.size) merged.required = [...required];
  return merged;
}

function typeOf(schema: Schema): string | undefined {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') ?? t[0]) as string | undefined;
  if (isRecord(schema.properties) || Array.isArray(schema.required)) return 'object';
  if ('items' in schema || 'prefixItems' in schema) return 'array';
  if ('format' in schema || 'minLength' in schema || 'maxLength' in schema) return 'string';
  if ('minimum' in schema || 'maximum' in schema || 'multipleOf' in schema) return 'number';
  return undefined;
}

function sampleObject(schema: Schema, o: SampleOptions, depth: number, overrides?: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (depth >= MAX_DEPTH) return out;
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  for (const [name, sub] of Object.entries(properties)) {
    if (!required.has(name) && depth >= FULL_DEPTH) continue;
    const override = overrides?.[name];
    out[name] = override !== undefined ? fromOverride(override, deref(sub, o)) : sample(sub, o, depth + 1);
  }
  for (const name of required) if (!(name in out)) out[name] = overrides?.[name] ?? 'value';
  return out;
}

/** A path parameter as the property's type wants it (`{count}` = "7" becomes 7 for a number). */
function fromOverride(value: string, schema: Schema | undefined): unknown {
  const type = schema && typeOf(schema);
  if ((type === 'number' || type === 'integer') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function sampleArray(schema: Schema, o: SampleOptions, depth: number): unknown[] {
  const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : [];
  const items = isRecord(schema.items) ? schema.items : undefined;
  const min = nonNegative(schema.minItems) ?? (tuple.length ? 0 : depth >= FULL_DEPTH ? 0 : 1);
  const max = Math.max(min, nonNegative(schema.maxItems) ?? min + 2);
  let length: number;
  if (tuple.length) length = Math.min(max, Math.max(min, tuple.length)); // a tuple: its own items (more only when required)
  else if (depth >= FULL_DEPTH) length = min;
  else length = min + Math.floor(o.random() * (Math.min(max, min + 2) - min + 1));
  const out: unknown[] = [];
  for (let i = 0; i < length; i++) out.push(sample(tuple[i] ?? items ?? {}, o, depth + 1));
  return out;
}

function sampleString(schema: Schema, o: SampleOptions): string {
  const now = new Date(o.now);
  let text: string;
  switch (schema.format) {
    case 'date-time':
      return now.toISOString();
    case 'date':
      return now.toISOString().slice(0, 10);
    case 'time':
      return now.toISOString().slice(11, 19) + 'Z';
    case 'uuid':
      return uuidFrom(o.random);
    case 'email':
      text = `${pick(WORDS, o.random)}${Math.floor(o.random() * 100)}@example.com`;
      break;
    case 'uri':
    case 'url':
      text = `https://example.com/${pick(WORDS, o.random)}`;
      break;
    case 'hostname':
      text = `${pick(WORDS, o.random)}.example.com`;
      break;
    case 'ipv4':
      return `192.0.2.${1 + Math.floor(o.random() * 254)}`;
    default:
      text = pick(WORDS, o.random);
  }
  const min = nonNegative(schema.minLength) ?? 0;
  const max = nonNegative(schema.maxLength);
  while (text.length < min) text += 'x';
  return max !== undefined && text.length > max ? text.slice(0, max) : text;
}

function sampleNumber(schema: Schema, type: 'number' | 'integer', random: Random): number {
  const hints = Array.isArray(schema.examples) ? schema.examples.filter((e): e is number => typeof e === 'number') : [];
  const exMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exMax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  // Draft 4 style: exclusiveMinimum: true turns minimum exclusive.
  const minIsExclusive = exMin !== undefined || schema.exclusiveMinimum === true;
  const maxIsExclusive = exMax !== undefined || schema.exclusiveMaximum === true;
  let low = exMin ?? (typeof schema.minimum === 'number' ? schema.minimum : undefined);
  let high = exMax ?? (typeof schema.maximum === 'number' ? schema.maximum : undefined);
  // Unbounded: near the schema's example when it has one (a price stays price-like), else 0 to 1000.
  const hint = hints[0];
  if (low === undefined && high === undefined && hint !== undefined) {
    const spread = Math.abs(hint) * 0.1 + 1;
    [low, high] = [hint - spread, hint + spread];
  }
  low ??= high === undefined ? 0 : high - 1000;
  high ??= low + 1000;
  const step = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : type === 'integer' ? 1 : 0.01;
  let first = Math.ceil(low / step);
  let last = Math.floor(high / step);
  if (minIsExclusive && first * step <= low) first++;
  if (maxIsExclusive && last * step >= high) last--;
  if (last < first) return round(low, step);
  return round((first + Math.floor(random() * (last - first + 1))) * step, step);
}

/** Avoids 0.30000000000000004 for decimal steps. */
function round(value: number, step: number): number {
  const decimals = Math.min(12, Math.max(0, -Math.floor(Math.log10(step)) + 1));
  return Number(value.toFixed(decimals));
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function pick<T>(list: readonly T[], random: Random): T {
  return list[Math.floor(random() * list.length)] as T;
}

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
