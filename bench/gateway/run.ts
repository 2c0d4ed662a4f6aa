import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { defaultRuntime } from '../../shared/model/runtime.ts';
import { evaluate } from './checks.ts';
import { runIdle } from './idle-run.ts';
import { machineFacts, otherLoad } from './machine.ts';
import { findNginx } from './nginx.ts';
import { parseOptions, USAGE, type BenchOptions } from './options.ts';
import { replot, writeOutputs } from './outputs.ts';
import { applyNice } from './priority.ts';
import { openFdCount, openFilesLimit } from './proc-stats.ts';
import { Progress } from './progress.ts';
import { checklist, machineLine, scenarioTable } from './report.ts';
import type { BenchReport, ScenarioResult, TargetResult } from './results.ts';
import { runReplay } from './replay-run.ts';
import { REPO_ROOT } from './rpc.ts';
import { scenarios as allScenarios, type Scenario } from './scenarios.ts';
import { combineRounds } from './rounds.ts';
import { runStream } from './stream-run.ts';
import type { TargetContext, TargetName } from './targets.ts';

/**
 * `npm run bench:gateway`: the SSE gateway against the backend alone and against nginx, in one
 * run, on 127.0.0.1 only. Prints one table per scenario and the target checklist; writes
 * bench/results/latest.{json,svg,png}. A program that prints numbers, not a test.
 */
const FD_RESERVE = 256;

async function main(): Promise<void> {
  const wallStart = performance.now();
  const parsed = parseOptions(process.argv.slice(2), os.cpus().length, join(REPO_ROOT, 'bench', 'results'));
  if (parsed === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const o = parsed;
  if (o.replot) return replot(o);
  const notes: string[] = [];
  if (o.nice !== undefined) applyNice(o.nice, notes);
  const nginx = findNginx(o.nginxPath);
  const fd = openFilesLimit();
  const machine = machineFacts(nginx, o.nginxWorkers, await otherLoad());
  if (o.quick) notes.push('--quick: fewer clients and shorter windows, one window each; the goals are meant for the full run');
  if (!nginx) notes.push(`nginx not found (${o.nginxPath ?? '/usr/sbin/nginx and usual places'}): the nginx column is skipped. Install it with: apt-get install -y nginx-light`);

  const known = allScenarios({ quick: o.quick, drivers: o.drivers });
  for (const name of o.scenarios ?? []) if (!known.some((s) => s.name === name)) throw new Error(`unknown scenario "${name}"; pick from ${known.map((s) => s.name).join(', ')}`);
  const chosen = known.filter((s) => !o.scenarios || o.scenarios.includes(s.name));

  const ctx: TargetContext = { nginx, nginxWorkers: o.nginxWorkers, fdHardLimit: fd.hard, cpuProfDir: undefined };
  if (o.profile) {
    ctx.cpuProfDir = join(o.outDir, 'profiles');
    mkdirSync(ctx.cpuProfDir, { recursive: true });
    notes.push(`--profile: the gateway ran under the V8 profiler, so its CPU numbers are inflated; profiles in ${ctx.cpuProfDir} (read them with npx tsx bench/gateway/profile-top.ts <file>)`);
  }

  const defaultHistory = defaultRuntime().replay.maxEvents;
  const plan = chosen.map((s) => ({ s, targets: o.targets.map((t) => ({ t, skip: skipReason(s, t, nginx !== undefined) })) }));
  const roundsOf = (s: Scenario) => (s.kind === 'stream' ? o.rounds : 1);
  const steps = plan.reduce((n, p) => n + p.targets.filter((x) => !x.skip).length * roundsOf(p.s), 0);
  const progress = new Progress(steps);
  process.stdout.write(`${machineLine({ machine, options: { ...o } })}\n`);
  for (const n of notes) process.stdout.write(`note: ${n}\n`);
  process.stdout.write(`run: warm-up ${o.warmupSeconds} s, measure ${o.durationSeconds} s per scenario × target${o.quick ? ' (--quick)' : ''}; events ~${o.eventBytes} bytes\n\n`);

  const results: ScenarioResult[] = [];
  const fdBaseline = openFdCount();
  for (const { s, targets } of plan) {
    // With --rounds the targets take turns (A B C A B C ...), so drift over time hits each alike.
    const rounds = new Map<TargetName, TargetResult[]>(targets.map(({ t }) => [t, []]));
    for (let round = 1; round <= roundsOf(s); round++) {
      for (const { t, skip } of targets) {
        if (skip) continue;
        progress.begin(`${s.name} · ${t}${roundsOf(s) > 1 ? ` (round ${round} of ${roundsOf(s)})` : ''}: ${s.title}`);
        try {
          rounds.get(t)?.push(await runOne(s, t, ctx, o, defaultHistory, fd.hard, progress));
        } catch (err) {
          const reason = `failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
          progress.say(reason);
          rounds.get(t)?.push({ kind: 'skipped', target: t, reason });
        }
        const fds = openFdCount();
        if (fds > fdBaseline) notes.push(`after ${s.name} · ${t} the bench process held ${fds - fdBaseline} more file descriptors than at start`);
      }
    }
    const scenarioResults: TargetResult[] = targets.map(({ t, skip }) => (skip ? { kind: 'skipped', target: t, reason: skip } : combineRounds(rounds.get(t) ?? [])));
    const result: ScenarioResult = { name: s.name, kind: s.kind, title: s.title, clients: s.clients, rate: s.rate, results: scenarioResults };
    results.push(result);
    process.stdout.write(`\n${scenarioTable(result)}\n\n`);
  }

  const checks = evaluate(results);
  process.stdout.write(`${checklist(checks)}\n`);
  const report: BenchReport = {
    startedAt: new Date(Date.now() - (performance.now() - wallStart)).toISOString(),
    wallSeconds: (performance.now() - wallStart) / 1000,
    options: { ...o },
    machine,
    scenarios: results,
    checks,
    notes,
  };

  writeOutputs(report, o);
}

function skipReason(s: Scenario, t: TargetName, haveNginx: boolean): string | undefined {
  if (s.kind === 'replay' && t !== 'gateway-shared') {
    return t === 'nginx' || t === 'direct' || t === 'node-relay'
      ? `n/a: ${t === 'nginx' ? 'nginx' : t === 'node-relay' ? 'the relay' : 'the reference backend'} keeps no event history, so it cannot replay after a reconnect`
      : 'n/a: the replay target is for shared mode (per-client mode replays from the same history)';
  }
  if (t === 'nginx' && !haveNginx) return 'skipped: nginx is not installed (apt-get install -y nginx-light)';
  return undefined;
}

/** Idle clients a target can hold within the open-files limit (per-client mode needs 2 fds per client). */
function idleCapacity(t: TargetName, wanted: number, fdHard: number, nginxWorkers: number): number {
  const perClient = t === 'gateway-per-client' || t === 'node-relay' ? 2 : t === 'nginx' ? (2 / nginxWorkers) * 1.15 : 1;
  return Math.min(wanted, Math.floor((fdHard - FD_RESERVE) / perClient / 100) * 100);
}

async function runOne(s: Scenario, t: TargetName, ctx: TargetContext, o: BenchOptions, defaultHistory: number, fdHard: number, progress: Progress): Promise<TargetResult> {
  if (s.kind === 'stream') return runStream(s, t, ctx, { warmupSeconds: o.warmupSeconds, durationSeconds: o.durationSeconds, eventBytes: o.eventBytes, maxNoisePct: o.maxNoisePct, attempts: o.attempts }, progress);
  if (s.kind === 'idle') {
    const clients = idleCapacity(t, s.clients, fdHard, o.nginxWorkers);
    const result = await runIdle(s, t, clients, ctx, { eventBytes: o.eventBytes, settleSeconds: o.quick ? 1 : 2 }, progress);
    if (clients < s.clients) {
      result.notes.unshift(`measured with ${clients.toLocaleString('en-US')} clients, not ${s.clients.toLocaleString('en-US')}: the open-files limit is ${fdHard} per process and this target needs ${t === 'gateway-per-client' ? 'two (client + backend connection)' : 'more'} per client`);
    }
    return result;
  }
  // The history must also hold the event the client names, so N behind needs N + 1 entries.
  const historyMaxEvents = Math.max(defaultHistory, s.replayEvents + 1);
  const result = await runReplay(s, ctx, { eventBytes: o.eventBytes, runs: 5, historyMaxEvents }, progress);
  if (historyMaxEvents !== defaultHistory) {
    result.notes.unshift(`replay.maxEvents set to ${historyMaxEvents.toLocaleString('en-US')} (default ${defaultHistory.toLocaleString('en-US')}): a Last-Event-ID ${s.replayEvents.toLocaleString('en-US')} behind must itself still be in the history`);
  }
  return result;
}

// Ctrl-C or a kill: exit normally so 'exit' handlers stop nginx (the Node children see their IPC
// channel close and exit by themselves).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));
process.stdout.on('error', () => process.exit(1));
process.stderr.on('error', () => process.exit(1));

main().catch((err: unknown) => {
  const detail = err instanceof Error ? (process.env.BENCH_DEBUG ? (err.stack ?? err.message) : err.message) : String(err);
  process.stderr.write(`bench failed: ${detail}\n`);
  process.exit(1);
});
