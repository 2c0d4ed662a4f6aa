import { Gateway } from '../../electron/gateway/gateway.ts';
import { defaultRuntime, type UpstreamMode } from '../../shared/model/runtime.ts';
import { announceReady, serveRpc } from './rpc.ts';

/**
 * The gateway under test, alone in its own process so /proc measures it exactly as it measures
 * nginx. Usage: gateway-proc.ts '<GatewayProcConfig as JSON>'. Heartbeats are off (they would
 * add traffic the other targets do not have); everything else is the default runtime.
 */
export interface GatewayProcConfig {
  backendUrl: string;
  basePath: string;
  upstream: UpstreamMode;
  /** Replay history size; undefined keeps the default. */
  replayMaxEvents?: number;
}
export interface GatewayReady {
  url: string;
  port: number;
  replayMaxEvents: number;
}
const config = JSON.parse(process.argv[2] ?? '{}') as GatewayProcConfig;
const runtime = defaultRuntime();
runtime.upstream = config.upstream;
runtime.heartbeatSeconds = 0;
if (config.replayMaxEvents !== undefined) runtime.replay.maxEvents = config.replayMaxEvents;

const gateway = new Gateway({ host: '127.0.0.1', port: 0, httpsPort: null });
await gateway.start();
gateway.deploy({ id: 'bench', name: 'Bench', basePath: config.basePath, endpoint: config.backendUrl, topics: [{ path: '/*' }], runtime });

const handlers = {
  metrics: () => gateway.metrics.rows(),
  /** A full GC (when started with --expose-gc), so memory readings show what is retained. */
  gc: async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    await new Promise((r) => setTimeout(r, 100));
    gc?.();
    return { collected: gc !== undefined, heapUsedKb: Math.round(process.memoryUsage().heapUsed / 1024) };
  },
};
export type GatewayProcApi = typeof handlers;

serveRpc(handlers, () => gateway.stop());
const url = gateway.url as string;
announceReady({ url, port: Number(new URL(url).port), replayMaxEvents: runtime.replay.maxEvents } satisfies GatewayReady);
