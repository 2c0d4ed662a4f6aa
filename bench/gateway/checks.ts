import type { Check, ReplayResult, ScenarioResult, StreamResult, TargetResult } from './results.ts';
import type { TargetName } from './targets.ts';

/**
 * The targets the gateway is held to, evaluated on one run's numbers. The goals are the shared
 * upstream's (the mode meant for fan-out); the same goals for per-client mode are listed as
 * information, since per-client mode (one backend connection per client) is not expected to
 * beat a proxy at fan-out.
 */
export const IDLE_CAP_KB = 20;
export const REPLAY_LIMIT_MS = 50;
export const P99_FACTOR = 2;

const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function find<K extends TargetResult['kind']>(scenarios: ScenarioResult[], scenario: string, target: TargetName, kind: K): Extract<TargetResult, { kind: K }> | undefined {
  const r = scenarios.find((s) => s.name === scenario)?.results.find((x) => x.target === target);
  return r?.kind === kind ? (r as Extract<TargetResult, { kind: K }>) : undefined;
}

const verdict = (ok: boolean): Check['verdict'] => (ok ? 'PASS' : 'FAIL');

export function evaluate(scenarios: ScenarioResult[]): Array<Check & { info: boolean }> {
  const checks: Array<Check & { info: boolean }> = [];
  for (const mode of ['gateway-shared', 'gateway-per-client'] as const) {
    const info = mode !== 'gateway-shared';
    const label = (s: string) => `${mode}: ${s}`;

    const wide = find(scenarios, 'wide', mode, 'stream');
    const wideNginx = find(scenarios, 'wide', 'nginx', 'stream');
    if (wide) {
      const title = scenarios.find((s) => s.name === 'wide')?.title.split(' (')[0] ?? 'wide';
      checks.push({
        name: label(`CPU µs per delivered event below nginx at ${title}`),
        measured: `${f(wide.proxyCpuUsPerEvent)} µs vs nginx ${wideNginx ? f(wideNginx.proxyCpuUsPerEvent) : 'n/a'} µs`,
        goal: '< nginx',
        verdict: wideNginx ? verdict(wide.proxyCpuUsPerEvent < wideNginx.proxyCpuUsPerEvent) : 'n/a',
        info,
      });
      checks.push({ name: label(`zero gaps at ${title}`), measured: gapsText(wide), goal: '0', verdict: verdict(wide.gaps === 0 && wide.disconnected === 0), info });
    }

    const fast = find(scenarios, 'fast', mode, 'stream');
    const fastDirect = find(scenarios, 'fast', 'direct', 'stream');
    if (fast) {
      const title = scenarios.find((s) => s.name === 'fast')?.title.split(' (')[0] ?? 'fast';
      const limit = fastDirect ? P99_FACTOR * fastDirect.p99Ms : Number.NaN;
      checks.push({
        name: label(`p99 latency within ${P99_FACTOR}× of direct at ${title}`),
        measured: `${f(fast.p99Ms)} ms vs direct ${fastDirect ? f(fastDirect.p99Ms) : 'n/a'} ms`,
        goal: `≤ ${f(limit)} ms`,
        verdict: fastDirect ? verdict(fast.p99Ms <= limit) : 'n/a',
        info,
      });
    }

    const idle = find(scenarios, 'idle', mode, 'idle');
    if (idle) {
      const nginx = find(scenarios, 'idle', 'nginx', 'idle');
      const limit = Math.min(nginx?.rssPerConnKb ?? IDLE_CAP_KB, IDLE_CAP_KB);
      checks.push({
        name: label(`RSS per idle subscriber at ${idle.clients.toLocaleString('en-US')} ≤ nginx per idle connection (≤ ${IDLE_CAP_KB} KB)`),
        measured: `${f(idle.rssPerConnKb, 1)} KB vs nginx ${nginx ? f(nginx.rssPerConnKb, 1) : 'n/a'} KB`,
        goal: `≤ ${f(limit, 1)} KB`,
        verdict: verdict(idle.rssPerConnKb <= limit),
        info,
      });
    }

    const replay: ReplayResult | undefined = find(scenarios, 'replay', mode, 'replay');
    if (replay) {
      checks.push({
        name: label(`${replay.events.toLocaleString('en-US')}-event replay after a reconnect`),
        measured: replay.ok ? `median ${f(replay.medianMs, 1)} ms, worst ${f(replay.worstMs, 1)} ms (${replay.runsMs.length} runs)` : `failed: ${replay.notes.join('; ')}`,
        goal: `< ${REPLAY_LIMIT_MS} ms (median)`,
        verdict: verdict(replay.ok && replay.medianMs < REPLAY_LIMIT_MS),
        info,
      });
    }
  }
  return checks;
}

function gapsText(r: StreamResult): string {
  const parts = [`${r.gaps} gaps (${r.missing} missing, ${r.outOfOrder} out of order) over ${r.connected} clients`];
  if (r.disconnected) parts.push(`${r.disconnected} disconnected`);
  return parts.join(', ');
}
