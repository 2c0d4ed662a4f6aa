import type { MockConfig, MockMessage } from '../model/mock.ts';
import { validateMockConfig } from '../model/mock-validate.ts';
import type { DocProblem } from './document-text.ts';
import { pointOfView3, topicAction } from './read-channels.ts';

/**
 * Reads what the mock backend needs from an AsyncAPI 2.x or 3.0 document (already parsed to plain
 * data), per topic: the channel's `x-mock` block (format: shared/model/mock.ts) and the events its
 * messages describe.
 *  - 2.x: `channels.<path>.subscribe.message` (a message, a `$ref`, or `oneOf` of them);
 *  - 3.x: the messages of the channel's topic operations (`receive`, or `send` in documents written
 *    from the application's point of view, see pointOfView3) when they list some, else the
 *    channel's own `messages`;
 *  - per message: `name` (the `event:` field), `payload` (JSON Schema; 3.0 multi-format
 *    `{ schemaFormat, schema }` too) and examples: `examples[].payload` and `payload.examples`.
 * Only local `$ref`s (`#/...`) are followed; the schemas a payload refers to come along in
 * `schemaRefs`, so the payload can be generated without the document. Topic paths are computed as
 * readSseApi does (3.0: the channel `address`, 2.x: the key; a leading "/" added).
 */
export interface MockReading {
  /** x-mock per topic path (only topics that have one). */
  mock: Record<string, MockConfig>;
  /** Messages per topic path (only topics that have some). */
  messages: Record<string, MockMessage[]>;
  problems: DocProblem[];
}

type Path = Array<string | number>;
type Report = (path: Path, message: string) => void;

const MAX_REF_HOPS = 16;
const MAX_SCHEMA_REFS = 200;

export function readMock(doc: unknown): MockReading {
  const reading: MockReading = { mock: {}, messages: {}, problems: [] };
  const problem: Report = (path, message) => reading.problems.push({ path, message });
  if (!isRecord(doc) || !isRecord(doc.channels)) return reading;
  const major = typeof doc.asyncapi === 'string' && doc.asyncapi.startsWith('3') ? 3 : 2;

  for (const [key, raw] of Object.entries(doc.channels)) {
    const at: Path = ['channels', key];
    const declared = isRecord(raw) ? raw : {};
    const address = major === 3 && typeof declared.address === 'string' ? declared.address : key;
    const path = address.startsWith('/') ? address : '/' + address;
    const channel = resolve(doc, raw, at, problem);
    if (!channel) continue;

    const found = major === 3 ? messages3(doc, key, channel, at, problem) : messages2(doc, channel, at, problem);
    const messages = found.map(({ message, at: messageAt }) => readMessage(doc, message, messageAt, problem));
    if (messages.length) reading.messages[path] = messages;

    if (channel['x-mock'] === undefined) continue;
    const { value, problems } = validateMockConfig(channel['x-mock']);
    for (const p of problems) problem([...at, 'x-mock', ...p.path], p.message);
    if (problems.length) continue;
    const mockAt = [...at, 'x-mock'];
    if (value.scenario === 'examples' && !messages.some((m) => m.examples?.length)) {
      problem([...mockAt, 'scenario'], `scenario "examples" needs examples: add examples to the message (examples: [{ payload: ... }]) or pick "schema".`);
    }
    if (value.scenario === 'schema' && !messages.some((m) => m.payloadSchema !== undefined)) {
      problem([...mockAt, 'scenario'], 'scenario "schema" needs a message payload schema: add one or pick another scenario.');
    }
    if (value.rate !== undefined && value.burst !== undefined) problem([...mockAt, 'burst'], 'Use rate or burst, not both: burst sends N events every T ms in place of a steady rate.');
    reading.mock[path] = value;
  }
  return reading;
}

interface FoundMessage {
  message: Record<string, unknown>;
  at: Path;
}

function messages2(doc: Record<string, unknown>, channel: Record<string, unknown>, at: Path, problem: Report): FoundMessage[] {
  if (channel.subscribe === undefined) return [];
  const subscribeAt = [...at, 'subscribe'];
  const subscribe = resolve(doc, channel.subscribe, subscribeAt, problem);
  if (!subscribe || subscribe.message === undefined) return [];
  const messageAt = [...subscribeAt, 'message'];
  const message = resolve(doc, subscribe.message, messageAt, problem);
  if (!message) return [];
  if (Array.isArray(message.oneOf)) {
    return message.oneOf.flatMap((m, i) => {
      const one = resolve(doc, m, [...messageAt, 'oneOf', i], problem);
      return one ? [{ message: one, at: [...messageAt, 'oneOf', i] }] : [];
    });
  }
  return [{ message, at: messageAt }];
}

function messages3(doc: Record<string, unknown>, key: string, channel: Record<string, unknown>, at: Path, problem: Report): FoundMessage[] {
  const own = isRecord(channel.messages) ? channel.messages : {};
  // WSO2 4.5+ writes channel refs unescaped (`#/channels/prices/{symbol}`): accept both spellings.
  const channelRefs = new Set([`#/channels/${escapePointer(key)}`, `#/channels/${key}`]);
  const listed: Array<{ ref: unknown; at: Path }> = [];
  const operations = isRecord(doc.operations) ? doc.operations : {};
  for (const [opKey, op] of Object.entries(operations)) {
    if (!isRecord(op) || op.action !== topicAction(pointOfView3(doc)) || !isRecord(op.channel) || typeof op.channel.$ref !== 'string' || !channelRefs.has(op.channel.$ref)) continue;
    if (Array.isArray(op.messages)) op.messages.forEach((ref, i) => listed.push({ ref, at: ['operations', opKey, 'messages', i] }));
  }
  if (listed.length) {
    const seen = new Set<unknown>();
    return listed.flatMap(({ ref, at: refAt }) => {
      const target = isRecord(ref) ? ref.$ref : undefined;
      if (target !== undefined && seen.has(target)) return [];
      seen.add(target);
      const message = resolve(doc, ref, refAt, problem);
      return message ? [{ message, at: refAt }] : [];
    });
  }
  return Object.entries(own).flatMap(([name, raw]) => {
    const messageAt = [...at, 'messages', name];
    const message = resolve(doc, raw, messageAt, problem);
    return message ? [{ message, at: messageAt }] : [];
  });
}

function readMessage(doc: Record<string, unknown>, message: Record<string, unknown>, at: Path, problem: Report): MockMessage {
  const out: MockMessage = {};
  if (message.name !== undefined) {
    if (typeof message.name === 'string' && message.name.trim() && !/[\r\n]/.test(message.name)) out.eventName = message.name;
    else problem([...at, 'name'], 'The message name is the event name: a non-empty string on one line.');
  }
  const examples: unknown[] = [];
  let payload = message.payload;
  if (isRecord(payload) && payload.schemaFormat !== undefined && 'schema' in payload) {
    const format = String(payload.schemaFormat);
    if (!/json|asyncapi/i.test(format)) problem([...at, 'payload', 'schemaFormat'], `The mock generates payloads from JSON Schema (and AsyncAPI schemas) only, not ${format}: add examples instead.`);
    payload = /json|asyncapi/i.test(format) ? payload.schema : undefined;
  }
  if (payload !== undefined) {
    out.payloadSchema = payload;
    const refs = collectRefs(doc, payload, [...at, 'payload'], problem);
    if (Object.keys(refs).length) out.schemaRefs = refs;
    const schema = isRecord(payload) && typeof payload.$ref === 'string' ? refs[payload.$ref] : payload;
    if (isRecord(schema) && Array.isArray(schema.examples)) examples.push(...schema.examples);
  }
  if (message.examples !== undefined) {
    if (!Array.isArray(message.examples)) problem([...at, 'examples'], 'examples must be a list of { payload: ... } items.');
    else {
      message.examples.forEach((example, i) => {
        if (isRecord(example) && 'payload' in example) examples.push(example.payload);
        else problem([...at, 'examples', i], 'Each example needs a "payload" (the event data), e.g. - payload: { symbol: ACME }.');
      });
    }
  }
  if (examples.length) out.examples = examples;
  return out;
}

/** Every local schema reachable from `schema` through `$ref`, by pointer. */
function collectRefs(doc: Record<string, unknown>, schema: unknown, at: Path, problem: Report): Record<string, unknown> {
  const refs: Record<string, unknown> = {};
  const queue: unknown[] = [schema];
  const reported = new Set<string>();
  while (queue.length) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    if (!isRecord(node)) continue;
    for (const [k, v] of Object.entries(node)) {
      if (k !== '$ref') {
        queue.push(v);
        continue;
      }
      if (typeof v !== 'string' || v in refs || reported.has(v)) continue;
      if (!v.startsWith('#/')) {
        reported.add(v);
        problem(at, `The mock follows local references only ("#/components/schemas/..."), not "${v}".`);
        continue;
      }
      if (Object.keys(refs).length >= MAX_SCHEMA_REFS) continue;
      const target = pointer(doc, v);
      if (target === undefined) {
        reported.add(v);
        problem(at, `"${v}" points at nothing in this document.`);
        continue;
      }
      refs[v] = target;
      queue.push(target);
    }
  }
  return refs;
}

/** Follows `$ref` chains (local only) to a mapping; reports a dangling or non-local reference. */
function resolve(doc: Record<string, unknown>, value: unknown, at: Path, problem: Report): Record<string, unknown> | undefined {
  let node = value;
  for (let hops = 0; isRecord(node) && typeof node.$ref === 'string'; hops++) {
    const ref = node.$ref;
    if (hops >= MAX_REF_HOPS) return void problem(at, `Too many nested references at "${ref}" (a cycle?).`);
    if (!ref.startsWith('#/')) return void problem(at, `The mock follows local references only ("#/..."), not "${ref}".`);
    node = pointer(doc, ref);
    if (node === undefined) return void problem(at, `"${ref}" points at nothing in this document.`);
  }
  return isRecord(node) ? node : undefined;
}

/** Resolves a local JSON pointer (RFC 6901, as a URI fragment). */
function pointer(doc: unknown, ref: string): unknown {
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
