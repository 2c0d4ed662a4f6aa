import type { SseTopic } from '../../shared/model/sse-api.ts';
import { DEFAULT_MAX_STREAMS, type ApiRuntime } from '../../shared/model/runtime.ts';
import { backendPathFor, matchBasePath, matchTopic, safeRequestPath } from './topic-router.ts';
import { GatewayMetrics } from './metrics.ts';
import { StreamRegistry, upstreamKey } from './stream/stream-registry.ts';
import { authenticate } from './security/authenticate.ts';
import { corsHeaders, preflightHeaders } from './security/cors.ts';
import { isLocalHostHeader } from './security/host-header.ts';
import { EventRateLimiter } from './security/event-rate-limiter.ts';
import { stripCredentialParam } from './security/credential-params.ts';
import { startGatewayListeners, type GatewayListeners } from './transports/listeners.ts';
import type { TlsMaterial } from './transports/local-certificate.ts';
import type { GatewayRequest, GatewayResponse, Transport } from './transports/types.ts';
import { sendEmpty, sendText, setHeaders } from './respond.ts';

/** What the gateway needs of an API to serve it. */
export interface DeployedApi {
  id: string;
  name: string;
  /** Context with the version applied, e.g. `/stocks/1.0.0`. */
  basePath: string;
  endpoint: string;
  topics: SseTopic[];
  runtime: ApiRuntime;
}

export interface GatewayOptions {
  host: string;
  /** HTTP (and h2c) port; null = off. */
  port: number | null;
  /** HTTPS (HTTP/2 + HTTP/1.1) port; null = off. Needs `tls`. */
  httpsPort?: number | null;
  tls?: TlsMaterial;
  /** All replay histories together hold at most this many bytes (default 128 MiB). */
  historyBudgetBytes?: number;
  /** Called once per finished request, for the access log. */
  onAccess?: (entry: AccessEntry) => void;
}

export interface AccessEntry {
  method: string;
  path: string;
  status: number;
  transport: Transport;
  httpVersion: string;
  apiId?: string;
  subscriber?: string;
  durationMs: number;
}

const SWEEP_MS = 30_000;
export const METRICS_PATH = '/_studio/metrics';

interface Deployment {
  api: DeployedApi;
  limiter: EventRateLimiter;
}

export class Gateway {
  readonly metrics = new GatewayMetrics();
  private readonly deployments = new Map<string, Deployment>();
  /** One hub per backend stream (upstream key), within the memory limits. */
  readonly streams: StreamRegistry;
  private readonly sweeper: NodeJS.Timeout;
  private listeners: GatewayListeners | undefined;

  constructor(private readonly options: GatewayOptions) {
    this.streams = new StreamRegistry(options.historyBudgetBytes);
    this.metrics.memory = () => ({ historyBytes: this.streams.budget.usedBytes, historyBudgetBytes: this.streams.budget.limitBytes, historiesEvicted: this.streams.budget.evictedStreams, streams: this.streams.size, streamsRefused: this.streams.streamsRefused });
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async start(): Promise<void> {
    this.listeners = await startGatewayListeners({
      host: this.options.host,
      httpPort: this.options.port,
      httpsPort: this.options.httpsPort ?? null,
      ...(this.options.tls ? { tls: this.options.tls } : {}),
      handler: (req, res, transport) => this.handle(req, res, transport),
    });
  }

  /** Base URL of the HTTP listener, if on. */
  get url(): string | undefined {
    return this.listeners?.httpUrl;
  }

  /** Base URL of the HTTPS listener, if on. */
  get httpsUrl(): string | undefined {
    return this.listeners?.httpsUrl;
  }

  /** Deploys or redeploys an API; a redeploy ends its open streams so they pick up the new settings. */
  deploy(api: DeployedApi): void {
    for (const other of this.deployments.values()) {
      if (other.api.id !== api.id && other.api.basePath === api.basePath) {
        throw new Error(`"${other.api.name}" is already deployed at ${api.basePath}`);
      }
    }
    if (this.deployments.has(api.id)) this.closeHubs(api.id);
    this.deployments.set(api.id, { api, limiter: new EventRateLimiter(api.runtime.rateLimit) });
  }

  undeploy(id: string): boolean {
    this.closeHubs(id);
    return this.deployments.delete(id);
  }

  isDeployed(id: string): boolean {
    return this.deployments.has(id);
  }

  /** Cuts the client connections of an API (all of them, or one topic's, by topic pattern), keeping upstreams and histories. */
  dropSubscribers(apiId: string, topicPath?: string): number {
    return this.streams.dropSubscribers(apiId, topicPath);
  }

  /** Closes every stream and frees the ports. */
  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    this.streams.closeAll();
    await this.listeners?.stop();
  }

  private closeHubs(apiId: string): void {
    this.streams.closeApi(apiId);
  }

  private sweep(): void {
    this.streams.sweep();
  }

  /** The request pipeline: path -> API -> CORS -> topic -> method -> transport -> auth -> limits -> stream. */
  private handle(req: GatewayRequest, res: GatewayResponse, transport: Transport): void {
    const started = Date.now();
    // Topics are GET-only: consume the (empty) request body now. An HTTP/2 stream the client
    // resets with NO_ERROR is only destroyed (and `res` only emits 'close') once its readable
    // side has ended, and Node waits for the handler to read it.
    req.resume();
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const rawQuery = queryAt === -1 ? '' : rawUrl.slice(queryAt + 1);
    const method = req.method ?? 'GET';
    const entry: AccessEntry = { method, path: rawPath, status: 0, transport, httpVersion: req.httpVersion, durationMs: 0 };
    res.on('close', () => this.options.onAccess?.({ ...entry, status: res.statusCode, durationMs: Date.now() - started }));

    if (rawPath === METRICS_PATH && method === 'GET') {
      // The same Host check as the Studio API: a DNS-rebinding page must not read the metrics.
      const host = header(req, 'host') ?? header(req, ':authority');
      if (!isLocalHostHeader(host, this.options.host, req.socket?.localPort ?? 0)) return sendText(res, 421, 'Misdirected request: unknown Host header.');
      return sendText(res, 200, this.metrics.prometheus(), { 'content-type': 'text/plain; version=0.0.4' });
    }

    const checked = safeRequestPath(rawPath);
    if (!checked.ok) return sendText(res, 400, `Bad request: ${checked.reason}`);
    const found = matchBasePath([...this.deployments.values()].map((d) => ({ basePath: d.api.basePath, deployment: d })), checked.path);
    if (!found) {
      const deployed = [...this.deployments.values()].map((d) => d.api.basePath).join(', ') || 'none';
      return sendText(res, 404, `No API is deployed at ${rawPath}. Deployed: ${deployed}.`);
    }
    const { api, limiter } = found.api.deployment;
    entry.apiId = api.id;
    const origin = header(req, 'origin');

    if (method === 'OPTIONS') {
      const preflight = preflightHeaders(api.runtime.corsOrigins, origin, api.runtime.security);
      if (preflight === 'forbidden') return sendText(res, 403, `Origin ${origin} may not use "${api.name}": add it to x-gateway.cors.`);
      return sendEmpty(res, 204, preflight);
    }
    const cors = corsHeaders(api.runtime.corsOrigins, origin);
    if (cors === 'forbidden') return sendText(res, 403, `Origin ${origin} may not use "${api.name}": add it to x-gateway.cors.`);
    setHeaders(res, cors);

    const match = matchTopic(api.topics, found.rest);
    if (!match) return sendText(res, 404, `"${api.name}" has no topic matching ${found.rest}. Its topics: ${api.topics.map((t) => t.path).join(', ')}.`);
    const counters = this.metrics.for(api.id, match.topic.path);
    if (method !== 'GET') return sendText(res, 405, `Topics are subscribe-only: use GET (got ${method}).`, { allow: 'GET' });

    if (!api.runtime.transports[transport]) {
      const other = transport === 'http' ? 'https' : 'http';
      const where = other === 'https' ? this.httpsUrl : this.url;
      return sendText(res, 403, `"${api.name}" is not served over ${transport.toUpperCase()}: its transports allow ${other.toUpperCase()} only${where ? ` (${where}${rawPath})` : ''}.`);
    }

    const query = new URLSearchParams(rawQuery);
    const auth = authenticate(api.runtime.security, { headers: req.headers, query });
    if (!auth.ok) {
      counters.authFailures++;
      return sendText(res, 401, `Unauthorized: ${auth.message}`, auth.wwwAuthenticate ? { 'www-authenticate': auth.wwwAuthenticate } : {});
    }
    const subscriberKey = auth.subscriberKey === 'anonymous' ? `ip:${req.socket?.remoteAddress ?? 'unknown'}` : auth.subscriberKey;
    entry.subscriber = subscriberKey;
    const admission = limiter.admit(subscriberKey);
    if (!admission.ok) {
      counters.rateLimited++;
      return sendText(res, 429, admission.message, { 'retry-after': String(admission.retryAfterSeconds) });
    }

    // Credentials that authenticated the client to the gateway are not the backend's business.
    const credentialFree = stripCredentialParam(api.runtime.security, rawQuery);
    const backendPath = backendPathFor(match);
    // A mapping may carry its own query (`/v2/quotes?sym={symbol}`): the client's is appended to it.
    const joiner = backendPath.includes('?') ? '&' : '?';
    const target = new URL(api.endpoint.replace(/\/+$/, '') + backendPath + (credentialFree ? joiner + credentialFree : ''));
    const hub = this.streams.hubFor(api.id, upstreamKey(api.id, target), target, api.runtime, counters, match.topic.path);
    if (!hub) return sendText(res, 503, `"${api.name}" has ${api.runtime.maxStreams ?? DEFAULT_MAX_STREAMS} distinct backend streams open with subscribers (its maxStreams); try again later.`, { 'retry-after': '5' });
    const limited = api.runtime.rateLimit.eventsPerMinute !== undefined || api.runtime.rateLimit.eventsPerDay !== undefined;
    hub.subscribe({
      res,
      lastEventId: header(req, 'last-event-id'),
      ...(limited ? { admitEvent: () => limiter.consume(subscriberKey) } : {}),
    });
  }
}

function header(req: GatewayRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
