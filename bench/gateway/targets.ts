import { fileURLToPath } from 'node:url';
import type { MetricsRow } from '../../electron/gateway/metrics.ts';
import type { BackendApi, BackendReady } from './backend.ts';
import type { DriverApi } from './client-driver.ts';
import type { GatewayProcApi, GatewayProcConfig, GatewayReady } from './gateway-proc.ts';
import { startNginx, type NginxInstall } from './nginx.ts';
import type { RelayReady } from './node-relay.ts';
import { ChildRpc } from './rpc.ts';

/**
 * The systems under test, started the same way for every scenario: the backend alone (direct, the
 * physical limit), nginx in front of it, the gateway (its own process) in each upstream mode, and
 * on request a plain Node byte relay (node-relay.ts: what any Node proxy costs per read).
 */
export type TargetName = 'direct' | 'nginx' | 'node-relay' | 'gateway-shared' | 'gateway-per-client';
export const TARGETS: readonly TargetName[] = ['direct', 'nginx', 'node-relay', 'gateway-shared', 'gateway-per-client'];
/** What a run measures without --target (the relay is a reference to ask for). */
export const DEFAULT_TARGETS: readonly TargetName[] = ['direct', 'nginx', 'gateway-shared', 'gateway-per-client'];

export const BASE_PATH = '/bench/1.0.0';

export type Backend = ChildRpc<BackendApi, BackendReady>;
export type Driver = ChildRpc<DriverApi, unknown>;

export interface TargetContext {
  nginx: NginxInstall | undefined;
  nginxWorkers: number;
  fdHardLimit: number;
  /** Write V8 CPU profiles of gateway processes here (--profile). */
  cpuProfDir: string | undefined;
}

export interface RunningTarget {
  name: TargetName;
  port: number;
  path: string;
  /** The processes measured as "the proxy" (for direct: the backend itself). */
  proxyPids: number[];
  notes: string[];
  /** Full GC in the gateway process (no-op elsewhere), before memory readings. */
  gc(): Promise<void>;
  metrics(): Promise<MetricsRow[] | undefined>;
  stop(): Promise<void>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export function startBackend(eventBytes: number): Promise<Backend> {
  return ChildRpc.start<BackendApi, BackendReady>('backend', here('./backend.ts'), { args: [String(eventBytes)] });
}

export function startDriver(index: number): Promise<Driver> {
  return ChildRpc.start<DriverApi, unknown>(`client driver ${index + 1}`, here('./client-driver.ts'));
}

export interface TargetOptions {
  replayMaxEvents?: number;
  /** Names the profile directory (the scenario). */
  label?: string;
}

export async function startTarget(name: TargetName, backend: Backend, ctx: TargetContext, options: TargetOptions = {}): Promise<RunningTarget> {
  const none = {
    gc: async () => {},
    metrics: async () => undefined,
  };
  if (name === 'direct') {
    return { name, port: backend.ready.port, path: '/stream', proxyPids: [backend.pid], notes: [], ...none, stop: async () => {} };
  }
  if (name === 'nginx') {
    if (!ctx.nginx) throw new Error('nginx is not installed');
    const nginx = await startNginx(ctx.nginx, { backendPort: backend.ready.port, workers: ctx.nginxWorkers, fdHardLimit: ctx.fdHardLimit });
    return {
      name,
      port: nginx.port,
      path: '/stream',
      proxyPids: nginx.workerPids,
      get notes() {
        return nginx.logProblems().map((l) => `nginx log: ${l}`);
      },
      ...none,
      stop: () => nginx.stop(),
    };
  }
  if (name === 'node-relay') {
    const relay = await ChildRpc.start<Record<string, never>, RelayReady>(name, here('./node-relay.ts'), { args: [String(backend.ready.port)] });
    return { name, port: relay.ready.port, path: '/stream', proxyPids: [relay.pid], notes: [], ...none, stop: () => relay.stop() };
  }
  const config: GatewayProcConfig = {
    backendUrl: `http://127.0.0.1:${backend.ready.port}`,
    basePath: BASE_PATH,
    upstream: name === 'gateway-shared' ? 'shared' : 'per-client',
    ...(options.replayMaxEvents !== undefined ? { replayMaxEvents: options.replayMaxEvents } : {}),
  };
  const flags = ['--expose-gc'];
  // One directory per run: Node writes a profile per thread (main + the module loader's worker).
  if (ctx.cpuProfDir) flags.push('--cpu-prof', `--cpu-prof-dir=${ctx.cpuProfDir}/${options.label ?? 'run'}-${name}-${Date.now()}`);
  const gateway = await ChildRpc.start<GatewayProcApi, GatewayReady>(name, here('./gateway-proc.ts'), { args: [JSON.stringify(config)], nodeFlags: flags });
  return {
    name,
    port: gateway.ready.port,
    path: `${BASE_PATH}/stream`,
    proxyPids: [gateway.pid],
    notes: [],
    gc: async () => {
      await gateway.call('gc');
    },
    metrics: () => gateway.call('metrics'),
    stop: () => gateway.stop(),
  };
}
