import type { SourceTruth } from '../../shared/sse/replay-verdict.ts';
import { backendPathFor, matchBasePath, matchTopic } from '../gateway/topic-router.ts';
import type { SourceRun } from '../mock/mock-source-record.ts';

/**
 * The source truth for a subscription's URL: when the events come from the mock (straight, or
 * through the gateway to an API whose endpoint is the mock), the mock's record of what it produced
 * on that request path — every run of it since the session started. Undefined when no source
 * record is known (an external backend): the verdict then says so.
 */
export interface SourceTruthDeps {
  mock: { readonly url: string | undefined; sourceRecord(requestPath: string): SourceRun[] | undefined } | undefined;
  /** The gateway's listener origins (HTTP and HTTPS). */
  gatewayOrigins(): string[];
  /** Deployed APIs with the backend the gateway really streams from. */
  deployed(): Array<{ basePath: string; endpoint: string; topics: ReadonlyArray<{ path: string; backendPath?: string }> }>;
}

/** Runs replaced more than this long before the session started are not its source. */
const RUN_OVERLAP_MS = 1000;

export function findSourceTruth(url: URL, startedAt: number, deps: SourceTruthDeps): SourceTruth | undefined {
  const mockOrigin = originOf(deps.mock?.url);
  if (!deps.mock || !mockOrigin) return undefined;
  const requestPath = mockRequestPath(url, mockOrigin, deps);
  if (requestPath === undefined) return undefined;
  const runs = deps.mock.sourceRecord(requestPath)?.filter((r) => r.until === undefined || r.until >= startedAt - RUN_OVERLAP_MS);
  if (!runs?.length) return undefined;
  return { kind: 'record', source: 'mock', segments: runs.map((r) => ({ ids: r.ids, complete: r.complete })) };
}

/** The path and query the mock is asked for when `url` is subscribed to, or undefined when the mock is not the source. */
function mockRequestPath(url: URL, mockOrigin: string, deps: SourceTruthDeps): string | undefined {
  if (url.origin === mockOrigin) return url.pathname + url.search;
  if (!deps.gatewayOrigins().includes(url.origin)) return undefined;
  // The gateway's own routing (gateway.ts): base path -> topic -> backend path, the client's query appended.
  const found = matchBasePath(deps.deployed(), url.pathname);
  if (!found) return undefined;
  const match = matchTopic(found.api.topics, found.rest);
  if (!match) return undefined;
  const backendPath = backendPathFor(match);
  const query = url.search.slice(1);
  const target = new URL(found.api.endpoint.replace(/\/+$/, '') + backendPath + (query ? (backendPath.includes('?') ? '&' : '?') + query : ''));
  return target.origin === mockOrigin ? target.pathname + target.search : undefined;
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
