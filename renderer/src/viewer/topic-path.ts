/**
 * Topics may be templates (`/*`, `/prices/{symbol}`); a subscription needs a concrete path. These
 * helpers say whether a topic needs one typed in and suggest one, from the mock's streams when the API
 * points at the mock backend.
 */
export function isTemplateTopic(topic: string): boolean {
  return /[*{}]/.test(topic);
}

/** A regular expression matching the concrete paths a topic template accepts. */
export function topicPattern(topic: string): RegExp {
  const parts = topic.split(/(\*|\{[^}/]*\})/).map((part) => {
    if (part === '*') return '.*';
    if (/^\{[^}/]*\}$/.test(part)) return '[^/]+';
    return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('')}$`);
}

export function suggestPath(topic: string, candidates: readonly string[]): string {
  if (!isTemplateTopic(topic)) return topic;
  const pattern = topicPattern(topic);
  const match = candidates.find((c) => pattern.test(c));
  if (match) return match;
  // Nothing known fits: drop the wildcard, keep {param} for the user to replace.
  return topic.replace(/\/\*$/, '/') || '/';
}

/** Mock streams are only a good guess when the API's endpoint is the mock backend. */
export function sameOrigin(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * The mock's built-in streams that this API's document does not override: a request path that a
 * topic of the document matches is served by that topic (its messages, its x-mock), not by the
 * built-in stream, so it is not offered as one. A catch-all topic ("/*", WSO2's default) without a
 * mock block of its own leaves the built-in streams as they are, as the mock does; one with its own
 * x-mock (`mocked`, from the host) overrides them like any other topic.
 */
export function builtInStreamsNotOverridden(candidates: readonly string[], topics: ReadonlyArray<{ path: string; mocked?: boolean }>): string[] {
  const overriding = topics.filter((t) => t.mocked || !t.path.endsWith('*')).map((t) => topicPattern(t.path));
  return candidates.filter((c) => !overriding.some((pattern) => pattern.test(c)));
}
