import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startServe, type ServeProcess } from '../../test/support/cli-process.ts';
import { floodProject } from './flood-project.ts';
import { runFlood, standardPhases } from './flood.ts';

/**
 * The flood of issue 9 against a real `sse-studio serve` process: 1,000 distinct paths with 15 kB
 * symbols and rate=1000 (gateway and mock), then 1,000 distinct valid ids, each request closed
 * after its first bytes. The process must stay under the documented ceiling (512 MB) and a normal
 * subscriber on the same serve keeps receiving, in order. `npm run bench:flood` prints the figures.
 */
const CEILING_MB = 512;
let serving: ServeProcess;

beforeAll(async () => {
  const project = await floodProject(REPO_ROOT);
  serving = await startServe([project, '--gateway-port', '0', '--https-port', 'off', '--mock-port', '0', '--no-ui'], 30_000);
}, 40_000);
afterAll(() => serving?.stop());

describe('hostile flood against serve', () => {
  it(`stays under ${CEILING_MB} MB RSS while a normal stream keeps receiving`, async () => {
    const urls = { gateway: serving.urls.gateway as string, mock: serving.urls.mock as string };
    const result = await runFlood({
      pid: serving.child.pid as number,
      steadyUrl: `${urls.gateway}/stocks/1.0.0/prices?rate=20`,
      phases: standardPhases(urls, 1000),
      concurrency: 32,
      settleMs: 1500,
    });
    console.log(JSON.stringify(result, null, 2));
    expect(result.rssPeakMb).toBeLessThan(CEILING_MB);
    expect(result.hwmMb).toBeLessThan(CEILING_MB);
    // Unknown symbols are 404s at the mock (502 or 404 through the gateway), never streams.
    expect(Object.keys(result.phases[1]!.statuses)).toEqual(['404']);
    expect(result.steady.ended).toBe(false);
    expect(result.steady.duringFlood).toBeGreaterThan(0);
    expect(result.steady.afterFlood).toBeGreaterThan(0);
    expect(result.steady.gaps).toBe(0);
  }, 180_000);
});
