/**
 * How the gateway runs an API: WSO2's runtime settings (transports, security, CORS, event-count
 * limits) plus the SSE promises WSO2 documents but does not keep (replay, retry, heartbeats,
 * reconnect). Stored in the API's AsyncAPI document under the root `x-gateway` key.
 */
export type SecurityConfig =
  | { type: 'none' }
  | { type: 'apiKey'; in: 'header' | 'query'; name: string; keys: string[] }
  | ({ type: 'jwt'; algorithm: 'HS256'; secret: string } & JwtClaimRules)
  | ({ type: 'jwt'; algorithm: 'RS256'; publicKey: string } & JwtClaimRules)
  | { type: 'basic'; users: Array<{ username: string; password: string }> };

/** Claims a JWT must carry or match. */
export interface JwtClaimRules {
  issuer?: string;
  audience?: string;
  /** false: tokens without `exp` (which never expire) are accepted. Default true: they are refused. */
  requireExp?: boolean;
}

export interface RateLimit {
  /** Events a subscriber key may receive per minute / per day (WSO2 Async tiers count events). */
  eventsPerMinute?: number;
  eventsPerDay?: number;
}

export type UpstreamMode = 'per-client' | 'shared';
export type BackendDropAction = 'close-client' | 'reconnect-upstream';

export interface ApiRuntime {
  transports: { http: boolean; https: boolean };
  security: SecurityConfig;
  /** Allowed browser origins; `*` for any. Empty (the default): no CORS headers, foreign origins refused. */
  corsOrigins: string[];
  rateLimit: RateLimit;
  /**
   * Replay history per stream: at most this many events and bytes (default 16 MiB, see
   * DEFAULT_STREAM_HISTORY_BYTES), none older than this. The gateway also caps all histories
   * together and evicts idle ones first.
   */
  replay: { maxEvents: number; maxAgeSeconds: number; maxBytes?: number };
  /** Sent as `retry:` when a client connects; undefined = leave it to the backend. */
  retryMs?: number;
  /** A `:` comment every N seconds on idle streams; 0 = off. */
  heartbeatSeconds: number;
  onBackendDrop: BackendDropAction;
  upstream: UpstreamMode;
  /** The replay window. Shared mode: seconds the upstream stays open after the last subscriber
   *  leaves (events keep flowing into the replay history for clients that come back); 0 = close at once. */
  lingerSeconds: number;
  /** Seconds the gateway holds clients open through a backend outage (reconnecting upstream with
   *  backoff) before it ends their streams; default DEFAULT_OUTAGE_SECONDS. */
  outageSeconds?: number;
  /** Distinct live backend streams (upstream keys) per API; default DEFAULT_MAX_STREAMS. */
  maxStreams?: number;
  /** Events larger than this are dropped (and counted), protecting every subscriber. */
  maxEventBytes: number;
  /** Events a subscriber may have waiting before it counts as too slow and is disconnected. */
  subscriberQueueEvents: number;
}

export const DEFAULT_RUNTIME: ApiRuntime = {
  transports: { http: true, https: true },
  security: { type: 'none' },
  // Safe default: a web page on another origin may not read local streams unless the API lists it.
  corsOrigins: [],
  rateLimit: {},
  replay: { maxEvents: 10_000, maxAgeSeconds: 3600 },
  heartbeatSeconds: 15,
  onBackendDrop: 'reconnect-upstream',
  // Shared by default: a client that was a topic's only subscriber still finds what it missed.
  upstream: 'shared',
  lingerSeconds: 60,
  maxEventBytes: 4 * 1024 * 1024,
  subscriberQueueEvents: 10_000,
};

export const DEFAULT_STREAM_HISTORY_BYTES = 16 * 1024 * 1024;
export const DEFAULT_OUTAGE_SECONDS = 30;
export const DEFAULT_MAX_STREAMS = 1000;

/** A fresh, mutable copy of the defaults. */
export function defaultRuntime(): ApiRuntime {
  return {
    ...DEFAULT_RUNTIME,
    transports: { ...DEFAULT_RUNTIME.transports },
    corsOrigins: [...DEFAULT_RUNTIME.corsOrigins],
    rateLimit: { ...DEFAULT_RUNTIME.rateLimit },
    replay: { ...DEFAULT_RUNTIME.replay },
  };
}
