import { REPO_ROOT, startServe } from '../../test/support/cli-process.ts';
import { floodProject } from './flood-project.ts';
import { runFlood, standardPhases } from './flood.ts';

/**
 * npm run bench:flood [-- --requests N --symbol-bytes B --concurrency C]
 * Starts `sse-studio serve` (gateway + mock, on free loopback ports) on a temporary project, runs
 * the hostile flood of issue 9 (flood.ts) and prints the process's memory and what a normal
 * subscriber received meanwhile. Only 127.0.0.1 is a target; every loop is bounded.
 */
const CEILING_MB = 512;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : Number(process.argv[at + 1]);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

const requests = flag('requests', 1000);
const symbolBytes = flag('symbol-bytes', 15_000);
const concurrency = flag('concurrency', 32);

const project = await floodProject(REPO_ROOT);
const serving = await startServe([project, '--gateway-port', '0', '--https-port', 'off', '--mock-port', '0', '--no-ui'], 30_000);
try {
  const urls = { gateway: serving.urls.gateway as string, mock: serving.urls.mock as string };
  console.log(`sse-studio serve pid ${serving.child.pid}: gateway ${urls.gateway}, mock ${urls.mock}; ${requests} requests per phase, ${concurrency} at a time, each closed after its first bytes`);
  const result = await runFlood({ pid: serving.child.pid as number, steadyUrl: `${urls.gateway}/stocks/1.0.0/prices?rate=20`, phases: standardPhases(urls, requests, symbolBytes), concurrency, settleMs: 3000 });
  console.log('');
  console.log('| phase | requests | answers | time | RSS after |');
  console.log('| --- | ---: | --- | ---: | ---: |');
  for (const p of result.phases) {
    const answers = Object.entries(p.statuses).map(([status, n]) => `${n}× ${status}`).join(', ');
    console.log(`| ${p.name} | ${p.requests} | ${answers} | ${(p.ms / 1000).toFixed(1)} s | ${p.rssAfterMb} MB |`);
  }
  console.log('');
  console.log(`RSS: ${result.rssBeforeMb} MB before, peak ${result.rssPeakMb} MB (VmHWM ${result.hwmMb} MB), ${result.rssAfterMb} MB after; ceiling ${CEILING_MB} MB: ${result.hwmMb < CEILING_MB ? 'held' : 'EXCEEDED'}`);
  const s = result.steady;
  console.log(`Normal subscriber (/stocks/1.0.0/prices?rate=20): ${s.events} events, ${s.duringFlood} during the flood, ${s.afterFlood} in the ${3} s after, ${s.gaps} gaps, ${s.ended ? 'ENDED' : 'still connected'}`);
  process.exitCode = result.hwmMb < CEILING_MB && !s.ended && s.gaps === 0 ? 0 : 1;
} finally {
  await serving.stop();
}
