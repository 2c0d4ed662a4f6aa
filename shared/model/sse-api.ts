import type { ApiRuntime } from './runtime.ts';

/**
 * The SSE API as WSO2 API Manager defines it: a name, a context, a version, a backend endpoint
 * and subscribe-only topics. The AsyncAPI document on disk is the truth; this is what we read from it.
 */
export interface SseTopic {
  /** Topic path as the client sees it after the API's base path: `/prices`, `/prices/{symbol}`, `/*`. */
  path: string;
  /** Backend path template when it differs from `path` (`x-backend-path`); parameters may be reused. */
  backendPath?: string;
  description?: string;
}

export interface SseApi {
  name: string;
  /** The context as written, possibly holding `{version}`: `/stocks`, `/{version}/stocks`. */
  context: string;
  version: string;
  /** Backend base URL, e.g. `http://localhost:8080`. */
  endpoint: string;
  topics: SseTopic[];
  description?: string;
  /** Gateway settings (`x-gateway`): transports, security, limits, replay, heartbeat, upstream mode. */
  runtime: ApiRuntime;
}

/** What a user fills in to create an API. Topics default to WSO2's `/*`. */
export interface SseApiDraft {
  name: string;
  context: string;
  version: string;
  endpoint: string;
  topics?: string[];
  description?: string;
}

export const DEFAULT_TOPIC = '/*';
