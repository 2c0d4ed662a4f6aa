import type { ParsedText } from '../../../shared/asyncapi/document-text.ts';
import { parseApiText } from '../../../shared/asyncapi/read-text.ts';
import { isRecord } from '../../../shared/asyncapi/plain-data.ts';
import { contextFromBasePath } from '../../../shared/asyncapi/read-identity.ts';
import type { DesignMessage, DesignReading, DesignTopic } from './design-model.ts';
import { endpointOf } from './endpoint-server.ts';
import { resolveLocalRef, v3MessageOf } from './topic-refs.ts';
import { externalRefAt, writtenMessageAt } from './payload-ref.ts';

/**
 * Text -> the forms' model. Only what makes the forms impossible is a problem here (the text does
 * not parse, or it is not an AsyncAPI 2.x / 3.0 mapping); values WSO2 would refuse are read as they
 * are and shown with their fix-it message at the field.
 */
export function readDesign(text: string, fileName?: string): DesignReading {
  return readParsedDesign(parseApiText(text, fileName));
}

/** The same, from text already parsed (the document worker parses once for all its checks). */
export function readParsedDesign(parsed: ParsedText): DesignReading {
  const first = parsed.problems[0];
  if (first) return { ok: false, problem: { message: first.message, line: first.line ?? 1, column: first.column ?? 1 } };
  const doc = parsed.data;
  const at = (path: Array<string | number>) => parsed.locate(path) ?? { line: 1, column: 1 };
  if (!isRecord(doc)) return { ok: false, problem: { message: 'The document is not a mapping: it should start with "asyncapi: 3.0.0".', line: 1, column: 1 } };
  const asyncapi = typeof doc.asyncapi === 'string' ? doc.asyncapi : doc.asyncapi === undefined ? '' : String(doc.asyncapi);
  const major = asyncapi.split('.')[0];
  if (major !== '2' && major !== '3') {
    const where = at(['asyncapi']);
    return { ok: false, problem: { message: asyncapi ? `AsyncAPI ${asyncapi} is not supported: write "asyncapi: 3.0.0" or "2.6.0".` : 'Add "asyncapi: 3.0.0" (or 2.6.0) at the top.', ...where } };
  }
  for (const [key, value] of [['info', doc.info], ['channels', doc.channels], ['servers', doc.servers], ['operations', doc.operations]] as const) {
    if (value !== undefined && value !== null && !isRecord(value)) return { ok: false, problem: { message: `"${key}" must be a mapping.`, ...at([key]) } };
  }
  const spec = major === '3' ? 3 : 2;
  const info = isRecord(doc.info) ? doc.info : {};
  const version = info.version === undefined || info.version === null ? '' : String(info.version);
  const basePath = doc['x-wso2-basePath'];
  const context = typeof doc['x-context'] === 'string' ? doc['x-context'] : typeof basePath === 'string' ? contextFromBasePath(basePath.trim(), version.trim()) : '';
  return {
    ok: true,
    model: {
      spec,
      asyncapi,
      name: text0(info.title),
      version,
      description: text0(info.description),
      context,
      contextSource: doc['x-context'] !== undefined ? 'x-context' : doc['x-wso2-basePath'] !== undefined ? 'x-wso2-basePath' : 'none',
      endpoint: endpointOf(doc, spec).value,
      topics: readTopics(doc, spec),
    },
  };
}

function readTopics(doc: Record<string, unknown>, spec: 2 | 3): DesignTopic[] {
  const channels = isRecord(doc.channels) ? doc.channels : {};
  return Object.entries(channels).map(([key, raw]) => {
    const channel = isRecord(raw) ? raw : {};
    const path = spec === 3 && typeof channel.address === 'string' ? channel.address : key;
    const params = isRecord(channel.parameters) ? channel.parameters : {};
    return {
      key,
      path,
      description: text0(channel.description),
      backendPath: text0(channel['x-backend-path']),
      parameters: Object.entries(params).map(([name, p]) => ({ name, description: isRecord(p) ? text0(p.description) : '' })),
      message: readMessage(doc, spec === 3 ? v3MessageOf(doc, key) : v2MessageOf(doc, key), writtenMessageAt(doc, spec, key)),
      mock: isRecord(channel['x-mock']) ? channel['x-mock'] : undefined,
    };
  });
}

function v2MessageOf(doc: Record<string, unknown>, key: string): Array<string | number> | null {
  const channel = isRecord(doc.channels) ? doc.channels[key] : undefined;
  if (!isRecord(channel) || !isRecord(channel.subscribe) || !isRecord(channel.subscribe.message)) return null;
  const message = channel.subscribe.message;
  // `oneOf` lists several messages; the forms edit the first.
  if (Array.isArray(message.oneOf)) return message.oneOf.length ? resolveLocalRef(doc, ['channels', key, 'subscribe', 'message', 'oneOf', 0]) : null;
  return resolveLocalRef(doc, ['channels', key, 'subscribe', 'message']);
}

function readMessage(doc: Record<string, unknown>, at: Array<string | number> | null, written: Array<string | number> | null): DesignMessage {
  const message = at ? valueAt(doc, at) : undefined;
  if (!at || !isRecord(message)) {
    const source = !at && written ? externalRefAt(doc, written) : undefined;
    return { at: null, name: '', payload: '', examples: '', ...(source !== undefined && written ? { ref: { source, at: written } } : {}) };
  }
  const payloadRef = externalRefAt(doc, [...at, 'payload']);
  const examples = Array.isArray(message.examples) ? message.examples.map((e) => (isRecord(e) && 'payload' in e ? e.payload : e)) : [];
  return {
    at,
    name: text0(message.name),
    payload: message.payload === undefined ? '' : JSON.stringify(message.payload, null, 2),
    ...(payloadRef !== undefined ? { payloadRef } : {}),
    examples: examples.length ? JSON.stringify(examples, null, 2) : '',
  };
}

export function valueAt(doc: unknown, path: Array<string | number>): unknown {
  let node = doc;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function text0(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}
