import { parse } from 'yaml';
import type { SseTopic } from '../../shared/model/sse-api.ts';
import { matchTopic } from '../gateway/topic-router.ts';

/**
 * The concrete path `check` subscribes to for a topic, chosen the same way on every run and said
 * out loud. Exact topics are used as they are. For `{param}` and `/*` topics of an API the mock
 * serves, the first mock stream the topic matches (`/counter` first: consecutive ids, nothing
 * filtered); for other backends, the parameter's first example (or enum value, or default) in the
 * AsyncAPI document, and for a wildcard its own base (`/feed/*` -> `/feed`).
 */
export type TopicTarget = { ok: true; path: string; how: string } | { ok: false; reason: string };

export interface TargetContext {
  /** The API serves from the running mock (its endpoint in use is the mock's address). */
  mockBacked: boolean;
  mockStreams: readonly string[];
  /** The API's AsyncAPI document text, for parameter examples. */
  documentText: string;
}

const PREFERRED_MOCK_STREAM = '/counter';

export function chooseTopicTarget(topic: SseTopic, context: TargetContext): TopicTarget {
  const path = topic.path;
  if (!/[{}*]/.test(path)) return { ok: true, path, how: 'the topic path' };

  if (context.mockBacked && !topic.backendPath) {
    const candidates = [PREFERRED_MOCK_STREAM, ...context.mockStreams.filter((s) => s !== PREFERRED_MOCK_STREAM)].filter((s) => context.mockStreams.includes(s));
    const stream = candidates.find((candidate) => matchTopic([{ path }], candidate));
    if (stream) return { ok: true, path: stream, how: `the first mock stream matching ${path}` };
  }

  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  let concrete = path;
  const used: string[] = [];
  for (const name of params) {
    const value = parameterExample(context.documentText, path, name);
    if (value === undefined) return { ok: false, reason: `no value for {${name}} in ${path}: add "examples" to the channel's parameter ${name} in the AsyncAPI document` };
    concrete = concrete.replace(`{${name}}`, encodeURIComponent(value));
    used.push(`${name}=${value}`);
  }
  if (concrete.endsWith('/*')) concrete = concrete.slice(0, -2) || '/';
  const how = [used.length ? `parameter examples (${used.join(', ')})` : '', path.endsWith('/*') ? 'the wildcard\'s base path' : ''].filter(Boolean).join(' and ');
  return { ok: true, path: concrete, how };
}

/** First `examples` / `enum` / `default` of a channel parameter (AsyncAPI 3.0 or 2.x), as text. */
export function parameterExample(documentText: string, topicPath: string, name: string): string | undefined {
  let doc: unknown;
  try {
    doc = parse(documentText);
  } catch {
    return undefined;
  }
  const channels = record(record(doc)?.channels);
  if (!channels) return undefined;
  for (const [key, value] of Object.entries(channels)) {
    const channel = record(value);
    const address = typeof channel?.address === 'string' ? channel.address : key;
    if (!channel || normalize(address) !== normalize(topicPath)) continue;
    const param = record(record(channel.parameters)?.[name]);
    for (const holder of [param, record(param?.schema)]) {
      const example = firstOf(holder?.examples) ?? firstOf(holder?.enum) ?? holder?.default;
      if (typeof example === 'string' || typeof example === 'number') return String(example);
    }
  }
  return undefined;
}

const normalize = (p: string) => (p.startsWith('/') ? p : '/' + p);
const firstOf = (v: unknown) => (Array.isArray(v) ? (v[0] as unknown) : undefined);
const record = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
