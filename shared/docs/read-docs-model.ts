import { isRecord, recordEntries } from '../asyncapi/plain-data.ts';
import { redactSecurity } from './docs-gateway.ts';
import type { DocsExample, DocsGateway, DocsMessage, DocsModel, DocsParameter, DocsScheme, DocsTopic } from './docs-model.ts';
import { deref, resolveLocalRefs } from './resolve-refs.ts';
import { exampleFromSchema } from './schema-example.ts';

/**
 * The docs of an AsyncAPI 2.x or 3.x document (parsed YAML/JSON, normally the `clean` export) and the
 * gateway's routes. Reads leniently: whatever is missing or malformed is left out, never thrown.
 * Topics are the document's channels in order; 2.x channels with only `publish` are skipped (SSE
 * clients receive only), 3.x channels are all kept whatever their operations' point of view.
 */
export function readDocsModel(doc: unknown, gateway: DocsGateway): DocsModel {
  const root = isRecord(doc) ? doc : {};
  const info = isRecord(root.info) ? root.info : {};
  const asyncapi = text(root.asyncapi) ?? '';
  const v2 = asyncapi.startsWith('2.');
  const defaultContentType = text(root.defaultContentType);
  const topics: DocsTopic[] = [];
  for (const [key, rawChannel] of recordEntries(root.channels)) {
    const channel = deref(root, rawChannel);
    if (!isRecord(channel)) continue;
    if (v2 && channel.subscribe === undefined && channel.publish !== undefined) continue;
    const path = v2 ? key : (text(channel.address) ?? key);
    const route = gateway.routes.find((r) => r.path === path);
    topics.push({
      path,
      ...opt('description', text(channel.description)),
      parameters: readParameters(root, channel.parameters),
      messages: (v2 ? messagesV2(root, channel) : messagesV3(root, channel)).map((m) => readMessage(root, m.key, m.message, defaultContentType)),
      httpUrl: route?.httpUrl ?? null,
      httpsUrl: route?.httpsUrl ?? null,
      ...opt('backendUrl', route?.backendUrl),
    });
  }
  return {
    title: text(info.title) ?? 'Untitled API',
    version: text(info.version) ?? '',
    asyncapi,
    ...opt('description', text(info.description)),
    topics,
    schemes: readSchemes(root),
    // Redacted again here: whatever the caller passed, no key or password reaches the page.
    security: redactSecurity(gateway.security),
    ...(gateway.replay ? { replay: gateway.replay } : {}),
  };
}

interface KeyedMessage {
  key: string;
  message: Record<string, unknown>;
}

function messagesV2(root: Record<string, unknown>, channel: Record<string, unknown>): KeyedMessage[] {
  const operation = deref(root, channel.subscribe);
  if (!isRecord(operation)) return [];
  const message = operation.message;
  const list = isRecord(message) && Array.isArray(message.oneOf) ? message.oneOf : [message];
  return list.flatMap((item) => keyed(root, item, undefined));
}

function messagesV3(root: Record<string, unknown>, channel: Record<string, unknown>): KeyedMessage[] {
  return isRecord(channel.messages) ? Object.entries(channel.messages).flatMap(([key, item]) => keyed(root, item, key)) : [];
}

/** A message and the key it is known by: its map key, else the last segment of its `$ref`. */
function keyed(root: Record<string, unknown>, item: unknown, key: string | undefined): KeyedMessage[] {
  const message = deref(root, item);
  if (!isRecord(message)) return [];
  const ref = isRecord(item) && typeof item.$ref === 'string' ? item.$ref.split('/').pop() : undefined;
  return [{ key: key ?? ref ?? text(message.messageId) ?? 'message', message }];
}

function readMessage(root: Record<string, unknown>, key: string, message: Record<string, unknown>, defaultContentType: string | undefined): DocsMessage {
  const payload = message.payload === undefined ? undefined : resolveLocalRefs(root, message.payload);
  const headers = message.headers === undefined ? undefined : resolveLocalRefs(root, message.headers);
  const contentType = text(message.contentType) ?? defaultContentType;
  return {
    name: text(message.name) ?? key,
    ...opt('title', text(message.title)),
    ...opt('summary', text(message.summary)),
    ...opt('description', text(message.description)),
    ...opt('contentType', contentType),
    ...(payload !== undefined ? { payload } : {}),
    ...(headers !== undefined ? { headers } : {}),
    examples: readExamples(root, message.examples, payload),
  };
}

function readExamples(root: Record<string, unknown>, raw: unknown, payload: unknown): DocsExample[] {
  const given: DocsExample[] = Array.isArray(raw)
    ? raw.flatMap((item) => {
        const example = deref(root, item);
        if (!isRecord(example) || example.payload === undefined) return [];
        return [{ ...opt('name', text(example.name)), ...opt('summary', text(example.summary)), payload: resolveLocalRefs(root, example.payload), generated: false }];
      })
    : [];
  if (given.length || payload === undefined) return given;
  return [{ payload: exampleFromSchema(payload), generated: true }];
}

function readParameters(root: Record<string, unknown>, raw: unknown): DocsParameter[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw).map(([name, value]) => {
    const parameter = deref(root, value);
    if (!isRecord(parameter)) return { name };
    // 2.x parameters carry a schema; 3.0 ones carry enum/default/examples themselves.
    const schema = parameter.schema !== undefined ? resolveLocalRefs(root, parameter.schema) : pick(parameter, ['enum', 'default', 'examples']);
    return { name, ...opt('description', text(parameter.description)), ...(schema !== undefined ? { schema } : {}) };
  });
}

function readSchemes(root: Record<string, unknown>): DocsScheme[] {
  const components = isRecord(root.components) ? root.components : {};
  return recordEntries(components.securitySchemes).map(([name, raw]) => {
    const scheme = deref(root, raw);
    const s = isRecord(scheme) ? scheme : {};
    const where = text(s.in);
    const detail = where ? `${where}${text(s.name) ? ` "${text(s.name)}"` : ''}` : [text(s.scheme), text(s.bearerFormat)].filter(Boolean).join(', ') || undefined;
    return { name, type: text(s.type) ?? 'unknown', ...opt('detail', detail), ...opt('description', text(s.description)) };
  });
}

function pick(record: Record<string, unknown>, keys: string[]): Record<string, unknown> | undefined {
  const picked = Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
  return Object.keys(picked).length ? picked : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined;
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
