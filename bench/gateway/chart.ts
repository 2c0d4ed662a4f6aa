import type { BenchReport, ReplayResult, ScenarioResult, TargetResult } from './results.ts';
import { IDLE_CAP_KB, P99_FACTOR, REPLAY_LIMIT_MS } from './checks.ts';
import { TARGETS, type TargetName } from './targets.ts';

/**
 * A hand-written SVG bar chart (no dependencies): per scenario, CPU µs per delivered event and p99
 * latency for each target; idle memory per connection; replay time. Dashed lines are the goals.
 */
const COLORS: Record<TargetName, string> = {
  direct: '#7f8c8d',
  nginx: '#2e86de',
  'node-relay': '#16a085',
  'gateway-shared': '#e67e22',
  'gateway-per-client': '#8e44ad',
};
const PANEL_W = 460;
const PANEL_H = 250;
const GAP = 20;
const HEADER = 78;
const M = { top: 50, right: 16, bottom: 40, left: 56 };

interface Panel {
  title: string;
  unit: string;
  /** `range`: lowest and highest round (with --rounds), drawn as a whisker over the median bar. */
  values: Array<{ target: TargetName; value: number | undefined; range?: [number, number] }>;
  goal?: { value: number; label: string };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function valuesOf(s: ScenarioResult, pick: (r: TargetResult) => number | undefined, rounds?: (r: TargetResult) => number[] | undefined): Panel['values'] {
  return TARGETS.filter((t) => s.results.some((r) => r.target === t)).map((target) => {
    const r = s.results.find((x) => x.target === target);
    const v = r ? pick(r) : undefined;
    const all = r && rounds ? rounds(r)?.filter(Number.isFinite) : undefined;
    const range: [number, number] | undefined = all && all.length > 1 ? [Math.min(...all), Math.max(...all)] : undefined;
    return { target, value: v !== undefined && Number.isFinite(v) ? v : undefined, ...(range ? { range } : {}) };
  });
}

function panelsOf(report: BenchReport): Panel[] {
  const panels: Panel[] = [];
  for (const s of report.scenarios) {
    const short = s.kind === 'stream' ? `${s.clients.toLocaleString('en-US')} clients × ${s.rate.toLocaleString('en-US')}/s` : (s.title.split(' (')[0] as string);
    if (s.kind === 'stream') {
      const rounds = s.results.some((r) => r.kind === 'stream' && (r.roundsCpuUsPerEvent?.length ?? 0) > 1);
      panels.push({
        title: `${short}: proxy CPU per event`,
        unit: rounds ? 'µs per delivered event (median; whisker: all rounds)' : 'µs per delivered event',
        values: valuesOf(
          s,
          (r) => (r.kind === 'stream' ? r.proxyCpuUsPerEvent : undefined),
          (r) => (r.kind === 'stream' ? r.roundsCpuUsPerEvent : undefined),
        ),
      });
      const direct = s.results.find((r) => r.target === 'direct');
      const goal = s.name === 'fast' && direct?.kind === 'stream' ? { value: P99_FACTOR * direct.p99Ms, label: `goal ≤ ${P99_FACTOR}× direct =` } : undefined;
      panels.push({ title: `${short}: p99 latency`, unit: 'ms, backend write → client read', values: valuesOf(s, (r) => (r.kind === 'stream' ? r.p99Ms : undefined)), ...(goal ? { goal } : {}) });
    } else if (s.kind === 'idle') {
      const nginx = s.results.find((r) => r.target === 'nginx');
      const limit = Math.min(nginx?.kind === 'idle' ? nginx.rssPerConnKb : IDLE_CAP_KB, IDLE_CAP_KB);
      panels.push({ title: `${short}: RSS per connection`, unit: 'KB per idle connection', values: valuesOf(s, (r) => (r.kind === 'idle' ? r.rssPerConnKb : undefined)), goal: { value: limit, label: 'goal ≤' } });
    } else {
      const replay = s.results.find((r): r is ReplayResult => r.kind === 'replay');
      panels.push({
        title: `replay of ${(replay?.events ?? 0).toLocaleString('en-US')} events after a reconnect`,
        unit: 'ms, median, request → last event',
        values: valuesOf(s, (r) => (r.kind === 'replay' && r.ok ? r.medianMs : undefined)),
        goal: { value: REPLAY_LIMIT_MS, label: 'goal <' },
      });
    }
  }
  return panels;
}

function niceMax(v: number): { max: number; step: number } {
  if (!(v > 0)) return { max: 1, step: 0.25 };
  const raw = v / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  return { max: step * Math.ceil(v / step), step };
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const tick = (v: number, step: number) => (Number.isInteger(step) ? v.toFixed(0) : v.toFixed(step < 0.1 ? 2 : 1));

function panelSvg(p: Panel, x: number, y: number): string {
  const w = PANEL_W - M.left - M.right;
  const h = PANEL_H - M.top - M.bottom;
  // One bar far above the rest (e.g. an overloaded target) would flatten the others: clip it.
  const sorted = p.values.map((v) => v.value ?? 0).sort((a, b) => b - a);
  const [first = 0, second = 0] = sorted;
  const clipAt = second > 0 && first > 4 * Math.max(second, p.goal?.value ?? 0) ? 2.5 * Math.max(second, p.goal?.value ?? 0) : Number.POSITIVE_INFINITY;
  const top = Math.max(0, ...p.values.map((v) => Math.min(Math.max(v.value ?? 0, v.range?.[1] ?? 0), clipAt)), p.goal?.value ?? 0) * 1.12;
  const { max, step } = niceMax(top);
  const yOf = (v: number) => M.top + h - (v / max) * h;
  const out: string[] = [`<g transform="translate(${x},${y})">`];
  out.push(`<rect width="${PANEL_W}" height="${PANEL_H}" fill="#fff" stroke="#ddd"/>`);
  out.push(`<text x="${PANEL_W / 2}" y="22" text-anchor="middle" font-size="13" font-weight="bold">${esc(p.title)}</text>`);
  if (p.goal) {
    const label = `${p.goal.label} ${fmt(p.goal.value)}`;
    const lx = PANEL_W - M.right - label.length * 6.4;
    out.push(`<line x1="${lx - 26}" x2="${lx - 4}" y1="37" y2="37" stroke="#c0392b" stroke-dasharray="5,4"/>`);
    out.push(`<text x="${lx}" y="41" font-size="11" fill="#c0392b">${esc(label)}</text>`);
  }
  out.push(`<text x="12" y="41" font-size="11" fill="#555">${esc(p.unit)}</text>`);
  for (let v = 0; v <= max + step / 2; v += step) {
    out.push(`<line x1="${M.left}" x2="${M.left + w}" y1="${yOf(v)}" y2="${yOf(v)}" stroke="#eee"/>`);
    out.push(`<text x="${M.left - 6}" y="${yOf(v) + 4}" text-anchor="end" font-size="11" fill="#555">${tick(v, step)}</text>`);
  }
  const slot = w / Math.max(1, p.values.length);
  const barW = Math.min(60, slot * 0.6);
  p.values.forEach(({ target, value, range }, i) => {
    const cx = M.left + slot * (i + 0.5);
    if (value === undefined) {
      out.push(`<text x="${cx}" y="${M.top + h - 6}" text-anchor="middle" font-size="11" fill="#999">n/a</text>`);
    } else {
      const clipped = value > clipAt;
      const by = yOf(clipped ? max : value);
      out.push(`<rect x="${cx - barW / 2}" y="${by}" width="${barW}" height="${M.top + h - by}" fill="${COLORS[target]}"/>`);
      if (clipped) {
        // A white zigzag across the bar: the axis does not reach its value.
        const zy = by + 14;
        out.push(`<path d="M${cx - barW / 2 - 2},${zy} l${barW / 4},-5 l${barW / 4},10 l${barW / 4},-10 l${barW / 4 + 4},5" fill="none" stroke="#fff" stroke-width="4"/>`);
        out.push(`<text x="${cx}" y="${by + 34}" text-anchor="middle" font-size="11" font-weight="bold" fill="#fff">${fmt(value)}</text>`);
      } else if (range && range[1] <= clipAt) {
        const [lo, hi] = [yOf(range[0]), yOf(range[1])];
        out.push(`<path d="M${cx},${lo} V${hi} M${cx - 6},${lo} h12 M${cx - 6},${hi} h12" stroke="#222" stroke-width="1.2" fill="none"/>`);
        out.push(`<text x="${cx + barW / 2 + 3}" y="${Math.min(by, hi) + 4}" font-size="11">${fmt(value)}</text>`);
      } else {
        out.push(`<text x="${cx}" y="${by - 4}" text-anchor="middle" font-size="11">${fmt(value)}</text>`);
      }
    }
    const [first, second] = target.startsWith('gateway-') ? ['gateway', target.slice('gateway-'.length)] : [target, ''];
    out.push(`<text x="${cx}" y="${M.top + h + 15}" text-anchor="middle" font-size="11" fill="#333">${esc(first)}</text>`);
    if (second) out.push(`<text x="${cx}" y="${M.top + h + 28}" text-anchor="middle" font-size="11" fill="#333">${esc(second)}</text>`);
  });
  out.push(`<line x1="${M.left}" x2="${M.left + w}" y1="${M.top + h}" y2="${M.top + h}" stroke="#333"/>`);
  if (p.goal) {
    const gy = yOf(p.goal.value);
    out.push(`<line x1="${M.left}" x2="${M.left + w}" y1="${gy}" y2="${gy}" stroke="#c0392b" stroke-dasharray="5,4"/>`);
  }
  out.push('</g>');
  return out.join('\n');
}

export function chartSvg(report: BenchReport): { svg: string; width: number; height: number } {
  const panels = panelsOf(report);
  const cols = 2;
  const rows = Math.ceil(panels.length / cols);
  const width = cols * PANEL_W + (cols + 1) * GAP;
  const height = HEADER + rows * (PANEL_H + GAP) + GAP;
  const m = report.machine;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#f7f7f7"/>`,
    `<text x="${GAP}" y="28" font-size="17" font-weight="bold">SSE gateway benchmark — lower is better</text>`,
    `<text x="${GAP}" y="48" font-size="11.5" fill="#444">${esc(`${report.startedAt.slice(0, 16).replace('T', ' ')} UTC · ${m.cpus} CPUs · Node ${m.node} · nginx ${m.nginx ?? 'n/a'} (${m.nginxWorkers} workers) · load generator on the same machine`)}</text>`,
  ];
  let lx = GAP;
  for (const t of TARGETS.filter((x) => report.scenarios.some((s) => s.results.some((r) => r.target === x)))) {
    parts.push(`<rect x="${lx}" y="58" width="12" height="12" fill="${COLORS[t]}"/><text x="${lx + 16}" y="68" font-size="11.5">${t}</text>`);
    lx += 30 + t.length * 7;
  }
  parts.push(`<line x1="${lx + 4}" x2="${lx + 28}" y1="64" y2="64" stroke="#c0392b" stroke-dasharray="5,4"/><text x="${lx + 32}" y="68" font-size="11.5">goal</text>`);
  panels.forEach((p, i) => parts.push(panelSvg(p, GAP + (i % cols) * (PANEL_W + GAP), HEADER + Math.floor(i / cols) * (PANEL_H + GAP))));
  parts.push('</svg>');
  return { svg: parts.join('\n'), width, height };
}
