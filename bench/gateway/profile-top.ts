import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from './rpc.ts';

/**
 * Prints where a V8 CPU profile (.cpuprofile, e.g. from `--profile`) spent its time: the top
 * functions by self time, and the same grouped by file. Idle time is left out of the percentages.
 *
 * Usage: npx tsx bench/gateway/profile-top.ts <file.cpuprofile> [top=25]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

process.stdout.on('error', () => process.exit(0)); // e.g. piped into head
const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-top.ts <file.cpuprofile> [top]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const where = (url: string) => {
  if (!url) return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith('/') ? relative(REPO_ROOT, path) : path;
};
const fnTotals = new Map<string, number>();
const fileTotals = new Map<string, number>();
let busy = 0;
let idle = 0;
for (const [id, us] of selfUs) {
  const frame = (byId.get(id) as ProfileNode).callFrame;
  if (frame.functionName === '(idle)') {
    idle += us;
    continue;
  }
  busy += us;
  const key = `${frame.functionName || '(anonymous)'}  ${where(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
  fnTotals.set(key, (fnTotals.get(key) ?? 0) + us);
  const fileKey = where(frame.url) || frame.functionName;
  fileTotals.set(fileKey, (fileTotals.get(fileKey) ?? 0) + us);
}

const print = (title: string, totals: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${((us / busy) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}\n`);
  }
};
process.stdout.write(`${file}: busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms\n`);
print('self time by function', fnTotals);
print('self time by file', fileTotals);
