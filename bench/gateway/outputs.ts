import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartSvg } from './chart.ts';
import type { BenchOptions } from './options.ts';
import { svgToPng } from './png.ts';
import { checklist, machineLine, scenarioTable } from './report.ts';
import type { BenchReport } from './results.ts';

/** What a run leaves behind: <out>/latest.json, latest.svg, latest.png; and --replot of them. */
/** latest.json, latest.svg and latest.png (notes about what could not be written go to the report). */
export function writeOutputs(report: BenchReport, o: BenchOptions, json = true): void {
  mkdirSync(o.outDir, { recursive: true });
  const written: string[] = [];
  if (json) {
    const jsonPath = join(o.outDir, 'latest.json');
    writeFileSync(jsonPath, JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
    written.push(jsonPath);
  }
  if (o.chart && report.scenarios.length) {
    const { svg, width, height } = chartSvg(report);
    const svgPath = join(o.outDir, 'latest.svg');
    writeFileSync(svgPath, svg);
    written.push(svgPath);
    const png = svgToPng(svgPath, join(o.outDir, 'latest.png'), width, height);
    if (png.ok) written.push(`${join(o.outDir, 'latest.png')} (${png.how})`);
    else report.notes.push(`no PNG: ${png.how}`);
  }
  for (const n of report.notes) process.stdout.write(`note: ${n}\n`);
  process.stdout.write(`\nwrote ${written.join(', ')}\nwall time ${report.wallSeconds.toFixed(0)} s\n`);
}

export function replot(o: BenchOptions): void {
  const report = JSON.parse(readFileSync(join(o.outDir, 'latest.json'), 'utf8')) as BenchReport;
  process.stdout.write(`${machineLine(report)}\n(replot of the run started ${report.startedAt})\n\n`);
  for (const s of report.scenarios) process.stdout.write(`${scenarioTable(s)}\n\n`);
  process.stdout.write(`${checklist(report.checks)}\n`);
  writeOutputs(report, o, false);
}

