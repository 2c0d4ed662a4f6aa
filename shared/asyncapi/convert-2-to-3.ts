import { convert } from '@asyncapi/converter';
import { cloneData, isRecord, recordEntries } from './plain-data.ts';
import type { PointOfView } from './read-channels.ts';
import type { Report } from './read-identity.ts';
import { upgradeHttpBindings } from './upgrade-http-bindings.ts';

/**
 * AsyncAPI 2.x -> 3.0 with AsyncAPI's own converter (@asyncapi/converter), plus what it does not
 * keep on its own:
 *  - parameters: it keeps only enum/default/examples/description of a 2.x parameter schema and
 *    mangles parameter extensions, so they are converted here (other schema keywords are named in a
 *    warning: a 3.0 parameter has no schema);
 *  - the URL scheme: 3.0 servers have host + pathname only, so an `https://` server whose protocol
 *    is not `https` keeps its scheme as `x-scheme: https` (what SSE Studio reads back);
 *  - readable channel ids (`prices-symbol` rather than `/prices/{symbol}`), via its `x-channelId`.
 * `pointOfView` picks the action a `subscribe` becomes: application -> send, client -> receive.
 */
export function convert2to3(source: Record<string, unknown>, pov: PointOfView, warn: Report): Record<string, unknown> {
  const doc = cloneData(source);
  const parameters = new Map<string, Record<string, unknown>>();
  const ids = channelIds(Object.keys(isRecord(doc.channels) ? doc.channels : {}));
  for (const [key, channel] of recordEntries(doc.channels)) {
    if (isRecord(channel.parameters)) {
      parameters.set(key, convertParameters(channel.parameters, ['channels', key, 'parameters'], warn));
      delete channel.parameters;
    }
    if (channel['x-channelId'] === undefined) channel['x-channelId'] = ids.get(key);
  }
  const components = isRecord(doc.components) ? doc.components : undefined;
  const componentParameters = components && isRecord(components.parameters) ? convertParameters(components.parameters, ['components', 'parameters'], warn) : undefined;
  if (componentParameters) delete components?.parameters;
  const schemes = new Map(recordEntries(doc.servers).map(([key, s]) => [key, typeof s.url === 'string' ? /^([a-z][a-z0-9+.-]*):\/\//i.exec(s.url)?.[1]?.toLowerCase() : undefined]));

  const converted = convert(doc as { asyncapi: string }, '3.0.0', { v2tov3: { pointOfView: pov } }) as Record<string, unknown>;

  for (const [, channel] of recordEntries(converted.channels)) {
    const address = typeof channel.address === 'string' ? channel.address : undefined;
    const own = address === undefined ? undefined : parameters.get(address);
    if (own) channel.parameters = own;
    if (address !== undefined && channel['x-channelId'] === ids.get(address)) delete channel['x-channelId'];
  }
  if (componentParameters && isRecord(converted.components)) converted.components.parameters = componentParameters;
  for (const [key, server] of recordEntries(converted.servers)) {
    const scheme = schemes.get(key);
    const protocol = typeof server.protocol === 'string' ? server.protocol.toLowerCase() : '';
    if (scheme === 'https' && protocol !== 'https' && server['x-scheme'] === undefined) server['x-scheme'] = 'https';
  }
  upgradeHttpBindings(converted, warn);
  return converted;
}

const KEPT = new Set(['enum', 'const', 'default', 'examples', 'description', 'type']);

function convertParameters(parameters: Record<string, unknown>, at: Array<string | number>, warn: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(parameters)) {
    if (!isRecord(raw) || typeof raw.$ref === 'string') {
      out[name] = raw;
      continue;
    }
    const { schema, description, location, ...rest } = raw;
    const s = isRecord(schema) ? schema : {};
    const lost = Object.keys(s).filter((k) => !KEPT.has(k) && !k.startsWith('x-'));
    if (lost.length || (s.type !== undefined && s.type !== 'string')) {
      warn([...at, name, 'schema'], `AsyncAPI 3.0 parameters have no schema: ${[...lost, ...(s.type !== undefined && s.type !== 'string' ? [`type ${String(s.type)}`] : [])].join(', ')} of parameter "${name}" cannot be carried (enum, default, examples and description are kept).`);
    }
    out[name] = {
      ...(s.enum !== undefined ? { enum: s.enum } : s.const !== undefined ? { enum: [s.const] } : {}),
      ...(s.default !== undefined ? { default: s.default } : {}),
      ...(description !== undefined ? { description } : s.description !== undefined ? { description: s.description } : {}),
      ...(s.examples !== undefined ? { examples: s.examples } : {}),
      ...(location !== undefined ? { location } : {}),
      ...rest,
    };
  }
  return out;
}

/** Channel ids for 3.0: readable, unique, letters, digits and dashes. */
export function channelIds(keys: string[]): Map<string, string> {
  const used = new Set<string>();
  return new Map(
    keys.map((key) => {
      const base = key.replace(/\{([^}]+)\}/g, '$1').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || (key.endsWith('*') ? 'all' : 'root');
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      return [key, id];
    }),
  );
}
