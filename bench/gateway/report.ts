import type { BenchReport, Check, IdleResult, ReplayResult, ScenarioResult, StreamResult, TargetResult } from './results.ts';

/** Plain-text tables: one per scenario (targets as columns), then the target checklist. */
type Row = [label: string, cell: (r: TargetResult) => string];

const num = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const fanOut = (us: number) => (Number.isFinite(us) ? String(us / 1000) : '>1000');
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');

function streamRows(results: TargetResult[]): Row[] {
  const s = (fn: (r: StreamResult) => string) => (r: TargetResult) => (r.kind === 'stream' ? fn(r) : cellFor(r));
  return [
    ['clients connected', s((r) => int(r.connected))],
    ['delivered events/s', s((r) => int(r.deliveredPerSec))],
    ['latency p50 (ms)', s((r) => num(r.p50Ms))],
    ['latency p99 (ms)', s((r) => num(r.p99Ms))],
    ['latency max (ms)', s((r) => num(r.maxMs))],
    ['gaps (missing + out of order)', s((r) => `${int(r.gaps)}${r.disconnected ? ` (+${r.disconnected} disc.)` : ''}`)],
    ['proxy CPU µs / delivered event', s((r) => num(r.proxyCpuUsPerEvent))],
    ...(results.some((r) => r.kind === 'stream' && (r.roundsCpuUsPerEvent?.length ?? 0) > 1)
      ? [['  every round (in order)', s((r) => r.roundsCpuUsPerEvent?.map((v) => num(v)).join(' / ') ?? '-')] as Row]
      : []),
    ['proxy CPU % (100 = one core)', s((r) => num(r.proxyCpuPct, 0))],
    ['proxy write syscalls / event', s((r) => num(r.proxyWritesPerEvent, 3))],
    ['proxy peak RSS (MB)', s((r) => num(r.peakRssMb, 1))],
    ['gateway fan-out p50/p99 (ms, own metric)', s((r) => (Number.isFinite(r.gatewayFanOutP50Us) ? `≤${fanOut(r.gatewayFanOutP50Us)} / ≤${fanOut(r.gatewayFanOutP99Us)}` : '-'))],
    ['backend CPU %', s((r) => num(r.backendCpuPct, 0))],
    ['client driver CPU %', s((r) => num(r.driverCpuPct, 0))],
    ['backend max write backlog (KB)', s((r) => num(r.backendMaxBacklogKb, 0))],
    ['other processes CPU % (noise)', s((r) => num(r.otherCpuPct, 0))],
  ];
}

function idleRows(): Row[] {
  const i = (fn: (r: IdleResult) => string) => (r: TargetResult) => (r.kind === 'idle' ? fn(r) : cellFor(r));
  return [
    ['idle clients connected', i((r) => int(r.connected))],
    ['proxy RSS before (MB)', i((r) => num(r.rssBeforeMb, 1))],
    ['proxy RSS with clients (MB)', i((r) => num(r.rssAfterMb, 1))],
    ['RSS per idle connection (KB)', i((r) => num(r.rssPerConnKb, 1))],
    ['proxy peak RSS (MB)', i((r) => num(r.peakRssMb, 1))],
    ['backend connections', i((r) => int(r.backendConnections))],
    ['connect time (s)', i((r) => num(r.connectSeconds, 1))],
  ];
}

function replayRows(): Row[] {
  const p = (fn: (r: ReplayResult) => string) => (r: TargetResult) => (r.kind === 'replay' ? fn(r) : cellFor(r));
  return [
    ['events replayed', p((r) => int(r.events))],
    ['history size (maxEvents)', p((r) => int(r.historyMaxEvents))],
    ['request → last replayed (median ms)', p((r) => (r.ok ? num(r.medianMs, 1) : 'FAILED'))],
    ['request → last replayed (worst ms)', p((r) => (r.ok ? num(r.worstMs, 1) : 'FAILED'))],
    ['request → first event (best ms)', p((r) => num(r.firstEventMs, 2))],
    ['runs (ms)', p((r) => r.runsMs.map((m) => m.toFixed(1)).join(' '))],
  ];
}

function cellFor(r: TargetResult): string {
  return r.kind === 'skipped' ? (r.reason.startsWith('n/a') ? 'n/a' : 'skipped') : '';
}

export function scenarioTable(s: ScenarioResult): string {
  const rows = s.kind === 'stream' ? streamRows(s.results) : s.kind === 'idle' ? idleRows() : replayRows();
  const header = ['', ...s.results.map((r) => r.target)];
  const body = rows.map(([label, cell]) => [label, ...s.results.map(cell)]);
  const table = [header, ...body];
  const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  const line = (row: string[]) => row.map((v, c) => (c === 0 ? v.padEnd(widths[c] as number) : v.padStart(widths[c] as number))).join('  ').trimEnd();
  const out = [`== ${s.name}: ${s.title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  for (const r of s.results) {
    const notes = r.kind === 'skipped' ? [r.reason] : r.notes;
    for (const n of notes) out.push(`  * ${r.target}: ${n}`);
  }
  return out.join('\n');
}

export function checklist(checks: Array<Check & { info?: boolean }>): string {
  const out = ['== Targets'];
  if (checks.length === 0) out.push('(no target applies to the scenarios and targets that ran)');
  const line = (c: Check) => `[${c.verdict}] ${c.name}\n         measured ${c.measured}; goal ${c.goal}`;
  for (const c of checks.filter((x) => !x.info)) out.push(line(c));
  const info = checks.filter((x) => x.info);
  if (info.length) {
    out.push("-- per-client mode's other goals (information, not targets):");
    for (const c of info) out.push(line(c));
  }
  return out.join('\n');
}

export function machineLine(r: Pick<BenchReport, 'machine' | 'options'>): string {
  const m = r.machine;
  return [
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB, Linux ${m.kernel}, Node ${m.node}, nginx ${m.nginx ?? 'not installed'} (${m.nginxWorkers} workers), open files ${m.fdLimit.soft}/${m.fdLimit.hard}`,
    `load from other processes before the run: ${m.otherLoadBeforePct.toFixed(0)} % CPU (100 = one core)${m.otherLoadBeforePct > 10 ? ' — the machine is not idle: expect noisier numbers' : ''}`,
    ...(r.options.nice !== undefined ? [`priority: the bench ran at nice ${String(r.options.nice)} to be less disturbed by other processes`] : []),
    `code: ${m.gitCommit}${m.gatewayTreeDirty.length ? ` + uncommitted changes in ${m.gatewayTreeDirty.join(', ')}` : ''}`,
  ].join('\n');
}
