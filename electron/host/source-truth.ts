import type { SourceTruth } from '../../shared/sse/replay-verdict.ts';
import { backendPathFor, matchBasePath, matchTopic } from '../gateway/topic-router.ts';
import type { SourceRun } from '../mock/mock-source-record.ts';

/**
 * The source truth for a subscription's URL: when the events come from the mock (straight, or
 * through the gateway to an API whose endpoint is the mock), the mock's record of what it produced
 * on that request path — every run of it since the session started. For other backends behind the
 * gateway, the gateway's record of what it received on that stream (its replay history, shared
 * upstream only), with the points where it reconnected to the backend, where the record may have a
 * hole. Undefined when neither is known: the verdict then says so.
 */
export interface SourceTruthDeps {
  mock: { readonly url: string | undefined; sourceRecord(requestPath: string): SourceRun[] | undefined } | undefined;
  /** The gateway's listener origins (HTTP and HTTPS). */
  gatewayOrigins(): string[];
  /** Deployed APIs with the backend the gateway really streams from. */
  deployed(): Array<{ basePath: string; endpoint: string; topics: ReadonlyArray<{ path: string; backendPath?: string }> }>;
  /** The gateway's backend streams (electron/gateway/stream/stream-hub.ts), read only. */
  gatewayStreams?(): Iterable<GatewayStreamRecord>;
}

export interface GatewayStreamRecord {
  readonly url: URL;
  readonly runtime: { upstream: string; replay: { maxEvents: number } };
  readonly history: { ids(): string[] };
  readonly resumedAfter: readonly string[];
}

/** Runs replaced more than this long before the session started are not its source. */
const RUN_OVERLAP_MS = 1000;

export function findSourceTruth(url: URL, startedAt: number, deps: SourceTruthDeps): SourceTruth | undefined {
  const target = gatewayTarget(url, deps);
  const mockOrigin = originOf(deps.mock?.url);
  const requestPath = !mockOrigin ? undefined : url.origin === mockOrigin ? url.pathname + url.search : target?.origin === mockOrigin ? target.pathname + target.search : undefined;
  if (requestPath === undefined || !deps.mock) return target ? gatewayRecord(target, deps) : undefined;
  const runs = deps.mock.sourceRecord(requestPath)?.filter((r) => r.until === undefined || r.until >= startedAt - RUN_OVERLAP_MS);
  if (!runs?.length) return undefined;
  return { kind: 'record', source: 'mock', segments: runs.map((r) => ({ ids: r.ids, complete: r.complete })) };
}

/** What the gateway received on the backend stream behind `target` (shared upstream with a replay history only). */
function gatewayRecord(target: URL, deps: SourceTruthDeps): SourceTruth | undefined {
  for (const hub of deps.gatewayStreams?.() ?? []) {
    if (hub.url.href !== target.href || hub.runtime.upstream !== 'shared' || hub.runtime.replay.maxEvents === 0) continue;
    // Not complete: the history keeps the latest events only, so older ids are not judged.
    return { kind: 'record', source: 'gateway', segments: [{ ids: hub.history.ids(), complete: false, resumedAfter: [...hub.resumedAfter] }] };
  }
  return undefined;
}

/** The backend URL the gateway streams `url` from, or undefined when `url` is not the gateway's. */
function gatewayTarget(url: URL, deps: SourceTruthDeps): URL | undefined {
  if (!deps.gatewayOrigins().includes(url.origin)) return undefined;
  // The gateway's own routing (gateway.ts): base path -> topic -> backend path, the client's query appended.
  const found = matchBasePath(deps.deployed(), url.pathname);
  if (!found) return undefined;
  const match = matchTopic(found.api.topics, found.rest);
  if (!match) return undefined;
  const backendPath = backendPathFor(match);
  const query = url.search.slice(1);
  return new URL(found.api.endpoint.replace(/\/+$/, '') + backendPath + (query ? (backendPath.includes('?') ? '&' : '?') + query : ''));
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
