import type { TargetName } from './targets.ts';
import type { ScenarioKind } from './scenarios.ts';

/** What one run measured, per scenario and target: the JSON file, the tables and the chart read these. */
export interface StreamResult {
  kind: 'stream';
  target: TargetName;
  clients: number;
  connected: number;
  rate: number;
  offeredPerSec: number;
  deliveredPerSec: number;
  events: number;
  windowSeconds: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** missing + out of order, over all clients, in the id window. */
  gaps: number;
  missing: number;
  outOfOrder: number;
  clientsWithGaps: number;
  disconnected: number;
  /** CPU of the proxy process(es) per delivered event (direct: the backend's). */
  proxyCpuUsPerEvent: number;
  proxyCpuPct: number;
  /** write/writev system calls of the proxy per delivered event (/proc/<pid>/io syscw). */
  proxyWritesPerEvent: number;
  peakRssMb: number;
  backendCpuPct: number;
  driverCpuPct: number;
  backendMaxBacklogKb: number;
  /** CPU used by processes outside the bench during the window (100 = one core): noise. */
  otherCpuPct: number;
  /**
   * The gateway's own metric (whole run, bucket upper bounds): backend bytes read → written to
   * every subscriber, i.e. how long one event's fan-out takes inside the gateway. NaN elsewhere.
   */
  gatewayFanOutP50Us: number;
  gatewayFanOutP99Us: number;
  /** Measurement windows taken (more than one when the machine was busy). */
  attempts: number;
  /** With --rounds: CPU µs per delivered event of every round, in the order measured. */
  roundsCpuUsPerEvent?: number[];
  notes: string[];
}

export interface IdleResult {
  kind: 'idle';
  target: TargetName;
  clients: number;
  connected: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssPerConnKb: number;
  peakRssMb: number;
  backendConnections: number;
  connectSeconds: number;
  notes: string[];
}

export interface ReplayResult {
  kind: 'replay';
  target: TargetName;
  events: number;
  historyMaxEvents: number;
  /** Measured runs (after one warm-up run), in ms: request to the last replayed event. */
  runsMs: number[];
  medianMs: number;
  worstMs: number;
  firstEventMs: number;
  ok: boolean;
  notes: string[];
}

export interface SkippedResult {
  kind: 'skipped';
  target: TargetName;
  reason: string;
}

export type TargetResult = StreamResult | IdleResult | ReplayResult | SkippedResult;

export interface ScenarioResult {
  name: string;
  kind: ScenarioKind;
  title: string;
  clients: number;
  rate: number;
  results: TargetResult[];
}

export interface Check {
  name: string;
  measured: string;
  goal: string;
  verdict: 'PASS' | 'FAIL' | 'n/a';
}

export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  kernel: string;
  node: string;
  nginx: string | undefined;
  nginxWorkers: number;
  fdLimit: { soft: number; hard: number };
  /** CPU other processes used in the second before the run (100 = one core). */
  otherLoadBeforePct: number;
  gitCommit: string;
  gatewayTreeDirty: string[];
}

export interface BenchReport {
  startedAt: string;
  wallSeconds: number;
  options: Record<string, unknown>;
  machine: MachineFacts;
  scenarios: ScenarioResult[];
  checks: Check[];
  notes: string[];
}
