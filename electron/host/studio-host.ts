import { EventEmitter } from 'node:events';
import type { ApiSummary, HostMode, ProjectProblem, StudioEvent, StudioHandlers } from '../../shared/api/contract.ts';
import { fail, ok } from '../../shared/result.ts';
import path from 'node:path';
import { Gateway, METRICS_PATH, type AccessEntry } from '../gateway/gateway.ts';
import { loadOrCreateLocalCertificate, loadUserCertificate } from '../gateway/transports/local-certificate.ts';
import { studioHome } from './default-project.ts';
import { resolveMockEndpoint } from './mock-endpoint.ts';
import { findSourceTruth } from './source-truth.ts';
import { MetricsRates } from './metrics-rates.ts';
import type { SourceTruth } from '../../shared/sse/replay-verdict.ts';
import { MOCK_STREAMS, MockBackend } from '../mock/mock-backend.ts';
import { ProjectStore, type ProjectApi } from '../project/project-store.ts';
import { Subscriptions } from '../viewer/subscriptions.ts';
import { ProjectWatcher } from '../project/project-watcher.ts';
import { RecoveryStore } from '../project/recovery-store.ts';
import { RecentProjects } from '../project/recent-projects.ts';
import { documentHandlers, type DocumentMethods } from './document-handlers.ts';
import { mockHandlers, type MockMethods } from './mock-handlers.ts';
import { loadHandlers, type LoadMethods } from './load-handlers.ts';
import { serverCheckHandlers, type ServerCheckMethods } from '../server-check/server-check-handlers.ts';
import { recordingHandlers, type RecordingMethods } from '../record/recording-handlers.ts';
import { mockApiFromDocument } from '../mock/mock-api-input.ts';
import { withRecordingPaths } from '../mock/scenarios/recording-paths.ts';
import { readMock } from '../../shared/asyncapi/read-mock.ts';
import { APP_VERSION } from './app-version.ts';

/**
 * The one object that owns the running services. Electron's main process and the CLI both create
 * it; the renderer reaches it only through `handlers` (the Studio API) and `onEvent`.
 */
export interface HostOptions {
  project: string;
  host?: string;
  /** Port, 0 for any free port, or null to not start the service. */
  gatewayPort?: number | null;
  /** HTTPS gateway port (HTTP/2 + HTTP/1.1); null = off. */
  gatewayHttpsPort?: number | null;
  /** The user's own certificate for the HTTPS gateway; else a local one is generated once. */
  tls?: { certPath: string; keyPath: string };
  /** Where app data lives (the generated certificate): default ~/.sse-studio or $SSE_STUDIO_HOME. */
  dataDir?: string;
  mockPort?: number | null;
  mode: HostMode;
  /** Deploy every valid API of the project at start (what `serve` does). */
  deployAll?: boolean;
  onAccess?: (line: string) => void;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_GATEWAY_PORT = 8280;
export const DEFAULT_GATEWAY_HTTPS_PORT = 8243;
export const DEFAULT_MOCK_PORT = 8080;

export class StudioHost {
  private readonly events = new EventEmitter();
  private readonly subscriptions = new Subscriptions(
    (e) => this.events.emit('event', e),
    (url, startedAt) => this.sourceTruth(url, startedAt),
  );
  readonly handlers: StudioHandlers;
  private readonly load: Pick<StudioHandlers, LoadMethods>;
  /** Events/s per API since the host started, for charts that open later. */
  private readonly rates: MetricsRates | undefined;

  private currentProject: ProjectStore;
  private watcher: ProjectWatcher | undefined;
  recovery: RecoveryStore;
  readonly recent: RecentProjects;

  /** The HTTPS gateway's certificate, trusted by viewer subscriptions to https: URLs. */
  private gatewayCert: string | undefined;

  private constructor(
    project: ProjectStore,
    readonly gateway: Gateway | undefined,
    readonly mock: MockBackend | undefined,
    private readonly mode: HostMode,
    readonly dataDir: string,
    private readonly deployAll: boolean,
  ) {
    this.currentProject = project;
    this.recovery = new RecoveryStore(dataDir, project.root);
    this.recent = new RecentProjects(dataDir);
    this.events.setMaxListeners(100);
    // The handlers get what they need, not the host: they do not import it back.
    const currentProject = () => this.project;
    const currentRecovery = () => this.recovery;
    const documents = documentHandlers({
      get project() {
        return currentProject();
      },
      get recovery() {
        return currentRecovery();
      },
      recent: this.recent,
      redeployChanged: (ids) => this.redeployChanged(ids),
      changed: () => this.changed(),
      openProject: (target) => this.openProject(target),
      hostInfo: () => this.handlers['host.info']({}),
      hostProblems: (id) => this.hostProblems(id),
    });
    this.rates = gateway ? new MetricsRates(() => gateway.metrics.rows()) : undefined;
    this.load = loadHandlers({
      gateway,
      get project() {
        return currentProject();
      },
    });
    const recordings = recordingHandlers({
      root: () => this.project.root,
      events: (id) => this.subscriptions.events(id),
      url: (id) => this.subscriptions.list().find((s) => s.subscriptionId === id)?.url,
    });
    this.handlers = { ...this.createHandlers(), ...documents, ...mockHandlers({ mock }), ...this.load, ...serverCheckHandlers(), ...recordings };
  }

  get project(): ProjectStore {
    return this.currentProject;
  }

  /** Switches to another project: streams of the old one end, the new one's APIs are deployed. */
  async openProject(target: string): Promise<void> {
    const next = await ProjectStore.open(target);
    this.watcher?.stop();
    this.subscriptions.closeAll();
    for (const entry of this.currentProject.list().apis) this.gateway?.undeploy(entry.id);
    this.currentProject = next;
    this.recovery = new RecoveryStore(this.dataDir, next.root);
    if (this.deployAll) this.deployValid();
    this.watch();
    await this.recent.add(target).catch(() => undefined);
    this.emit({ type: 'project.opened', root: next.root });
    this.changed();
  }

  emit(event: StudioEvent): void {
    this.events.emit('event', event);
  }

  /** After a document changed (our save or another program's), the gateway serves what is on disk. */
  redeployChanged(ids: string[]): void {
    for (const id of ids) {
      if (!this.gateway?.isDeployed(id)) continue;
      const entry = this.project.get(id);
      if (entry) this.deploy(entry);
      else if (!this.project.document(id)) this.gateway.undeploy(id); // deleted; an invalid file keeps the last good deployment
    }
  }

  private deployValid(): void {
    for (const api of this.project.list().apis) {
      try {
        this.deploy(api);
      } catch {
        // Two APIs at one gateway path: the project lists the problem; the first one stays deployed.
      }
    }
  }

  private watch(): void {
    this.watcher = new ProjectWatcher(this.project.root, () => {
      const project = this.project;
      // A file the APIs reference (./schemas.json) changes no API document, but what the mock, the contract check and the forms read.
      const referenced = () => JSON.stringify(project.list().apis.map((a) => a.resolved));
      const before = referenced();
      void project.reloadAndDiff().then((ids) => {
        if (project !== this.project) return;
        if (ids.length) {
          this.redeployChanged(ids);
          this.emit({ type: 'documents.changedOnDisk', ids });
        }
        if (ids.length || referenced() !== before) this.changed();
      });
    });
    this.watcher.start();
  }

  /** Opens the project and starts the services; on any failure, stops what it started and throws. */
  static async start(options: HostOptions): Promise<StudioHost> {
    const project = await ProjectStore.open(options.project);
    const host = options.host ?? DEFAULT_HOST;
    const gatewayPort = options.gatewayPort === undefined ? DEFAULT_GATEWAY_PORT : options.gatewayPort;
    const mockPort = options.mockPort === undefined ? DEFAULT_MOCK_PORT : options.mockPort;
    const httpsPort = options.gatewayHttpsPort === undefined ? DEFAULT_GATEWAY_HTTPS_PORT : options.gatewayHttpsPort;
    const gatewayOn = gatewayPort !== null || httpsPort !== null;
    const tls = httpsPort === null || !gatewayOn ? undefined : options.tls ? await loadUserCertificate(options.tls.certPath, options.tls.keyPath) : await loadOrCreateLocalCertificate(path.join(options.dataDir ?? studioHome(), 'tls'));
    const onAccess = options.onAccess;
    const gateway = !gatewayOn
      ? undefined
      : new Gateway({
          host,
          port: gatewayPort,
          httpsPort,
          ...(tls ? { tls } : {}),
          ...(onAccess ? { onAccess: (e: AccessEntry) => onAccess(`${e.method} ${e.path} ${e.status} ${e.durationMs}ms ${e.transport} HTTP/${e.httpVersion}${e.subscriber ? ` ${e.subscriber}` : ''}`) } : {}),
        });
    const mock = mockPort === null ? undefined : new MockBackend({ host, port: mockPort, endpointPorts: [DEFAULT_MOCK_PORT] });
    const studio = new StudioHost(project, gateway, mock, options.mode, options.dataDir ?? studioHome(), Boolean(options.deployAll));
    studio.gatewayCert = tls?.cert;
    try {
      await mock?.start();
      await gateway?.start();
    } catch (err) {
      await studio.stop();
      throw err;
    }
    studio.syncMock();
    studio.rates?.start();
    if (options.deployAll && gateway) studio.deployValid();
    studio.watch();
    await studio.recent.add(options.project).catch(() => undefined);
    return studio;
  }

  onEvent(listener: (event: StudioEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  async stop(): Promise<void> {
    await this.load['load.stop']({});
    this.watcher?.stop();
    this.rates?.stop();
    this.subscriptions.closeAll();
    await Promise.all([this.gateway?.stop(), this.mock?.stop()]);
    this.events.removeAllListeners();
  }

  summary(entry: ProjectApi): ApiSummary {
    const gatewayUrl = this.gateway?.url;
    const httpsUrl = this.gateway?.httpsUrl;
    const transports = entry.api.runtime.transports;
    const mocked = readMock(entry.resolved).mock;
    return {
      id: entry.id,
      name: entry.api.name,
      context: entry.api.context,
      version: entry.api.version,
      endpoint: entry.api.endpoint,
      ...(entry.api.description ? { description: entry.api.description } : {}),
      basePath: entry.basePath,
      deployed: this.gateway?.isDeployed(entry.id) ?? false,
      endpointInUse: this.endpointOf(entry),
      runtime: entry.api.runtime,
      gateway: gatewayAsWritten(entry.resolved),
      topics: entry.api.topics.map((t) => ({
        path: t.path,
        ...(t.backendPath ? { backendPath: t.backendPath } : {}),
        gatewayUrl: gatewayUrl && transports.http ? gatewayUrl + entry.basePath + (t.path === '/' ? '' : t.path) : null,
        gatewayHttpsUrl: httpsUrl && transports.https ? httpsUrl + entry.basePath + (t.path === '/' ? '' : t.path) : null,
        mocked: Object.hasOwn(mocked, t.path),
      })),
    };
  }

  /**
   * The source truth for a stream at `url` (subscribed to since `startedAt`): the mock's record
   * when the mock is its source, straight or through the gateway. The viewer and `check` judge by it.
   */
  sourceTruth(url: URL, startedAt: number): SourceTruth | undefined {
    return findSourceTruth(url, startedAt, {
      mock: this.mock,
      gatewayOrigins: () => [this.gateway?.url, this.gateway?.httpsUrl].flatMap((u) => (u ? [new URL(u).origin] : [])),
      deployed: () => this.project.list().apis.filter((a) => this.gateway?.isDeployed(a.id)).map((a) => ({ basePath: a.basePath, endpoint: this.endpointOf(a), topics: a.api.topics })),
      gatewayStreams: () => this.gateway?.streams.all() ?? [],
    });
  }

  /** The backend the gateway really streams from: for a mock-backed API, its own mount on the running mock (mock-endpoint.ts). */
  endpointOf(entry: ProjectApi): string {
    return resolveMockEndpoint(entry.api.endpoint, DEFAULT_MOCK_PORT, this.mock?.url, this.mock?.mountPathOf(entry.id));
  }

  deploy(entry: ProjectApi): void {
    const endpoint = this.endpointOf(entry);
    this.gateway?.deploy({ id: entry.id, name: entry.api.name, basePath: entry.basePath, endpoint, topics: entry.api.topics, runtime: entry.api.runtime });
  }

  /** Two APIs mocking the same topic path: a problem on both documents (electron/mock/mock-clashes.ts). */
  private mockClashProblems(): ProjectProblem[] {
    return (this.mock?.clashes() ?? []).map((c) => ({ file: c.apiId, message: c.message }));
  }

  hostProblems(id: string): ProjectProblem[] {
    return this.mockClashProblems().filter((p) => p.file === id);
  }

  /** The mock serves each API whose endpoint points at it, per topic, from its document. */
  syncMock(): void {
    if (!this.mock) return;
    this.mock.setApis(this.project.list().apis.map((e) => withRecordingPaths(mockApiFromDocument(e.id, e.api, e.resolved).api, e.file)));
  }

  changed(): void {
    this.syncMock();
    this.events.emit('event', { type: 'apis.changed' } satisfies StudioEvent);
  }

  private createHandlers(): Omit<StudioHandlers, DocumentMethods | MockMethods | LoadMethods | ServerCheckMethods | RecordingMethods> {
    return {
      'host.info': async () =>
        ok({
          appVersion: APP_VERSION,
          mode: this.mode,
          projectRoot: this.project.root,
          gatewayUrl: this.gateway?.url ?? null,
          gatewayHttpsUrl: this.gateway?.httpsUrl ?? null,
          mockUrl: this.mock?.url ?? null,
          mockStreams: this.mock ? MOCK_STREAMS : [],
        }),
      'apis.list': async () => {
        const { apis, problems } = this.project.list();
        return ok({ apis: apis.map((a) => this.summary(a)), problems: [...problems, ...this.mockClashProblems()] });
      },
      'apis.create': async (draft) => {
        const created = await this.project.create(draft);
        if (!created.ok) return created;
        this.changed();
        return ok(this.summary(created.value));
      },
      'apis.deploy': async ({ id }) => {
        const entry = this.project.get(id);
        if (!entry) return fail('not_found', `There is no API "${id}" in the project.`);
        if (!this.gateway) return fail('gateway_off', 'The gateway is not running (it was started with --no-gateway).');
        try {
          this.deploy(entry);
        } catch (err) {
          return fail('context_taken', `Cannot deploy: ${(err as Error).message}. Undeploy it first or change this API's context.`);
        }
        this.changed();
        return ok(this.summary(entry));
      },
      'apis.undeploy': async ({ id }) => {
        const entry = this.project.get(id);
        if (!entry) return fail('not_found', `There is no API "${id}" in the project.`);
        this.gateway?.undeploy(id);
        this.changed();
        return ok(this.summary(entry));
      },
      'subscriptions.open': async (target) => {
        let url: URL;
        if ('url' in target) {
          try {
            url = new URL(target.url);
          } catch {
            return fail('bad_url', `"${target.url}" is not a URL: enter a full http(s) URL.`);
          }
          if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail('bad_url', 'Only http:// and https:// URLs can be subscribed to.');
        } else {
          const entry = this.project.get(target.apiId);
          if (!entry) return fail('not_found', `There is no API "${target.apiId}" in the project.`);
          if (!this.gateway?.url) return fail('gateway_off', 'The gateway\'s HTTP listener is not running.');
          if (!this.gateway.isDeployed(entry.id)) return fail('not_deployed', `Deploy "${entry.api.name}" first: the gateway does not serve it yet.`);
          const topicPath = target.topicPath.startsWith('/') ? target.topicPath : '/' + target.topicPath;
          if (/[*{}]/.test(topicPath)) return fail('bad_topic', `Subscribe to a concrete path: replace "*" or {param} in ${topicPath}, e.g. /prices.`);
          url = new URL(this.gateway.url + entry.basePath + topicPath);
        }
        const info = { ...('apiId' in target ? { apiId: target.apiId, topicPath: target.topicPath } : {}), ...(target.ids ? { ids: target.ids } : {}) };
        const subscriptionId = this.subscriptions.start(url, target.lastEventId, {
          ...(target.headers ? { headers: target.headers } : {}),
          ...(target.http2 ? { http2: true } : {}),
          // https: trust the gateway's own certificate (local or the user's), or anything when asked.
          ...(url.protocol === 'https:' ? { tls: { ...(this.gatewayCert ? { ca: this.gatewayCert } : {}), ...(target.insecureTls ? { rejectUnauthorized: false } : {}) } } : {}),
        }, info);
        return ok({ subscriptionId, url: url.href });
      },
      'apis.updateRuntime': async ({ id, gateway }) => {
        const updated = await this.project.updateRuntime(id, gateway);
        if (!updated.ok) return updated;
        if (this.gateway?.isDeployed(id)) this.deploy(updated.value);
        this.changed();
        return ok(this.summary(updated.value));
      },
      'gateway.metrics': async () =>
        ok({ rows: this.gateway?.metrics.rows() ?? [], at: Date.now(), prometheusUrl: this.gateway?.url ? this.gateway.url + METRICS_PATH : null }),
      'subscriptions.close': async ({ subscriptionId }) => ok({ closed: this.subscriptions.close(subscriptionId) }),
      'subscriptions.drop': async ({ subscriptionId }) => ok({ dropped: this.subscriptions.drop(subscriptionId) }),
      'subscriptions.verdict': async ({ subscriptionId, ids }) => {
        const verdict = this.subscriptions.verdict(subscriptionId, ids ? { ids } : {});
        return verdict ? ok(verdict) : fail('not_found', `There is no subscription "${subscriptionId}" (only the last few closed ones are kept): open it again.`);
      },
      'gateway.rates': async ({ apiId }) => ok({ since: this.rates?.since ?? Date.now(), points: this.rates?.history(apiId) ?? [] }),
      'subscriptions.list': async () => ok({ subscriptions: this.subscriptions.list() }),
      'subscriptions.events': async ({ subscriptionId, afterSeq }) => {
        const kept = this.subscriptions.events(subscriptionId, afterSeq);
        return kept ? ok(kept) : fail('not_found', `There is no subscription "${subscriptionId}" (only the last few closed ones are kept): open it again.`);
      },
      'subscriptions.timeline': async ({ subscriptionId }) => {
        const entries = this.subscriptions.timeline(subscriptionId);
        return entries ? ok({ entries }) : fail('not_found', `There is no subscription "${subscriptionId}" (only the last few closed ones are kept): open it again.`);
      },
    };
  }
}

/** The document's own `x-gateway` block (the Runtime tab shows what it sets, and keeps the rest at default). */
function gatewayAsWritten(doc: unknown): Record<string, unknown> {
  const block = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>)['x-gateway'] : undefined;
  return typeof block === 'object' && block !== null && !Array.isArray(block) ? (block as Record<string, unknown>) : {};
}
