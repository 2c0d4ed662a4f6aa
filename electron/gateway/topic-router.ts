/**
 * Pure routing: which deployed API and which of its topics a request path belongs to.
 * Topic patterns follow WSO2: exact paths, `{param}` segments and a trailing `/*` wildcard.
 * The most specific match wins: exact, then more literal segments, then parameters, then wildcards.
 */
export interface TopicMatch<T> {
  topic: T;
  params: Record<string, string>;
  /** The request path below the API's base path, e.g. `/prices/ACME`. */
  topicPath: string;
}

interface Pattern {
  segments: string[];
  wildcard: boolean;
}

function compile(path: string): Pattern {
  const wildcard = path === '/*' || path.endsWith('/*');
  const body = wildcard ? path.slice(0, -2) : path;
  return { segments: body.split('/').filter(Boolean), wildcard };
}

/** Higher is more specific. Literal segments weigh more than parameters; wildcards come last. */
function specificity(p: Pattern): number {
  const literals = p.segments.filter((s) => !isParam(s)).length;
  return (p.wildcard ? 0 : 1_000_000) + literals * 1000 + p.segments.length;
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

function matchPattern(p: Pattern, segments: string[]): Record<string, string> | undefined {
  if (p.wildcard ? segments.length < p.segments.length : segments.length !== p.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.segments.length; i++) {
    const want = p.segments[i] as string;
    const got = segments[i] as string;
    if (isParam(want)) params[want.slice(1, -1)] = got;
    else if (want !== got) return undefined;
  }
  return params;
}

export function matchTopic<T extends { path: string }>(topics: readonly T[], topicPath: string): TopicMatch<T> | undefined {
  const segments = topicPath.split('/').filter(Boolean);
  let best: { match: TopicMatch<T>; score: number } | undefined;
  for (const topic of topics) {
    const pattern = compile(topic.path);
    const params = matchPattern(pattern, segments);
    if (!params) continue;
    const score = specificity(pattern);
    if (!best || score > best.score) best = { match: { topic, params, topicPath }, score };
  }
  return best?.match;
}

/** Longest base path that is a whole-segment prefix of the request path. */
export function matchBasePath<T extends { basePath: string }>(apis: Iterable<T>, path: string): { api: T; rest: string } | undefined {
  let best: { api: T; rest: string } | undefined;
  for (const api of apis) {
    const base = api.basePath;
    if (path !== base && !path.startsWith(base + '/')) continue;
    if (!best || base.length > best.api.basePath.length) best = { api, rest: path.slice(base.length) || '/' };
  }
  return best;
}

/**
 * The backend path for a matched topic: the request's own topic path, or the topic's mapping with
 * `{param}` placeholders filled in (values are URL-encoded so they cannot add path segments).
 */
export function backendPathFor(match: TopicMatch<{ path: string; backendPath?: string }>): string {
  const template = match.topic.backendPath;
  if (!template) return match.topicPath;
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    name in match.params ? encodeURIComponent(decodeURIComponent(match.params[name] as string)) : whole,
  );
}

/**
 * Splits and checks a raw request path. Refuses what could walk out of the backend's URL space:
 * `.`/`..` segments (also percent-encoded) and encoded slashes or backslashes.
 */
export function safeRequestPath(rawPath: string): { ok: true; path: string } | { ok: false; reason: string } {
  if (/%2f|%5c|\\/i.test(rawPath)) return { ok: false, reason: 'Encoded slashes and backslashes are not allowed in the path.' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, reason: 'The path has a malformed percent-encoding.' };
  }
  if (decoded.split('/').some((s) => s === '..' || s === '.')) return { ok: false, reason: 'Dot segments ("." and "..") are not allowed in the path.' };
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
  if (/[\0-\x1f\x7f]/.test(decoded)) return { ok: false, reason: 'Control characters are not allowed in the path.' };
  return { ok: true, path: rawPath.replace(/\/{2,}/g, '/') };
}
