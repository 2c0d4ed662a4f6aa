import type { Check, ReplayResult, ScenarioResult, StreamResult, TargetResult } from './results.ts';
import type { TargetName } from './targets.ts';

/**
 * The targets the gateway is held to, evaluated on one run's numbers. Shared mode (the default) is
 * held to every goal. Per-client mode (one backend connection per client, nginx's own work) is held
 * to nginx's CPU per delivered event at 1,000 × 100/s, all clients and zero gaps; its other goals
 * are listed as information.
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

    for (const name of ['wide', 'many'] as const) {
      const run = find(scenarios, name, mode, 'stream');
      const nginx = find(scenarios, name, 'nginx', 'stream');
      if (!run) continue;
      // Per-client mode is held to nginx's cost at 1,000 × 100/s (the same work: one upstream per client).
      const held = !info || name === 'wide';
      const title = scenarios.find((s) => s.name === name)?.title.split(' (')[0] ?? name;
      const atMost = mode === 'gateway-per-client';
      checks.push({
        name: label(`CPU µs per delivered event ${atMost ? 'at most' : 'below'} nginx at ${title}`),
        measured: `${f(run.proxyCpuUsPerEvent)} µs vs nginx ${nginx ? f(nginx.proxyCpuUsPerEvent) : 'n/a'} µs`,
        goal: atMost ? '≤ nginx' : '< nginx',
        verdict: nginx ? verdict(atMost ? run.proxyCpuUsPerEvent <= nginx.proxyCpuUsPerEvent : run.proxyCpuUsPerEvent < nginx.proxyCpuUsPerEvent) : 'n/a',
        info: !held,
      });
      checks.push({ name: label(`all ${run.clients.toLocaleString('en-US')} clients held, zero gaps at ${title}`), measured: gapsText(run), goal: '0', verdict: verdict(run.gaps === 0 && run.disconnected === 0 && run.connected === run.clients), info: !held });
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
