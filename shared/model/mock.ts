/**
 * The mock SSE backend's model: how a topic is mocked (`x-mock` on an AsyncAPI channel), the
 * messages it mocks from, and the SSE-aware faults it can inject. Pure data; validation is in
 * mock-validate.ts and the mock itself in electron/mock.
 *
 *   channels:
 *     prices:
 *       address: /prices
 *       x-mock:
 *         scenario: schema          # examples | schema | stock-ticker | counter | clock | recorded
 *         file: recordings/prices.json   # recorded: a stream saved by `sse-studio record` (beside the document)
 *         timing: original          # recorded: original spacing, or `rate` (the rate below, else the recording's average)
 *         rate: 5                   # events per second (0.1 to 1000)
 *         burst: { events: 10, everyMs: 2000 }   # instead of rate: 10 events at once every 2 s
 *         event: price              # the `event:` field (default: the message name)
 *         ids: sequence             # sequence (1, 2, 3 ...) | uuid | none
 *         retryMs: 2000             # a `retry:` hint sent when a client connects
 *         backlog: 50               # events already in the history when the stream starts
 *         resume: true              # honour Last-Event-ID from the history (false: ignore it)
 *         faults:                   # a FaultPlan, active from the start (see below)
 *           drop: { afterEvents: 3 }
 *
 * Default scenario: `examples` when the messages have examples, else `schema` when they have a
 * payload schema, else `counter`.
 */

export const MOCK_SCENARIOS = ['examples', 'schema', 'stock-ticker', 'counter', 'clock', 'recorded'] as const;
export type MockScenario = (typeof MOCK_SCENARIOS)[number];

export const MOCK_ID_SCHEMES = ['sequence', 'uuid', 'none'] as const;
export type MockIdScheme = (typeof MOCK_ID_SCHEMES)[number];

/** How a recorded stream is played: with the gaps it was recorded with, or at a steady rate. */
export const MOCK_TIMINGS = ['original', 'rate'] as const;
export type MockTiming = (typeof MOCK_TIMINGS)[number];

export interface MockBurst {
  /** Events sent at once ... */
  events: number;
  /** ... every this many milliseconds. */
  everyMs: number;
}

/** One topic's `x-mock` block. Every key is optional. */
export interface MockConfig {
  scenario?: MockScenario;
  /** Events per second. */
  rate?: number;
  /** N events every T ms (takes the place of `rate`). */
  burst?: MockBurst;
  /** The `event:` field of every event (overrides the message name). */
  event?: string;
  ids?: MockIdScheme;
  /** Sent as `retry: N` first on every connection. */
  retryMs?: number;
  /** Events in the history before the first client connects (so a Last-Event-ID resume has something to replay). */
  backlog?: number;
  /** Honour Last-Event-ID (default true). false shows what a gateway's own replay adds. */
  resume?: boolean;
  /** Faults active from the start. */
  faults?: FaultPlan;
  /** scenario recorded: the recording (relative to the document's folder, inside it). */
  file?: string;
  /** scenario recorded: original spacing (default) or a steady rate. */
  timing?: MockTiming;
}

/** What a topic's messages say about its events (read from the AsyncAPI document). */
export interface MockMessage {
  /** The message `name`: the `event:` field. */
  eventName?: string;
  /** The payload's JSON Schema (may hold `$ref`s into `schemaRefs`). */
  payloadSchema?: unknown;
  /** The schemas `payloadSchema` refers to, by local JSON pointer (`#/components/schemas/Price`). */
  schemaRefs?: Record<string, unknown>;
  /** Example payloads, sent in turn by the `examples` scenario. */
  examples?: unknown[];
}

// ---------------------------------------------------------------------------------------------
// Faults. SSE-aware: they act per event and per connection, not on bytes only (as Toxiproxy does).

export const MALFORM_KINDS = ['bogus-retry', 'missing-blank-line', 'cr-line-ends', 'bom', 'huge-event', 'invalid-utf8'] as const;
/**
 * Deliberately broken SSE, made at the mock's edge from the encoder's output:
 *  - bogus-retry: a `retry: soon` line inside the event (clients must ignore it);
 *  - missing-blank-line: the event ends without its blank line (it merges with the next one);
 *  - cr-line-ends: lines end with CR alone (legal SSE that many hand-written parsers miss);
 *  - bom: the response starts with a UTF-8 BOM (clients strip one at the very start);
 *  - huge-event: the event's data is padded to 1 MiB;
 *  - invalid-utf8: a 0xFF byte inside the data (clients decode it as U+FFFD).
 */
export type MalformKind = (typeof MALFORM_KINDS)[number];

export const HUGE_EVENT_BYTES = 1024 * 1024;

export interface FaultPlan {
  /** Cut the connection: after N events on it (0 = at once), T ms after it opened, or with probability p before each event. */
  drop?: { afterEvents?: number; everyMs?: number; probability?: number };
  /** Keep the connection open but send nothing (events wait), after N events (default 0), for `ms` (no `ms`: until cleared). */
  stall?: { afterEvents?: number; ms?: number };
  /** Delay every event by `ms` ± `jitterMs` (order is kept). */
  latency?: { ms: number; jitterMs?: number };
  /** Cap the connection's throughput. */
  bandwidth?: { bytesPerSecond: number };
  /** Answer new connections with this status (204, 500, 503 ...) and body instead of a stream. */
  status?: { code: number; body?: string };
  /** Stream with this Content-Type instead of text/event-stream. */
  contentType?: string;
  /** Broken frames on every `everyEvents`-th event (default 1: every event). */
  malform?: { kinds: MalformKind[]; everyEvents?: number };
}

/** Which streams a fault applies to: an API, a topic (its path as written), both, or all when empty. */
export interface FaultScope {
  apiId?: string;
  topic?: string;
}

/** Live actions: drop or stall the matching connections now; restart the whole backend (scope ignored). */
export type FaultAction = { type: 'drop' } | { type: 'stall'; ms?: number } | { type: 'restart'; downMs: number };

/** What a live action did. */
export interface FaultTriggerResult {
  action: FaultAction['type'];
  /** Connections the action reached (restart: every open connection). */
  affected: number;
}

export interface FaultEntry {
  scope: FaultScope;
  plan: FaultPlan;
  /** `document`: from a topic's `x-mock.faults`; `live`: set through the API. */
  source: 'document' | 'live';
}

// ---------------------------------------------------------------------------------------------
// Status, for the UI.

export interface MockStreamStatus {
  /** The API serving the stream, or null for a built-in stream. */
  apiId: string | null;
  /** The topic as written (`/prices/{symbol}`), or the built-in stream's name. */
  topic: string;
  /** The request path this stream answers (`/prices/ACME`). */
  path: string;
  scenario: MockScenario;
  /** Events per second, or null when the stream sends bursts. */
  rate: number | null;
  burst: MockBurst | null;
  subscribers: number;
  /** Events the stream produced (backlog included). */
  eventsProduced: number;
  /** Events written to subscribers (one per subscriber; replays included). */
  eventsSent: number;
  lastId: string | null;
  historySize: number;
  /** The last reason an event could not be made (it was skipped), or null. */
  error: string | null;
  resume: boolean;
  /** The faults in effect (document and live plans merged) and how many connections are stalled now. */
  faults: { plan: FaultPlan | null; summary: string[]; stalledConnections: number };
}

export interface MockApiStatus {
  id: string;
  name: string;
  endpoint: string;
  /** Whether the endpoint points at this mock; when not, why. */
  served: boolean;
  reason?: string;
}

export interface MockStatus {
  url: string | null;
  state: 'stopped' | 'listening' | 'restarting';
  /** When a restart brings the listener back (ms since the epoch), while restarting. */
  backAt: number | null;
  apis: MockApiStatus[];
  streams: MockStreamStatus[];
  faults: FaultEntry[];
}

// ---------------------------------------------------------------------------------------------
// Limits and problems (validation: mock-validate.ts).

export interface MockProblem {
  path: Array<string | number>;
  message: string;
}

export const MOCK_LIMITS = {
  rate: { min: 0.1, max: 1000 },
  burstEvents: { min: 1, max: 10_000 },
  burstEveryMs: { min: 1, max: 3_600_000 },
  retryMs: { min: 0, max: 86_400_000 },
  backlog: { min: 0, max: 10_000 },
  durationMs: { min: 1, max: 86_400_000 },
  latencyMs: { min: 0, max: 60_000 },
  bytesPerSecond: { min: 1, max: 1_000_000_000 },
  statusBodyChars: 65_536,
  restartDownMs: { min: 0, max: 600_000 },
} as const;

/** Human-readable lines for a plan (UI chips, status lists). */
export function describeFaultPlan(plan: FaultPlan): string[] {
  const lines: string[] = [];
  const { drop, stall, latency, bandwidth, status, contentType, malform } = plan;
  if (drop?.afterEvents !== undefined) lines.push(drop.afterEvents === 0 ? 'drop at once' : `drop after ${drop.afterEvents} events`);
  if (drop?.everyMs !== undefined) lines.push(`drop every ${drop.everyMs} ms`);
  if (drop?.probability !== undefined) lines.push(`drop with p=${drop.probability} per event`);
  if (stall) lines.push(`stall${stall.afterEvents ? ` after ${stall.afterEvents} events` : ''} ${stall.ms === undefined ? 'until cleared' : `for ${stall.ms} ms`}`);
  if (latency) lines.push(`latency ${latency.ms} ms${latency.jitterMs ? ` ± ${latency.jitterMs} ms` : ''}`);
  if (bandwidth) lines.push(`bandwidth ${bandwidth.bytesPerSecond} B/s`);
  if (status) lines.push(`status ${status.code}`);
  if (contentType) lines.push(`content-type ${contentType}`);
  if (malform) lines.push(`malformed: ${malform.kinds.join(', ')}${malform.everyEvents && malform.everyEvents > 1 ? ` every ${malform.everyEvents} events` : ''}`);
  return lines;
}

/** Later plans win, key by key (a live plan over a document one). */
export function mergeFaultPlans(plans: FaultPlan[]): FaultPlan {
  const merged: FaultPlan = {};
  for (const plan of plans) Object.assign(merged, plan);
  return merged;
}

export function isEmptyPlan(plan: FaultPlan): boolean {
  return Object.values(plan).every((v) => v === undefined);
}
