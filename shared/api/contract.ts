/**
 * The Studio API: the only way the renderer talks to the host. One contract, two transports
 * (Electron IPC through the preload; HTTP + SSE on 127.0.0.1 in web mode). Every call answers a
 * typed Result; host events arrive on one stream.
 */
import type { Result, StudioError } from '../result.ts';
import type { SseApiDraft } from '../model/sse-api.ts';
import type { ApiRuntime } from '../model/runtime.ts';
import type { ReplayVerdict } from '../sse/replay-verdict.ts';
import type { FaultAction, FaultEntry, FaultPlan, FaultScope, FaultTriggerResult, MockStatus } from '../model/mock.ts';
import type { ServerCheckRequest, ServerCheckRun } from '../model/server-check.ts';

export type HostMode = 'electron' | 'web';

export interface HostInfo {
  appVersion: string;
  mode: HostMode;
  projectRoot: string;
  /** Base URL of the embedded gateway (HTTP), or null when it is not running. */
  gatewayUrl: string | null;
  /** Base URL of the gateway's HTTPS listener (HTTP/2), or null. */
  gatewayHttpsUrl: string | null;
  /** Base URL of the mock SSE backend, or null when it is not running. */
  mockUrl: string | null;
  /** Streams the mock backend serves, for pickers. */
  mockStreams: string[];
}

export interface TopicSummary {
  path: string;
  backendPath?: string;
  /** Full gateway URL of this topic (with `*` or `{param}` still in it when the topic has them). */
  gatewayUrl: string | null;
  /** The same over HTTPS (HTTP/2), or null when HTTPS is off for the gateway or this API. */
  gatewayHttpsUrl: string | null;
  /** The topic has a valid `x-mock` of its own: the mock serves it from that, even a catch-all (`/*`) that would otherwise fall back to the built-in streams. */
  mocked: boolean;
}

export interface ApiSummary {
  /** Stable id: the API's file path relative to the project root. */
  id: string;
  name: string;
  context: string;
  version: string;
  endpoint: string;
  description?: string;
  /** The context with the version applied: where the gateway serves the API. */
  basePath: string;
  topics: TopicSummary[];
  deployed: boolean;
  /** The backend the gateway streams from (differs from `endpoint` when it names the mock's usual address and the mock runs elsewhere). */
  endpointInUse: string;
  /** Gateway settings from the document's `x-gateway` block (defaults filled in). */
  runtime: ApiRuntime;
  /** The `x-gateway` block as the document writes it (which settings it sets; absent: none). */
  gateway?: Record<string, unknown>;
}

/** Live gateway counters for one API topic (see electron/gateway/metrics.ts). */
export interface GatewayMetricsRow {
  apiId: string;
  topic: string;
  connectionsOpen: number;
  connectionsTotal: number;
  eventsIn: number;
  eventsOut: number;
  bytesIn: number;
  bytesOut: number;
  replays: number;
  replayedEvents: number;
  gaps: number;
  slowSubscriberDrops: number;
  oversizeEventsDropped: number;
  rateLimited: number;
  authFailures: number;
  upstreamConnects: number;
  upstreamFailures: number;
  addedLatencyP50Micros: number;
  addedLatencyP99Micros: number;
}

/** Events out per second of one API at one moment, all its topics and each (host-side history, electron/host/metrics-rates.ts). */
export interface RatePoint {
  at: number;
  total: number;
  byTopic: Record<string, number>;
}

/** A file in the project that could not be read as an SSE API, with where and why. */
export interface ProjectProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface ProjectView {
  apis: ApiSummary[];
  problems: ProjectProblem[];
}

/** An AsyncAPI document of the project, valid or not. */
export interface DocumentSummary {
  id: string;
  /** The API's name when the document is a valid SSE API, else null. */
  apiName: string | null;
  problems: ProjectProblem[];
  /** Unsaved editor text is kept for it (recovery after a crash). */
  hasDraft: boolean;
}

export interface DocumentView extends DocumentSummary {
  text: string;
  /** Hash of `text`: send it back as `baseHash` when saving, so a change on disk is never overwritten. */
  hash: string;
  draft: { text: string; baseHash: string; savedAt: number } | null;
}

export interface RecentProject {
  path: string;
  openedAt: number;
}

export type SubscriptionTarget = ({ apiId: string; topicPath: string } | { url: string }) & SubscriptionOptions;

export interface SubscriptionOptions {
  lastEventId?: string;
  /** Extra request headers (Authorization, API keys ...). */
  headers?: Record<string, string>;
  /** HTTP/2: h2 over TLS for https:, h2c with prior knowledge for http:. */
  http2?: boolean;
  /** https: accept any certificate (local testing only). The gateway's own certificate is trusted anyway. */
  insecureTls?: boolean;
  /** The numeric-id rule for the verdict ('consecutive': ids count up by one, a gap is lost); kept with the session. */
  ids?: VerdictIdRule;
}

/** 'consecutive' turns the numeric-id rule on; 'off' turns it off again. */
export type VerdictIdRule = 'consecutive' | 'off';

/** A session on the host: a subscription that lives until the user stops it, whatever the UI does. */
export interface SubscriptionSummary {
  subscriptionId: string;
  url: string;
  /** The API and topic path it was opened on (absent for a plain URL). */
  apiId?: string;
  topicPath?: string;
  state: SubscriptionState;
  detail: string;
  startedAt: number;
  /** Events received so far (the host keeps the latest of them, see subscriptions.events). */
  events: number;
  connections: number;
  ids: VerdictIdRule;
  verdictStatus: ReplayVerdict['status'];
  verdictSummary: string;
}

/** One line of a subscription's reconnection timeline (electron/viewer/sse-subscriber.ts). */
export interface SubscriptionTimelineEntry {
  state: 'connecting' | 'open' | 'error' | 'waiting' | 'reconnecting' | 'closed' | 'failed' | 'notice';
  /** ms since the epoch. */
  at: number;
  detail: string;
  /** Connections opened so far. */
  connection: number;
  /** The Last-Event-ID sent (reconnecting, open). */
  lastEventId?: string;
  /** waiting: the delay before the next attempt. */
  delayMs?: number;
  /** error after an open connection ended: why. */
  dropped?: 'client-drop' | 'server-closed' | 'network-error';
  /** failed on an HTTP answer: its status (401, 503 ...). */
  status?: number;
  /** notice for a `: gap:` comment: the server announced events lost before they reached it. */
  gap?: true;
}

export type SubscriptionState = 'connecting' | 'open' | 'waiting' | 'closed' | 'failed';

export interface ViewerEvent {
  /** Position in this subscription, 1-based, for stable list keys. */
  seq: number;
  id: string | undefined;
  type: string;
  data: string;
  /** ms since the epoch when the host read the event off the socket. */
  receivedAt: number;
  /** Bytes of the event's frame on the wire. */
  size?: number;
  /** receivedAt minus the payload's own `sentAt`/`time`, when it has one. */
  latencyMs?: number;
  /** The frame as sent (UTF-8, at most 2 KiB) and whether it was cut. */
  raw?: string;
  rawTruncated?: boolean;
  /** Which connection of the subscription (1-based) carried it. */
  connection?: number;
}

/** A load run: N simulated subscribers on one topic (see electron/viewer/load-run.ts). */
export interface LoadStatus {
  url: string;
  requested: number;
  started: number;
  connected: number;
  failed: number;
  drops: number;
  reconnects: number;
  events: number;
  /** Delivered events per second over the last 10 s. */
  eventsPerSecond: number;
  /** Delivered events in each of the last 60 seconds, oldest first. */
  history: number[];
  latencyP50Ms: number | null;
  latencyP99Ms: number | null;
  elapsedMs: number;
  running: boolean;
  errors: string[];
}

export interface StudioMethods {
  'host.info': { params: Record<string, never>; result: HostInfo };
  'apis.list': { params: Record<string, never>; result: ProjectView };
  'apis.create': { params: SseApiDraft; result: ApiSummary };
  'apis.deploy': { params: { id: string }; result: ApiSummary };
  'apis.undeploy': { params: { id: string }; result: ApiSummary };
  /**
   * Replaces the API's `x-gateway` block (the file format, see shared/asyncapi/read-runtime.ts) in
   * its document, keeping the rest of the file as written; redeploys a deployed API. Field errors
   * name the setting (`security.keys`, `replay.maxEvents` ...).
   */
  'apis.updateRuntime': { params: { id: string; gateway: Record<string, unknown> }; result: ApiSummary };
  'documents.list': { params: Record<string, never>; result: { documents: DocumentSummary[] } };
  'documents.get': { params: { id: string }; result: DocumentView };
  /** Saves (valid or not); refused with `conflict` when the file changed on disk since `baseHash`. */
  'documents.save': { params: { id: string; text: string; baseHash: string }; result: DocumentView };
  /** A new document from an import or a paste; never overwrites. */
  'documents.create': { params: { fileName: string; text: string }; result: DocumentView };
  /** Deletes the document's file and its recovery draft (the gateway stops serving it); refused when the file changed since `baseHash`. The text comes back, for Undo. */
  'documents.delete': { params: { id: string; baseHash?: string }; result: { id: string; text: string } };
  /** Unsaved editor text, kept outside the project for crash recovery. */
  'documents.saveDraft': { params: { id: string; text: string; baseHash: string }; result: { savedAt: number } };
  'documents.discardDraft': { params: { id: string }; result: { discarded: boolean } };
  /**
   * The saved document as the project loader read it, with every `$ref` into another project file
   * (`./schemas.json#/Price`) inlined: what the mock and the contract check validate against. The
   * renderer cannot read files; nothing is fetched from the network. `hash` is the saved text's.
   * Refused (`not_resolved`) for a document that is not a valid SSE API.
   */
  'documents.resolved': { params: { id: string }; result: { id: string; hash: string; document: unknown } };
  /** Opens another project folder (or AsyncAPI file) in this host. */
  'project.open': { params: { path: string }; result: HostInfo };
  'project.recent': { params: Record<string, never>; result: { projects: RecentProject[] } };
  /** Creates a new, empty project folder (with its sse-studio.yaml settings file) and opens it. */
  'project.create': { params: { path: string }; result: HostInfo };
  /** The mock backend: its streams, subscribers, events sent and active faults. */
  'mock.status': { params: Record<string, never>; result: MockStatus };
  'mock.faults.list': { params: Record<string, never>; result: { faults: FaultEntry[] } };
  /** Sets a fault plan for a scope ({ apiId?, topic? }; empty = everything) on open and future connections. */
  'mock.faults.set': { params: { scope: FaultScope; plan: FaultPlan }; result: FaultEntry };
  /** Triggers a fault now: drop, stall, or restart the whole backend for downMs. */
  'mock.faults.trigger': { params: { scope: FaultScope; action: FaultAction }; result: FaultTriggerResult };
  'mock.faults.clear': { params: { scope?: FaultScope }; result: { cleared: number; released: number } };
  /** Cuts the gateway's client connections for an API (optionally one topic pattern); upstreams and histories stay. */
  'gateway.drop': { params: { apiId: string; topic?: string }; result: { dropped: number } };
  /** Starts N simulated subscribers on a deployed API's topic path (max 10,000); one load run at a time. */
  'load.start': { params: { apiId: string; topicPath: string; subscribers: number; https?: boolean }; result: LoadStatus };
  'load.status': { params: Record<string, never>; result: LoadStatus | null };
  'load.stop': { params: Record<string, never>; result: LoadStatus | null };
  'gateway.metrics': { params: Record<string, never>; result: { rows: GatewayMetricsRow[]; at: number; prometheusUrl: string | null } };
  /** An API's events/s, one point a second since the host started (the last 10 minutes): charts start from there, not from when they open. */
  'gateway.rates': { params: { apiId: string }; result: { since: number; points: RatePoint[] } };
  'subscriptions.open': { params: SubscriptionTarget; result: { subscriptionId: string; url: string } };
  'subscriptions.close': { params: { subscriptionId: string }; result: { closed: boolean } };
  /** Drops the connection on purpose; it reconnects as a browser would after a network error. */
  'subscriptions.drop': { params: { subscriptionId: string }; result: { dropped: boolean } };
  /**
   * The replay verdict so far, from the one engine (shared/sse/replay-verdict.ts) with the best
   * evidence the host has: the mock's record, the gateway's, or the numeric-id rule when turned on.
   * `ids` turns that rule on ('consecutive') or off ('off') for this session and is kept.
   */
  'subscriptions.verdict': { params: { subscriptionId: string; ids?: VerdictIdRule }; result: ReplayVerdict };
  /** The sessions on the host (running ones and the last few stopped), for the session list and to re-attach. */
  'subscriptions.list': { params: Record<string, never>; result: { subscriptions: SubscriptionSummary[] } };
  /** The session's kept events (bounded, the latest), after `afterSeq` when given: what a re-attaching view shows. */
  'subscriptions.events': { params: { subscriptionId: string; afterSeq?: number }; result: { events: ViewerEvent[]; total: number; firstSeq: number } };
  'subscriptions.timeline': { params: { subscriptionId: string }; result: { entries: SubscriptionTimelineEntry[] } };
  /** Runs `check --url`'s conformance suite against any SSE URL in the host (one run at a time; it stops by itself). */
  'server.check.start': { params: ServerCheckRequest; result: ServerCheckRun };
  /** The running (or last) run: its progress line, then its report. */
  'server.check.status': { params: Record<string, never>; result: ServerCheckRun | null };
  'server.check.stop': { params: Record<string, never>; result: ServerCheckRun | null };
  /**
   * Saves a viewer session's kept events as a recording the mock can play (`recordings/<fileName>.json`
   * in the project; never overwrites). `messagesYaml`: for JSON data, examples and an inferred payload schema per event name.
   */
  'recordings.save': { params: { subscriptionId: string; fileName: string }; result: { file: string; events: number; xMock: string; messagesYaml?: string } };
}

export type StudioMethod = keyof StudioMethods;
export type ParamsOf<M extends StudioMethod> = StudioMethods[M]['params'];
export type ResultOf<M extends StudioMethod> = StudioMethods[M]['result'];

export type StudioEvent =
  | { type: 'apis.changed' }
  /** Documents another program changed or deleted on disk (not our own saves). */
  | { type: 'documents.changedOnDisk'; ids: string[] }
  | { type: 'project.opened'; root: string }
  | { type: 'subscription.state'; subscriptionId: string; state: SubscriptionState; detail: string; at: number }
  | { type: 'subscription.events'; subscriptionId: string; events: ViewerEvent[] }
  | { type: 'subscription.timeline'; subscriptionId: string; entry: SubscriptionTimelineEntry };

/** The client side of the contract, the same whatever the transport. */
export interface StudioClient {
  call<M extends StudioMethod>(method: M, params: ParamsOf<M>): Promise<Result<ResultOf<M>>>;
  /** Subscribes to host events; returns the unsubscribe function. */
  onEvent(listener: (event: StudioEvent) => void): () => void;
}

/** The host side of the contract: validated params in, Result out. */
export type StudioHandlers = { [M in StudioMethod]: (params: ParamsOf<M>) => Promise<Result<ResultOf<M>>> };

export type { Result, StudioError };
export type { FaultAction, FaultEntry, FaultPlan, FaultScope, FaultTriggerResult, MockStatus };
