import { parseArgs } from 'node:util';
import type { TargetName } from './targets.ts';
import { DEFAULT_TARGETS, TARGETS } from './targets.ts';

export interface BenchOptions {
  quick: boolean;
  warmupSeconds: number;
  durationSeconds: number;
  scenarios: string[] | undefined;
  targets: TargetName[];
  drivers: number | undefined;
  nginxPath: string | undefined;
  nginxWorkers: number;
  eventBytes: number;
  outDir: string;
  chart: boolean;
  profile: boolean;
  /** Print and chart <out>/latest.json again instead of running. */
  replot: boolean;
  /** Re-measure a window when processes outside the bench used more CPU than this (100 = one core). */
  maxNoisePct: number;
  /** Measurement windows at most per stream scenario and target. */
  attempts: number;
  /** Stream scenarios: every target measured this many times, targets taking turns. */
  rounds: number;
  /** Nice value for the bench and everything it starts (negative = more CPU share; needs root). */
  nice: number | undefined;
}

export const USAGE = `npm run bench:gateway -- [options]

  --quick               short run: 1 s warm-up, 3 s measured, fewer clients
  --duration <s>        measured seconds per scenario and target (default 10; quick 3)
  --warmup <s>          warm-up seconds before measuring (default 3; quick 1)
  --scenario <names>    only these scenarios, comma-separated: fast, wide, many, idle, replay
  --target <names>      these targets, comma-separated: ${TARGETS.join(', ')}
                        (default: all but node-relay, a plain Node byte relay to compare with)
  --drivers <n>         client driver processes per scenario (default 1)
  --nginx <path>        nginx binary (default: /usr/sbin/nginx or another usual place)
  --nginx-workers <n>   nginx worker_processes (default: number of CPUs)
  --event-bytes <n>     approximate size of one SSE event on the wire (default 200)
  --out <dir>           where latest.json / latest.svg / latest.png go (default bench/results)
  --no-chart            skip the SVG/PNG chart
  --profile             write V8 CPU profiles of the gateway processes to <out>/profiles
  --max-noise <pct>     measure a window again when other processes used more CPU than this
                        during it (100 = one core; default 25)
  --attempts <n>        windows at most per scenario and target when the machine is busy (default 3;
                        quick 1)
  --rounds <n>          stream scenarios: measure every target n times, the targets taking turns
                        (A B C A B C ...), and compare the round with each target's median CPU per
                        delivered event; gaps and disconnects count from every round (default 1)
  --nice=<n>           run the bench and all it starts at this nice value, e.g. --nice=-10 on a shared
                        machine (needs root for negative values; default: unchanged)
  --replot              print the tables and redraw the chart of <out>/latest.json, run nothing
  --help                this text
`;

export function parseOptions(argv: string[], cpus: number, defaultOut: string): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      scenario: { type: 'string', multiple: true },
      target: { type: 'string', multiple: true },
      drivers: { type: 'string' },
      nginx: { type: 'string' },
      'nginx-workers': { type: 'string' },
      'event-bytes': { type: 'string' },
      out: { type: 'string' },
      'no-chart': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      replot: { type: 'boolean', default: false },
      'max-noise': { type: 'string' },
      attempts: { type: 'string' },
      rounds: { type: 'string' },
      nice: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = values.quick ?? false;
  const list = (v: string[] | undefined) => v?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const targets = list(values.target) ?? [...DEFAULT_TARGETS];
  for (const t of targets) if (!TARGETS.includes(t as TargetName)) throw new Error(`unknown target "${t}"; pick from ${TARGETS.join(', ')}`);
  return {
    quick,
    warmupSeconds: positive(values.warmup, quick ? 1 : 3, 'warmup'),
    durationSeconds: positive(values.duration, quick ? 3 : 10, 'duration'),
    scenarios: list(values.scenario),
    targets: targets as TargetName[],
    drivers: values.drivers === undefined ? undefined : Math.round(positive(values.drivers, 1, 'drivers')),
    nginxPath: values.nginx,
    nginxWorkers: Math.round(positive(values['nginx-workers'], cpus, 'nginx-workers')),
    eventBytes: Math.round(positive(values['event-bytes'], 200, 'event-bytes')),
    outDir: values.out ?? defaultOut,
    chart: !values['no-chart'],
    profile: values.profile ?? false,
    replot: values.replot ?? false,
    maxNoisePct: positive(values['max-noise'], 25, 'max-noise'),
    attempts: Math.round(positive(values.attempts, quick ? 1 : 3, 'attempts')),
    rounds: Math.round(positive(values.rounds, 1, 'rounds')),
    nice: values.nice === undefined ? undefined : niceValue(values.nice),
  };
}

function niceValue(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < -20 || n > 19) throw new Error(`--nice wants an integer from -20 to 19, got "${raw}"`);
  return n;
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} wants a positive number, got "${raw}"`);
  return n;
}
