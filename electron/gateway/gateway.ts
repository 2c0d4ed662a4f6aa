import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { SseTopic } from '../../shared/model/sse-api.ts';
import type { ApiRuntime } from '../../shared/model/runtime.ts';
import { backendPathFor, matchBasePath, matchTopic, safeRequestPath } from './topic-router.ts';
import { baseUrl, listen } from '../host/listen.ts';
import { GatewayMetrics } from './metrics.ts';
import { StreamHub } from './stream/stream-hub.ts';

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
  port: number;
  /** Called once per finished request, for the access log. */
  onAccess?: (entry: AccessEntry) => void;
}

export interface AccessEntry {
  method: string;
  path: string;
  status: number;
  apiId?: string;
  durationMs: number;
  note?: string;
}

const SWEEP_MS = 30_000;
export const METRICS_PATH = '/_studio/metrics';

export class Gateway {
  readonly metrics = new GatewayMetrics();
  private readonly apis = new Map<string, DeployedApi>();
  /** One hub per backend stream: `${apiId}\n${backend URL}`. */
  private readonly hubs = new Map<string, StreamHub>();
  private readonly sockets = new Set<Socket>();
  private readonly server: http.Server;
  private readonly sweeper: NodeJS.Timeout;
  private address: { host: string; port: number } | undefined;

  constructor(private readonly options: GatewayOptions) {
    this.server = http.createServer({ noDelay: true }, (req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  async start(): Promise<string> {
    const info = await listen(this.server, 'Gateway', this.options.host, this.options.port);
    this.address = { host: this.options.host, port: info.port };
    return this.url as string;
  }

  get url(): string | undefined {
    return this.address && baseUrl('http', this.address.host, this.address.port);
  }

  /** Deploys or redeploys an API; a redeploy ends its open streams so they pick up the new settings. */
  deploy(api: DeployedApi): void {
    for (const other of this.apis.values()) {
      if (other.id !== api.id && other.basePath === api.basePath) {
        throw new Error(`"${other.name}" is already deployed at ${api.basePath}`);
      }
    }
    if (this.apis.has(api.id)) this.closeHubs(api.id);
    this.apis.set(api.id, api);
  }

  undeploy(id: string): boolean {
    this.closeHubs(id);
    return this.apis.delete(id);
  }

  isDeployed(id: string): boolean {
    return this.apis.has(id);
  }

  /** Closes every stream and frees the port. */
  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    for (const hub of this.hubs.values()) hub.close();
    this.hubs.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private closeHubs(apiId: string): void {
    for (const [key, hub] of this.hubs) {
      if (key.startsWith(apiId + '\n')) {
        hub.close();
        this.hubs.delete(key);
      }
    }
  }

  private sweep(): void {
    for (const [key, hub] of this.hubs) if (hub.disposable) this.hubs.delete(key);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const started = Date.now();
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = queryAt === -1 ? '' : rawUrl.slice(queryAt);
    const entry: AccessEntry = { method: req.method ?? '?', path: rawPath, status: 0, durationMs: 0 };
    res.on('close', () => {
      this.options.onAccess?.({ ...entry, status: res.statusCode, durationMs: Date.now() - started });
    });

    if (rawPath === METRICS_PATH && req.method === 'GET') {
      const body = this.metrics.prometheus();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return;
    }

    // Browsers' EventSource may come from another origin (the Studio UI, a test page).
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'last-event-id, authorization, cache-control, accept', 'access-control-max-age': '600' });
      res.end();
      return;
    }

    const checked = safeRequestPath(rawPath);
    if (!checked.ok) return sendText(res, 400, `Bad request: ${checked.reason}`);
    const found = matchBasePath(this.apis.values(), checked.path);
    if (!found) return sendText(res, 404, `No API is deployed at ${rawPath}. Deployed: ${[...this.apis.values()].map((a) => a.basePath).join(', ') || 'none'}.`);
    const api = found.api;
    entry.apiId = api.id;
    const match = matchTopic(api.topics, found.rest);
    if (!match) {
      return sendText(res, 404, `"${api.name}" has no topic matching ${found.rest}. Its topics: ${api.topics.map((t) => t.path).join(', ')}.`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET');
      return sendText(res, 405, `Topics are subscribe-only: use GET (got ${req.method}).`);
    }

    const target = new URL(api.endpoint.replace(/\/+$/, '') + backendPathFor(match) + query);
    const key = `${api.id}\n${target.href}`;
    let hub = this.hubs.get(key);
    if (!hub) {
      hub = new StreamHub(target, api.runtime, this.metrics.for(api.id, match.topic.path));
      this.hubs.set(key, hub);
    }
    const lastEventId = req.headers['last-event-id'];
    hub.subscribe({ res, lastEventId: Array.isArray(lastEventId) ? lastEventId[0] : lastEventId });
  }
}

function sendText(res: ServerResponse, status: number, text: string): void {
  const body = text.endsWith('\n') ? text : text + '\n';
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
