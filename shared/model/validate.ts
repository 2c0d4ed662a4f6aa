import type { FieldError } from '../result.ts';
import type { SseApiDraft } from './sse-api.ts';
import { VERSION_PLACEHOLDER } from './context.ts';

// WSO2 Publisher's rules, with messages that say how to fix the value.
const NAME_MAX = 50;
const CONTEXT_MAX = 200;
const NAME_FORBIDDEN = /[~!@#;:%^*()+={}|\\<>"',&$[\]/`?]/;
const CONTEXT_FORBIDDEN = /[`~!@#?:%^&*+=|\\<>"',\s]/;
const VERSION_PATTERN = /^[A-Za-z0-9._-]+$/;

export function validateName(name: string): string | undefined {
  const value = name.trim();
  if (!value) return 'Give the API a name, e.g. "Stock Ticker".';
  if (value.length > NAME_MAX) return `Shorten the name to ${NAME_MAX} characters or fewer (it has ${value.length}).`;
  const bad = NAME_FORBIDDEN.exec(value);
  if (bad) return `Remove "${bad[0]}" from the name: use letters, digits, spaces, "-", "_" or ".".`;
  return undefined;
}

export function validateContext(context: string): string | undefined {
  const value = context.trim();
  if (!value) return 'Give the API a context, the path it is served under, e.g. "/stocks".';
  if (value.length > CONTEXT_MAX) return `Shorten the context to ${CONTEXT_MAX} characters or fewer (it has ${value.length}).`;
  const bad = CONTEXT_FORBIDDEN.exec(value);
  if (bad) {
    const shown = /\s/.test(bad[0]) ? 'spaces' : `"${bad[0]}"`;
    return `Remove ${shown} from the context: use letters, digits, "/", "-", "_", "." and {version}.`;
  }
  const segments = value.split('/');
  const placeholders = segments.filter((s) => s === VERSION_PLACEHOLDER).length;
  const partial = segments.some((s) => s !== VERSION_PLACEHOLDER && (s.includes('{') || s.includes('}')));
  if (partial) return 'Use {version} only as a whole path segment, e.g. "/{version}/stocks", and no other braces.';
  if (placeholders > 1) return 'Use {version} at most once in the context.';
  if (value.replace(/\//g, '') === VERSION_PLACEHOLDER) return 'Add a path segment besides {version}, e.g. "/{version}/stocks".';
  if (value.replace(/\//g, '') === '') return 'The context cannot be "/" alone: add a path segment, e.g. "/stocks".';
  return undefined;
}

export function validateVersion(version: string): string | undefined {
  const value = version.trim();
  if (!value) return 'Give the API a version, e.g. "1.0.0".';
  if (!VERSION_PATTERN.test(value)) return 'Use only letters, digits, ".", "-" and "_" in the version (no spaces), e.g. "1.0.0".';
  return undefined;
}

export function validateEndpoint(endpoint: string): string | undefined {
  const value = endpoint.trim();
  if (!value) return 'Give the backend endpoint, e.g. "http://localhost:8080".';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full http(s) URL, e.g. "http://localhost:8080".';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `The endpoint must start with http:// or https:// (it starts with ${url.protocol}//).`;
  }
  if (url.search || url.hash) return 'Leave the query string and fragment out of the endpoint; topics add their own.';
  return undefined;
}

export function validateTopicPath(path: string): string | undefined {
  const value = path.trim();
  if (!value.startsWith('/')) return `Start the topic with "/", e.g. "/${value || 'prices'}".`;
  if (/\s/.test(value)) return 'Remove spaces from the topic path.';
  if (value.split('/').some((s) => s === '..' || s === '.')) return 'A topic path cannot hold "." or ".." segments.';
  const braces = bracesProblem(value);
  if (braces) return braces;
  const star = value.indexOf('*');
  if (star !== -1 && !(value.endsWith('/*') && star === value.length - 1)) return 'Use "*" only as the last segment, e.g. "/prices/*".';
  return undefined;
}

/**
 * A `{name}` parameter is a whole path segment: the gateway matches topics segment by segment, so
 * `/customer;cid={id}` could be deployed but never reached, and `/orders/{region` is a typo.
 */
function bracesProblem(path: string): string | undefined {
  for (const segment of path.split('/')) {
    if (!balanced(segment)) return `Balance the braces in "${segment}": a parameter is written {name}, e.g. "/orders/{region}".`;
    if (!segment.includes('{') || /^\{[^{}]+\}$/.test(segment)) continue;
    const name = /\{([^{}]*)\}/.exec(segment)?.[1] || 'id';
    const text = segment.split(/[^A-Za-z0-9_-]/)[0] || 'items';
    return `A parameter must be a whole path segment: "${segment}" mixes text and a parameter, so no request can reach it. Write it as its own segment, e.g. "/${text}/{${name}}".`;
  }
  return undefined;
}

/** Each "{" closed by a "}" before the next "{", and nothing empty or nested. */
function balanced(segment: string): boolean {
  let open = false;
  for (const ch of segment) {
    if (ch === '{') {
      if (open) return false;
      open = true;
    } else if (ch === '}') {
      if (!open) return false;
      open = false;
    }
  }
  return !open && !segment.includes('{}');
}

/** All problems with a draft, one per field, in form order. */
export function validateDraft(draft: SseApiDraft): FieldError[] {
  const checks: Array<[string, string | undefined]> = [
    ['name', validateName(draft.name)],
    ['context', validateContext(draft.context)],
    ['version', validateVersion(draft.version)],
    ['endpoint', validateEndpoint(draft.endpoint)],
  ];
  (draft.topics ?? []).forEach((topic, i) => checks.push([`topics.${i}`, validateTopicPath(topic)]));
  return checks.filter((c): c is [string, string] => c[1] !== undefined).map(([field, message]) => ({ field, message }));
}
