import { describeDropped, headersForHop } from './credential-headers.ts';
import type { HostAllowlist } from './host-allowlist.ts';
import { openStream, type OpenStreamOptions, type StreamAnswer } from './open-stream.ts';

/**
 * Opens the stream as EventSource would, following redirects (at most 5), but only to hosts the
 * allowlist names: a redirect elsewhere is answered as it is, with the reason, never followed.
 * Login headers go only to `userUrl`'s origin (by default `url`'s); each hop without them says so.
 */
export interface FollowedAnswer {
  answer: StreamAnswer;
  /** Each redirect taken or refused, in words. */
  redirects: string[];
  finalUrl: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

export async function openFollowing(url: URL, options: OpenStreamOptions, allowlist: HostAllowlist, userUrl: URL = url): Promise<FollowedAnswer> {
  const redirects: string[] = [];
  let current = url;
  for (let hop = 0; ; hop++) {
    if (!allowlist.allows(current)) throw new Error(`${current.host} is not an allowed host (allowed: ${allowlist.describe()}); add it with --allow-host to let the check send requests there.`);
    const sent = headersForHop(options.headers, current, userUrl);
    if (sent.dropped.length) redirects.push(describeDropped(sent.dropped, current));
    const answer = await openStream(current, { ...options, headers: sent.headers });
    const location = answer.headers.location;
    if (!REDIRECTS.has(answer.status) || !location) return { answer, redirects, finalUrl: current };
    const next = new URL(location, current);
    if (hop >= MAX_REDIRECTS) {
      redirects.push(`${answer.status} to ${next.href}: not followed, more than ${MAX_REDIRECTS} redirects`);
      return { answer, redirects, finalUrl: current };
    }
    if (!allowlist.allows(next)) {
      redirects.push(`${answer.status} to ${next.href}: not followed, ${next.host} is not an allowed host (--allow-host)`);
      return { answer, redirects, finalUrl: current };
    }
    redirects.push(`${answer.status} to ${next.href}`);
    answer.close();
    current = next;
  }
}
