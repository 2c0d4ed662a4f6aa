import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ProjectProblem } from '../../shared/api/contract.ts';
import type { ReplayVerdict } from '../../shared/sse/replay-verdict.ts';
import { ListenError } from '../host/listen.ts';
import { StudioHost } from '../host/studio-host.ts';
import { MOCK_STREAMS } from '../mock/mock-backend.ts';
import type { ProjectApi } from '../project/project-store.ts';
import type { CheckOptions } from './check-args.ts';
import { describePlan, topicPlan } from './check-plan.ts';
import { credentialsFor } from './credentials.ts';
import { declaredEventNames } from './message-names.ts';
import { chooseTopicTarget } from './topic-target.ts';
import { TopicProbe, type DoneStep } from './topic-probe.ts';

/**
 * `sse-studio check`, without the printing: starts the project on a private gateway and mock
 * (127.0.0.1, free ports, a temporary data folder), subscribes to one concrete path per topic,
 * runs the drop plan and returns a verdict per topic.
 *
 * The backend-side drop restarts the mock on the same port (stop, then start again), once for
 * every topic it serves, when all of them reached that step: the restart cuts every stream of the
 * mock at once, so it is one moment for all. The mock is given a port picked up front, so the
 * gateway's endpoint for it stays right across the restart.
 */
export interface CheckHooks {
  /** A step worth a line of its own: drops, reconnects, failures. */
  note(line: string): void;
  /** The live status of every topic, called on every tick. */
  status(text: string): void;
  /**
   * Drops the backend of an API the mock does not serve (cuts its connections). Given, such APIs
   * get a backend-side drop as their second step instead of a second client-side drop.
   */
  dropBackend?(apiId: string): Promise<void> | void;
}

export interface TargetReport {
  apiId: string;
  api: string;
  version: string;
  topic: string;
  /** The concrete path subscribed to, and how it was chosen. */
  path: string | null;
  how: string;
  url: string | null;
  /** The backend the gateway streams this topic from. */
  backend: string;
  mockBacked: boolean;
  credentials: string | null;
  /** The verdict's status (unknown: not every drop could be checked against evidence), or skipped. */
  status: 'green' | 'red' | 'unknown' | 'skipped';
  /** Why skipped, red or unknown when there is no verdict to say it (failed, no events). */
  reason: string | null;
  events: number;
  drops: DoneStep[];
  /** What the ids were taken to be (judged before the first drop). */
  ids: string;
  /** The plan was not finished (time limit). */
  incomplete: string | null;
  /** Contract check: event types received (with counts) against the channel's message names. */
  eventTypes: { received: Record<string, number>; declared: string[] | null; undeclared: string[] };
  verdict: ReplayVerdict | null;
}

export interface CheckResult {
  project: string;
  startedAt: string;
  durationMs: number;
  settings: Omit<CheckOptions, 'project' | 'json'>;
  plan: string;
  gatewayUrl: string | null;
  mockUrl: string | null;
  mockRestarts: number;
  problems: ProjectProblem[];
  targets: TargetReport[];
  /** green only when every checked topic is; red when any is red; unknown otherwise. */
  status: 'green' | 'red' | 'unknown';
}

const TICK_MS = 25;
const MOCK_RESTART_ATTEMPTS = 20;
const MOCK_RESTART_RETRY_MS = 100;
const START_ATTEMPTS = 3;
const SETTLE_MS = 20;

interface Planned {
  report: TargetReport;
  probe: TopicProbe | undefined;
  documentText: string;
}

const BACKEND_DROP_MOCK = 'backend drop: the mock backend restarted';
const BACKEND_DROP_OTHER = 'backend drop: the backend\'s connections were cut';

export async function runChecks(options: CheckOptions, hooks: CheckHooks): Promise<CheckResult> {
  const started = Date.now();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sse-studio-check-'));
  let studio: StudioHost | undefined;
  try {
    studio = await startStudio(options.project, dataDir);
    const planned = planTargets(studio, options, hooks);
    const mockRestarts = await drive(studio, planned, options, hooks);
    const { problems } = studio.project.list();
    const targets = planned.map((p) => finalReport(p, studio as StudioHost, options.numericIds === true));
    const checked = targets.filter((t) => t.status !== 'skipped');
    return {
      project: options.project,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      settings: { events: options.events, durationSeconds: options.durationSeconds, rate: options.rate, http2: options.http2, backendDrop: options.backendDrop, numericIds: options.numericIds, junit: options.junit },
      plan: describePlan(topicPlan(options.events, options.backendDrop), options.backendDrop),
      gatewayUrl: studio.gateway?.url ?? null,
      mockUrl: studio.mock?.url ?? null,
      mockRestarts,
      problems,
      targets,
      status: checked.length > 0 && checked.every((t) => t.status === 'green') ? 'green' : checked.some((t) => t.status === 'red') || checked.length === 0 ? 'red' : 'unknown',
    };
  } finally {
    await studio?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The host on free ports; the mock's port is picked here so a restart can bind it again. */
async function startStudio(project: string, dataDir: string): Promise<StudioHost> {
  for (let attempt = 1; ; attempt++) {
    const mockPort = await freePort();
    try {
      return await StudioHost.start({ project, gatewayPort: 0, gatewayHttpsPort: null, mockPort, mode: 'web', deployAll: true, dataDir });
    } catch (err) {
      // Someone took the port between the probe and the bind: pick another.
      if (!(err instanceof ListenError && err.code === 'EADDRINUSE' && attempt < START_ATTEMPTS)) throw err;
    }
  }
}

function planTargets(studio: StudioHost, options: CheckOptions, hooks: CheckHooks): Planned[] {
  const gatewayUrl = studio.gateway?.url;
  const mockOrigin = studio.mock?.url ? new URL(studio.mock.url).origin : undefined;
  const planned: Planned[] = [];
  const apis = [...studio.project.list().apis].sort((a, b) => a.id.localeCompare(b.id));
  for (const entry of apis) {
    const endpoint = studio.endpointOf(entry);
    const mockBacked = mockOrigin !== undefined && originOf(endpoint) === mockOrigin;
    for (const topic of entry.api.topics) {
      const report = emptyReport(entry, topic.path, endpoint, mockBacked);
      planned.push({ report, probe: undefined, documentText: entry.text });
      const skip = (reason: string) => {
        report.status = 'skipped';
        report.reason = reason;
      };
      if (!gatewayUrl || !studio.gateway?.isDeployed(entry.id)) {
        skip('the API is not deployed on the gateway (see the project problems)');
        continue;
      }
      if (!entry.api.runtime.transports.http) {
        skip('the API is served over HTTPS only (x-gateway transports); check uses the gateway\'s HTTP listener');
        continue;
      }
      const target = chooseTopicTarget(topic, { mockBacked, mockStreams: MOCK_STREAMS, documentText: entry.text });
      if (!target.ok) {
        skip(target.reason);
        continue;
      }
      const credentials = credentialsFor(entry.api.runtime.security);
      if (!credentials.ok) {
        skip(credentials.reason);
        continue;
      }
      const url = new URL(gatewayUrl + entry.basePath + (target.path === '/' ? '' : target.path));
      // The mock's rate makes the check take seconds, not minutes; other backends go at their pace.
      if (mockBacked) url.searchParams.set('rate', String(options.rate));
      for (const [name, value] of Object.entries(credentials.query)) url.searchParams.set(name, value);
      report.path = target.path;
      report.how = target.how;
      report.url = url.href;
      report.backend = endpoint.replace(/\/+$/, '') + (topic.backendPath ?? target.path);
      report.credentials = credentials.what === 'none' ? null : credentials.what;
      const plan = topicPlan(options.events, options.backendDrop && (mockBacked || hooks.dropBackend !== undefined));
      const label = `${entry.basePath}${target.path === '/' ? '' : target.path}`;
      planned[planned.length - 1]!.probe = new TopicProbe(label, { url, plan, headers: credentials.headers, http2: options.http2, onNote: hooks.note });
    }
  }
  return planned;
}

/** Runs every probe's plan until all are done or the time is up; returns how often the mock restarted. */
async function drive(studio: StudioHost, planned: Planned[], options: CheckOptions, hooks: CheckHooks): Promise<number> {
  const probes = planned.flatMap((p) => (p.probe ? [p.probe] : []));
  const mockProbes = planned.flatMap((p) => (p.probe && p.report.mockBacked ? [p.probe] : []));
  const otherBackend = new Map(planned.flatMap((p) => (p.probe && !p.report.mockBacked ? [[p.probe, p.report.apiId] as const] : [])));
  const deadline = Date.now() + options.durationSeconds * 1000;
  const started = Date.now();
  let mockRestarts = 0;
  for (const probe of probes) probe.start();
  try {
    while (probes.some((p) => p.active)) {
      await sleep(TICK_MS);
      for (const probe of probes) if (probe.due('client-drop')) probe.dropClient();
      // One mock restart for all: every active probe waiting for it must have reached its step.
      const waiting = mockProbes.filter((p) => p.active && p.nextStep === 'backend-drop');
      const blocked = mockProbes.some((p) => p.active && p.plan.steps.some((s, i) => s === 'backend-drop' && i >= p.done.length) && !p.due('backend-drop'));
      if (waiting.length && !blocked && studio.mock) {
        hooks.note(`${BACKEND_DROP_MOCK} (${waiting.map((p) => `${p.label} after ${p.events} events`).join(', ')})`);
        await restartMock(studio, hooks, (at) => {
          for (const probe of waiting) probe.markBackendDrop(BACKEND_DROP_MOCK, at);
        });
        mockRestarts++;
      }
      for (const [probe, apiId] of otherBackend) {
        if (!probe.due('backend-drop') || !hooks.dropBackend) continue;
        hooks.note(`${BACKEND_DROP_OTHER} (${probe.label} after ${probe.events} events)`);
        const at = Date.now();
        await hooks.dropBackend(apiId);
        await sleep(SETTLE_MS);
        probe.markBackendDrop(BACKEND_DROP_OTHER, at);
      }
      for (const probe of probes) {
        if (probe.active && probe.finished) {
          probe.finish();
          hooks.note(`${probe.label}: done after ${probe.events} events`);
        }
      }
      hooks.status(statusLine(probes, Date.now() - started));
      if (Date.now() >= deadline) {
        const left = probes.filter((p) => p.active);
        if (left.length) hooks.note(`time limit (--duration ${options.durationSeconds}) reached: ${left.map((p) => `${p.label} at ${p.events} events`).join(', ')}`);
        break;
      }
    }
  } finally {
    for (const probe of probes) probe.stop();
  }
  return mockRestarts;
}

/**
 * Stops the mock and starts it again on its port. `down` is called once it is down and the events
 * it sent before have had a moment to arrive, so the drop mark sits after them in every log: what
 * comes after the mark is what the gateway made of the restart.
 */
async function restartMock(studio: StudioHost, hooks: CheckHooks, down: (at: number) => void): Promise<void> {
  const mock = studio.mock;
  if (!mock) return;
  const at = Date.now();
  await mock.stop();
  await sleep(SETTLE_MS);
  down(at);
  for (let attempt = 1; ; attempt++) {
    try {
      await mock.start();
      return;
    } catch (err) {
      if (attempt >= MOCK_RESTART_ATTEMPTS) {
        hooks.note(`the mock backend could not listen again: ${(err as Error).message}`);
        return;
      }
      await sleep(MOCK_RESTART_RETRY_MS);
    }
  }
}

/**
 * The topic's verdict from the same engine and evidence as the viewer's: the mock's record when the
 * mock is the source, else the numeric-id rule when asked for (--numeric-ids), else the client's view.
 */
function finalReport({ report, probe, documentText }: Planned, studio: StudioHost, numericIds: boolean): TargetReport {
  if (!probe) return report;
  const received: Record<string, number> = {};
  for (const entry of probe.recorder.log) if (entry.kind === 'event') received[entry.type ?? 'message'] = (received[entry.type ?? 'message'] ?? 0) + 1;
  const declared = declaredEventNames(documentText, report.topic) ?? null;
  const eventTypes = { received, declared, undeclared: declared ? Object.keys(received).filter((t) => !declared.includes(t)) : [] };
  const guessed = probe.truth();
  const record = report.url ? studio.sourceTruth(new URL(report.url), probe.startedAt) : undefined;
  const verdict = probe.verdict(record ?? (numericIds ? guessed.truth : undefined));
  const words = !record && numericIds ? guessed.words : `judged by ${verdict.ruleWords}`;
  const plan = probe.plan;
  const incomplete = probe.state === 'failed' || probe.finished ? null : `stopped by the time limit after ${probe.events} events, ${probe.done.length} of ${plan.steps.length} drops made`;
  let status: TargetReport['status'] = verdict.status;
  let reason: string | null = null;
  if (probe.state === 'failed') {
    status = 'red';
    reason = `the subscription failed: ${probe.failure ?? 'unknown reason'}`;
  } else if (probe.events === 0) {
    status = 'unknown';
    reason = 'no events arrived';
  }
  return { ...report, status, reason, events: probe.events, drops: probe.done, ids: words, incomplete, eventTypes, verdict };
}

function emptyReport(entry: ProjectApi, topic: string, endpoint: string, mockBacked: boolean): TargetReport {
  return {
    apiId: entry.id,
    api: entry.api.name,
    version: entry.api.version,
    topic,
    path: null,
    how: '',
    url: null,
    backend: endpoint,
    mockBacked,
    credentials: null,
    status: 'skipped',
    reason: null,
    events: 0,
    drops: [],
    ids: '',
    incomplete: null,
    eventTypes: { received: {}, declared: null, undeclared: [] },
    verdict: null,
  };
}

function statusLine(probes: TopicProbe[], elapsedMs: number): string {
  const parts = probes.map((p) => `${p.label} ${p.events} events, drop ${p.done.length}/${p.plan.steps.length}, ${p.detail}`);
  return `check ${(elapsedMs / 1000).toFixed(1)}s  ${parts.join('  |  ')}`;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
