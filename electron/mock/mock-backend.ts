import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockApiStatus, MockScenario, MockStatus, MockStreamStatus } from '../../shared/model/mock.ts';
import { describeFaultPlan, isEmptyPlan, MOCK_LIMITS } from '../../shared/model/mock.ts';
import { encodeSseRetry } from '../../shared/sse/encode.ts';
import { baseUrl } from '../host/listen.ts';
import { decideConnect } from './faults/fault-session.ts';
import type { FaultTarget } from './faults/fault-plans.ts';
import { BOM } from './faults/malform.ts';
import { MockConnection } from './mock-connection.ts';
import { MockFaults } from './mock-faults.ts';
import { MockListener } from './mock-listener.ts';
import { endpointVerdict, routeRequest, type MockApi, type MockRoute } from './mock-routes.ts';
import { MockStream } from './mock-stream.ts';
import { MAX_STREAMS, MAX_TOTAL_EVENTS_PER_SECOND, MockStreams } from './mock-streams.ts';
import { DEFAULT_QUEUE_BYTES, MockMemory } from './mock-memory.ts';
import { mockMountPath, splitMount } from './mock-mount.ts';
import { mockClashes, type MockClash } from './mock-clashes.ts';
import { paramRefusal, streamPerPath } from './mock-path-values.ts';
import { corsHeaders } from '../gateway/security/cors.ts';
import { MockSourceIndex, type SourceRun } from './mock-source-record.ts';
import { scenarioName, topicScenario } from './payload/topic-scenario.ts';
import { seedOf, type Random } from './random.ts';
import type { Scenario } from './scenario.ts';
import { clock, counter } from './scenarios/counter.ts';
import { STOCK_SYMBOLS, stockTicker } from './scenarios/stock-ticker.ts';

export type { MockApi } from './mock-routes.ts';

/**
 * The mock SSE backend (port 8080 by default, the endpoint the WSO2 docs use).
 *
 * Project APIs: `setApis()` gives it the project's APIs; those whose endpoint points at the mock
 * (see mock-routes.ts) are served per topic, as their `x-mock` blocks and messages say
 * (shared/model/mock.ts, shared/asyncapi/read-mock.ts). Each API has its own mount,
 * `/apis/<name>-<hash>` (mock-mount.ts), which the gateway streams from, so two APIs with the same
 * topic path never share a stream; the plain paths (`/prices/ACME`) still work for curl and go to
 * the first API that has the topic. A stream per concrete path only where the events depend on
 * it, and only for the parameter values the topic has (mock-path-values.ts).
 *
 * Memory: bounded per stream (events and bytes), in total (a byte budget) and in number of
 * streams, idle ones evicted first (mock-streams.ts).
 *
 * Built-in streams, the fallbacks when no API topic matches:
 *   /prices            stock ticker, all symbols       /prices/{symbol}  one symbol
 *   /counter           event: count, data = id          /clock            event: tick, once a second
 * `?rate=N` sets events per second (0.1 to 1000) on any stream. Last-Event-ID resumes from history.
 *
 * Faults: `faults` (mock-faults.ts) sets plans and triggers actions; `status()` reports streams.
 */
export const MOCK_STREAMS = ['/prices', ...STOCK_SYMBOLS.map((s) => `/prices/${s}`), '/counter', '/clock'];

const BUILT_INS: Record<string, { scenario: MockScenario; make: () => Scenario }> = {
  prices: { scenario: 'stock-ticker', make: () => stockTicker() },
  counter: { scenario: 'counter', make: counter },
  clock: { scenario: 'clock', make: clock },
};

export interface MockBackendOptions {
  host: string;
  port: number;
  /** Loopback ports, besides its own, whose endpoints count as pointing at the mock (the host's default mock port, for documents written for it). */
  endpointPorts?: number[];
  /** Randomness for probabilistic faults and jitter (default Math.random). */
  random?: Random;
  now?: () => number;
  historySize?: number;
  /** One stream's history byte cap (default 4 MiB). */
  historyBytes?: number;
  /** All histories together (default 64 MiB): over it, idle streams go first, then old events. */
  memoryBytes?: number;
  idleMs?: number;
  heartbeatMs?: number;
}

export class MockBackend {
  readonly faults: MockFaults;
  private readonly streams: MockStreams;
  /** Which stream served each request path: the replay verdict's source truth (read-only). */
  private readonly sources = new MockSourceIndex();
  private readonly connections = new Set<MockConnection>();
  /** Bytes waiting in all subscribers' queues (a subscriber that cannot keep up is cut past it). */
  private readonly queues = new MockMemory(DEFAULT_QUEUE_BYTES);
  private readonly listener: MockListener;
  private apis: MockApi[] = [];
  private fingerprints = new Map<string, string>();
  private readonly random: Random;
  private readonly now: () => number;

  constructor(private readonly options: MockBackendOptions) {
    const server = http.createServer({ noDelay: true }, (req, res) => this.handle(req, res));
    this.listener = new MockListener(server, options.host, options.port);
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.streams = new MockStreams(this.now, MAX_STREAMS, new MockMemory(options.memoryBytes));
    this.faults = new MockFaults({ connections: () => this.connections, restart: (downMs) => this.listener.restart(downMs) });
  }

  async start(): Promise<string> {
    await this.listener.start();
    return this.url as string;
  }

  get url(): string | undefined {
    const port = this.listener.boundTo;
    return port === undefined ? undefined : baseUrl('http', this.options.host, port);
  }

  async stop(): Promise<void> {
    this.sources.freeze();
    this.streams.remove();
    await this.listener.close();
  }

  /**
   * The project's APIs. Those pointing at the mock are served; an API whose input changed gets new
   * streams (its open connections end cleanly, so clients reconnect to the new behaviour) and its
   * document faults back; unchanged APIs keep their streams, history and cleared faults.
   */
  setApis(apis: MockApi[]): MockApiStatus[] {
    const next = new Map(apis.map((api) => [api.id, JSON.stringify(api)]));
    for (const [id, fingerprint] of this.fingerprints) {
      if (next.get(id) === fingerprint) continue;
      this.streams.remove((r) => r.apiId === id);
      this.faults.plans.removeDocument(id);
    }
    for (const api of apis) {
      if (this.fingerprints.get(api.id) === next.get(api.id)) continue;
      const plans = api.topics.flatMap((t) => {
        const plan = api.mock?.[t.path]?.faults;
        return plan ? [{ topic: t.path, plan }] : [];
      });
      this.faults.plans.setDocument(api.id, plans);
    }
    this.apis = apis;
    this.fingerprints = next;
    this.faults.refresh();
    return this.apiStatuses();
  }

  /** What the mock produced for requests to `requestPath` (path and query), one entry per stream that served it. */
  sourceRecord(requestPath: string): SourceRun[] | undefined {
    return this.sources.record(requestPath);
  }

  status(): MockStatus {
    const streams: MockStreamStatus[] = this.streams.list().map((r) => {
      const plan = this.faults.plans.planFor(r.target);
      const connections = r.stream.connections();
      return {
        apiId: r.apiId,
        topic: r.target.topic,
        path: r.path,
        scenario: r.scenario,
        rate: r.stream.burst ? null : r.stream.rate,
        burst: r.stream.burst ?? null,
        ...r.stream.status(),
        resume: r.stream.resume,
        faults: { plan: isEmptyPlan(plan) ? null : plan, summary: describeFaultPlan(plan), stalledConnections: connections.filter((c) => c.isStalled).length },
      };
    });
    return { url: this.url ?? null, state: this.listener.state, backAt: this.listener.backAt, apis: this.apiStatuses(), streams, faults: this.faults.list() };
  }

  private apiStatuses(): MockApiStatus[] {
    const ports = this.ports();
    return this.apis.map((api) => {
      const verdict = endpointVerdict(api.endpoint, ports);
      return { id: api.id, name: api.name, endpoint: api.endpoint, served: verdict.served, ...(verdict.served ? {} : { reason: verdict.reason }) };
    });
  }

  private ports(): number[] {
    return [this.listener.boundTo ?? this.options.port, ...(this.options.endpointPorts ?? [])];
  }

  private served(): Array<{ api: MockApi; prefix: string }> {
    const ports = this.ports();
    return this.apis.flatMap((api) => {
      const verdict = endpointVerdict(api.endpoint, ports);
      return verdict.served ? [{ api, prefix: verdict.prefix }] : [];
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    try {
      this.route(req, res);
    } catch (err) {
      // An exception here would end the whole host: answer this request with it instead.
      if (!res.headersSent) text(res, 500, `The mock backend failed on ${req.url}: ${(err as Error).message}\n`);
      else res.destroy();
    }
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://mock');
    // Under an API's mount only that API's topics answer (mock-mount.ts); elsewhere any API's do.
    let served = this.served();
    let pathname = url.pathname;
    const mounted = splitMount(pathname);
    if (mounted) {
      const own = served.find((s) => mockMountPath(s.api.id) === mounted.mount);
      if (!own) return text(res, 404, `No API of the project is mounted at ${mounted.mount} on the mock: its endpoint must be the mock's address.\n`);
      served = [own];
      pathname = mounted.rest;
    }
    this.allowOrigin(req, res, served);
    const [name, symbol, ...rest] = pathname.split('/').filter(Boolean);
    const builtIn = name && Object.hasOwn(BUILT_INS, name) ? BUILT_INS[name] : undefined;
    const symbolOk = symbol === undefined || (name === 'prices' && (STOCK_SYMBOLS as readonly string[]).includes(symbol));
    const route = routeRequest(served, pathname);
    // A catch-all topic with no x-mock of its own (e.g. WSO2's default "/*") does not hide the
    // built-in stream a path names: /prices on such an API still gives prices.
    const catchAllWithoutConfig = route && route.topic.path.endsWith('*') && !route.api.mock?.[route.topic.path];
    if (route && !(catchAllWithoutConfig && builtIn && symbolOk && rest.length === 0)) return this.serveTopic(route, url, req, res);

    if (!builtIn || !symbolOk || rest.length) {
      const apiTopics = served.flatMap(({ api, prefix }) => api.topics.map((t) => (mounted?.mount ?? '') + prefix + (t.backendPath ?? t.path)));
      const all = [...apiTopics, ...MOCK_STREAMS];
      // Never echo the path: it may be long, and it is the client's own text.
      return text(res, 404, `The mock backend has no stream at this path. Streams: ${all.join(', ')} (add ?rate=N for N events/s).\n`);
    }
    const rate = this.rateParam(url, res);
    if (rate === null) return;
    const target = { apiId: undefined, topic: symbol ? '/prices/{symbol}' : `/${name}` };
    const key = `builtin\0${name}\0${rate ?? ''}`;
    this.open(req, res, target, undefined, () =>
      this.streams.get(key, () => ({
        stream: new MockStream(builtIn.make(), { ...this.streamDefaults(), ...(rate !== undefined ? { rate } : {}) }),
        target: { apiId: undefined, topic: `/${name}` },
        apiId: null,
        path: `/${name}`,
        scenario: builtIn.scenario,
      })),
      symbol ? (k) => k === symbol : undefined,
    );
  }

  private serveTopic(route: MockRoute, url: URL, req: IncomingMessage, res: ServerResponse): void {
    const { api, topic, params, path } = route;
    const rate = this.rateParam(url, res);
    if (rate === null) return;
    const config = api.mock?.[topic.path] ?? {};
    const messages = api.messages?.[topic.path] ?? [];
    const scenario = scenarioName(config, messages);
    const refusal = paramRefusal(topic.path, params, scenario, api.paramValues?.[topic.path]);
    if (refusal) return text(res, 404, refusal + '\n');
    const target = { apiId: api.id, topic: topic.path };
    // Paths whose events are the same share one stream (and one history).
    const streamPath = streamPerPath(params, scenario) ? path : topic.path;
    const key = `api\0${api.id}\0${topic.path}\0${streamPath}\0${rate ?? ''}`;
    this.open(req, res, target, config.retryMs, () =>
      this.streams.get(key, () => ({
        stream: new MockStream(topicScenario({ config, messages, params, seed: seedOf(`${api.id} ${streamPath}`) }), {
          ...this.streamDefaults(),
          ...(rate !== undefined ? { rate } : config.rate !== undefined ? { rate: config.rate } : {}),
          ...(config.burst && rate === undefined ? { burst: config.burst } : {}),
          ...(config.ids ? { ids: config.ids } : {}),
          ...(config.backlog !== undefined ? { backlog: config.backlog } : {}),
          ...(config.resume !== undefined ? { resume: config.resume } : {}),
        }),
        target,
        apiId: api.id,
        path: streamPath,
        scenario,
      })),
    );
  }

  /** Answers one subscriber: a fault's status, or a stream (headers, BOM/retry prelude, history, live). */
  private open(req: IncomingMessage, res: ServerResponse, target: FaultTarget, retryMs: number | undefined, stream: () => MockStream | undefined, accept?: (key: string | undefined) => boolean): void {
    const decision = decideConnect(this.faults.plans.planFor(target));
    if (decision.type === 'status') {
      if (decision.code === 204) {
        res.writeHead(204);
        res.end();
      } else text(res, decision.code, decision.body);
      return;
    }
    const s = stream();
    if (!s) return text(res, 503, `The mock backend is at its limit (${MAX_STREAMS} streams with subscribers, or ${MAX_TOTAL_EVENTS_PER_SECOND} events/s in total): close some connections and try again.\n`);
    res.writeHead(200, { 'content-type': decision.contentType, 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    const connection: MockConnection = new MockConnection(res, target, {
      planFor: (t) => this.faults.plans.planFor(t),
      random: this.random,
      now: this.now,
      onSent: () => s.counted(),
      queues: this.queues,
      onClose: () => {
        s.unsubscribe(connection);
        this.connections.delete(connection);
      },
    });
    this.connections.add(connection);
    connection.begin([...(decision.bom ? [BOM] : []), ...(retryMs !== undefined ? [encodeSseRetry(retryMs)] : [])]);
    const lastEventId = req.headers['last-event-id'];
    s.subscribe(connection, Array.isArray(lastEventId) ? lastEventId[0] : lastEventId, accept);
    this.sources.note(req.url ?? '/', s, accept);
  }

  /** CORS only for origins the project's APIs allow (their x-gateway.cors); none by default. */
  private allowOrigin(req: IncomingMessage, res: ServerResponse, served: ReadonlyArray<{ api: MockApi }>): void {
    const origins = [...new Set(served.flatMap(({ api }) => api.corsOrigins ?? []))];
    const headers = corsHeaders(origins, req.headers.origin);
    if (headers !== 'forbidden') for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  }

  /** Topic paths two served APIs share: fine through the gateway (mounts), ambiguous on the plain paths (mock-clashes.ts). */
  clashes(): MockClash[] {
    return mockClashes(this.served());
  }

  /** What the mock's streams hold now, against its budget (for tests, benches and status). */
  memoryUse(): { historyBytes: number; limitBytes: number; queuedBytes: number; streams: number; idleStreams: number; eventsPerSecond: number } {
    const list = this.streams.list();
    return {
      historyBytes: this.streams.memory.usedBytes,
      limitBytes: this.streams.memory.limitBytes,
      queuedBytes: this.queues.usedBytes,
      streams: list.length,
      idleStreams: list.filter((r) => r.stream.isIdle).length,
      eventsPerSecond: list.reduce((sum, r) => sum + r.stream.eventsPerSecond, 0),
    };
  }

  /** Where the gateway reaches an API on this mock: its own mount (mock-mount.ts). */
  mountPathOf(apiId: string): string {
    return mockMountPath(apiId);
  }

  private streamDefaults() {
    return {
      now: this.now,
      memory: this.streams.memory,
      ...(this.options.historyBytes !== undefined ? { historyBytes: this.options.historyBytes } : {}),
      ...(this.options.historySize !== undefined ? { historySize: this.options.historySize } : {}),
      ...(this.options.idleMs !== undefined ? { idleMs: this.options.idleMs } : {}),
      ...(this.options.heartbeatMs !== undefined ? { heartbeatMs: this.options.heartbeatMs } : {}),
    };
  }

  /** `?rate=N`: undefined when absent, null when wrong (and answered with 400). */
  private rateParam(url: URL, res: ServerResponse): number | undefined | null {
    const raw = url.searchParams.get('rate');
    if (raw === null) return undefined;
    const rate = Number(raw);
    const { min, max } = MOCK_LIMITS.rate;
    if (raw.trim() !== '' && Number.isFinite(rate) && rate >= min && rate <= max) return rate;
    text(res, 400, `rate must be a number of events per second between ${min} and ${max} (got ${raw}).\n`);
    return null;
  }
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(body);
}
