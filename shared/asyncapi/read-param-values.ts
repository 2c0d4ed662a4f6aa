/**
 * The values a topic's path parameters may take, when the document says so: a parameter `enum`
 * (AsyncAPI 3.0: `channels.<id>.parameters.<name>.enum`; 2.x: `...parameters.<name>.schema.enum`).
 * The mock answers 404 for other values, so a client cannot make it keep a stream per invented
 * path. Only string values count (path segments are strings); `$ref`s to components are followed
 * once. Topic paths are computed as readMock does (3.0: the `address`, 2.x: the key; "/" added).
 */
export type ParamValues = Record<string, Record<string, string[]>>;

export function readParamValues(doc: unknown): ParamValues {
  const out: ParamValues = {};
  if (!isRecord(doc) || !isRecord(doc.channels)) return out;
  const major = typeof doc.asyncapi === 'string' && doc.asyncapi.startsWith('3') ? 3 : 2;
  for (const [key, raw] of Object.entries(doc.channels)) {
    const channel = follow(doc, raw);
    if (!channel || !isRecord(channel.parameters)) continue;
    const address = major === 3 && typeof channel.address === 'string' ? channel.address : key;
    const path = address.startsWith('/') ? address : '/' + address;
    for (const [name, rawParam] of Object.entries(channel.parameters)) {
      const param = follow(doc, rawParam);
      if (!param) continue;
      const schema = major === 3 ? param : follow(doc, param.schema);
      const values = schema && Array.isArray(schema.enum) ? schema.enum.filter((v): v is string => typeof v === 'string') : [];
      if (values.length) (out[path] ??= {})[name] = values;
    }
  }
  return out;
}

function follow(doc: Record<string, unknown>, value: unknown): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    node = isRecord(node) ? node[key] : undefined;
  }
  return isRecord(node) ? node : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
