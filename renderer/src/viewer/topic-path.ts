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
