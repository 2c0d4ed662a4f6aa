import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, rmSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { resolveChromium } from '../../e2e/browser-path.ts';
import { API_NAME, writeBenchProject } from './bench-project.ts';
import { startFastBackend } from './fast-backend.ts';
import { startMeter, stopMeter, viewerCounts, type PageSmoothness } from './page-meter.ts';
import { startStudio } from './studio-process.ts';

/**
 * `npm run bench:viewer`: how many events a second the live viewer shows in Chromium, and how
 * smoothly. A fast SSE source (in this process) streams through `sse-studio serve`'s gateway; the
 * viewer in the built web UI subscribes to it; for each offered rate it prints what the source
 * offered, what the host received (its own count), what the viewer's counter says, what reached the list, and the longest frame and long tasks
 * Chromium saw. Only 127.0.0.1 is used.
 *
 * Options: --rates 5000,10000,20000,50000  --seconds 6  --warmup 2  --width 1280 --height 800
 *          --profile DIR (a V8 CPU profile of the host, written when it stops; read it with
 *          `npx tsx bench/gateway/profile-top.ts DIR/<file>.cpuprofile`)
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Row extends PageSmoothness {
  offeredPerSecond: number;
  receivedPerSecond: number;
  /** What the viewer's counter says it received (the host's count as of the last batch it got). */
  countedPerSecond: number;
  shownPerSecond: number;
  sampling: string;
  /** Connections the viewer's subscription opened during the run (1: it never had to reconnect). */
  connections: number;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const rates = option('rates', '5000,10000,20000,50000').split(',').map(Number);
  const seconds = Number(option('seconds', '6'));
  const warmup = Number(option('warmup', '2'));
  const viewport = { width: Number(option('width', '1280')), height: Number(option('height', '800')) };
  if (!existsSync(path.join(REPO_ROOT, 'dist/renderer/index.html'))) throw new Error('Build the renderer first: npm run build:renderer');

  const backend = await startFastBackend();
  const projectDir = writeBenchProject(backend.url);
  const profileDir = process.argv.includes('--profile') ? option('profile', 'bench/results/profiles/viewer') : undefined;
  const studio = await startStudio(REPO_ROOT, projectDir, profileDir && path.resolve(profileDir));
  const browser = await chromium.launch({
    executablePath: resolveChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: Row[] = [];
  const loadBefore = os.loadavg()[0] ?? 0;
  const chromiumVersion = browser.version();
  try {
    for (const rate of rates) {
      const page = await browser.newPage({ viewport });
      await page.goto(studio.uiUrl);
      await page
        .getByTestId('api-list')
        .getByRole('button', { name: new RegExp(API_NAME) })
        .click();
      const panel = page.getByTestId('subscriber-panel').first();
      await panel.getByTestId('viewer-path').fill(`/ticks/${rate}`);
      await panel.getByTestId('subscribe-button').click();
      await panel.getByTestId('viewer-state').filter({ hasText: 'open' }).waitFor();
      await page.waitForTimeout(warmup * 1000); // warm-up: JIT, first batches
      await startMeter(page);
      const hostReceived = async () => {
        const { subscriptions } = await studio.call<{ subscriptions: Array<{ url: string; state: string; events: number }> }>('subscriptions.list');
        return subscriptions.find((s) => s.url.endsWith(`/ticks/${rate}`) && s.state !== 'closed')?.events ?? 0;
      };
      const offered0 = backend.offered(rate);
      const host0 = await hostReceived();
      const counts0 = await viewerCounts(page);
      const t0 = performance.now();
      await page.waitForTimeout(seconds * 1000); // the measuring window itself
      const offered1 = backend.offered(rate);
      const host1 = await hostReceived();
      const counts1 = await viewerCounts(page);
      const elapsed = (performance.now() - t0) / 1000;
      const smooth = await stopMeter(page);
      const sampling = await panel
        .getByTestId('viewer-sampling')
        .textContent({ timeout: 100 })
        .catch(() => '');
      const connections = await panel.locator('[data-testid="timeline-entry"][data-state="open"]').count();
      rows.push({
        offeredPerSecond: Math.round((offered1 - offered0) / elapsed),
        receivedPerSecond: Math.round((host1 - host0) / elapsed),
        countedPerSecond: Math.round((counts1.received - counts0.received) / elapsed),
        shownPerSecond: Math.round((counts1.listed - counts0.listed) / elapsed),
        sampling: sampling || '—',
        connections,
        ...smooth,
      });
      console.error(`${rate} ev/s done: ${JSON.stringify(rows.at(-1))}`);
      await panel.getByTestId('unsubscribe-button').click();
      await page.close();
      backend.endStreams();
    }
  } finally {
    await browser.close();
    await studio.stop();
    await backend.close();
    rmSync(projectDir, { recursive: true, force: true });
  }
  printTable(
    rows,
    seconds,
    viewport,
    `${os.cpus().length} CPUs, load average ${loadBefore.toFixed(1)} before and ${(os.loadavg()[0] ?? 0).toFixed(1)} after, Chromium ${chromiumVersion}, Node ${process.versions.node}, commit ${gitCommit()}`,
  );
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function printTable(rows: Row[], seconds: number, viewport: { width: number; height: number }, machine: string): void {
  const n = (v: number) => v.toLocaleString('en-US');
  console.log(`Viewer throughput in Chromium (${seconds} s per rate, ${viewport.width}x${viewport.height}, ${new Date().toISOString().slice(0, 16)}Z; ${machine})`);
  console.log('');
  console.log('| offered ev/s | received by the host ev/s | counted in the viewer ev/s | shown ev/s | indicator | connections | longest frame | frames > 50 ms | long tasks | longest task |');
  console.log('| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(
      `| ${n(r.offeredPerSecond)} | ${n(r.receivedPerSecond)} | ${n(r.countedPerSecond)} | ${n(r.shownPerSecond)} | ${r.sampling} | ${r.connections} | ${r.longestFrameMs} ms | ${n(r.framesOver50Ms)} of ${n(r.frames)} | ${r.longTasks} | ${r.longestTaskMs} ms |`,
    );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
