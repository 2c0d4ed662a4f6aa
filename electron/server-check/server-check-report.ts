import type { ServerCheckReport } from './types.ts';

/** The readable report: one line per check, its evidence indented under it, then the totals. */
export function formatServerCheckReport(report: ServerCheckReport): string[] {
  const lines = [`SSE server check: ${report.url} (${(report.durationMs / 1000).toFixed(1)} s)`, ''];
  const width = Math.max(...report.checks.map((c) => c.title.length));
  for (const c of report.checks) {
    lines.push(`${c.status.toUpperCase().padEnd(7)} ${c.title.padEnd(width)}  ${c.summary}`);
    for (const e of c.evidence) if (e !== c.summary) lines.push(`        ${' '.repeat(width)}  - ${e}`);
  }
  const k = report.counts;
  lines.push('', `${k.pass} passed, ${k.warn} warnings, ${k.fail} failed, ${k.unknown} unknown: ${report.ok ? 'no check failed' : 'FAILED'}`);
  return lines;
}
