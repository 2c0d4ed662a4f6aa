import type { Page } from '@playwright/test';

/**
 * What Chromium itself says about smoothness while the viewer runs: the gaps between animation
 * frames (a gap over 50 ms is a frame the user saw late) and long tasks (PerformanceObserver
 * 'longtask': main-thread work over 50 ms), plus the viewer's own counters.
 *
 * The page scripts are strings: tsx (esbuild keepNames) would wrap the functions' inner names in a
 * `__name` helper that does not exist in the page.
 */
export interface PageSmoothness {
  frames: number;
  longestFrameMs: number;
  framesOver50Ms: number;
  longTasks: number;
  longestTaskMs: number;
}

const START = `(() => {
  const state = { gaps: [], tasks: [], last: performance.now(), running: true, observer: undefined };
  const loop = (t) => {
    state.gaps.push(t - state.last);
    state.last = t;
    if (state.running) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  state.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.tasks.push(entry.duration);
  });
  state.observer.observe({ type: 'longtask' });
  globalThis.__viewerMeter = state;
})()`;

const STOP = `(() => {
  const meter = globalThis.__viewerMeter;
  meter.running = false;
  meter.observer.disconnect();
  // The first gap spans the moment the meter started, not a frame.
  const gaps = meter.gaps.slice(1);
  return {
    frames: gaps.length,
    longestFrameMs: Math.round(Math.max(0, ...gaps)),
    framesOver50Ms: gaps.filter((g) => g > 50).length,
    longTasks: meter.tasks.length,
    longestTaskMs: Math.round(Math.max(0, ...meter.tasks)),
  };
})()`;

export async function startMeter(page: Page): Promise<void> {
  await page.evaluate(START);
}

export async function stopMeter(page: Page): Promise<PageSmoothness> {
  return (await page.evaluate(STOP)) as PageSmoothness;
}

/** The viewer's counters: every event the host received, and those that reached the list. */
export async function viewerCounts(page: Page): Promise<{ received: number; listed: number }> {
  const count = page.getByTestId('subscriber-panel').first().getByTestId('event-count');
  const [received, listed] = await Promise.all([count.getAttribute('data-value'), count.getAttribute('data-listed')]);
  return { received: Number(received ?? 0), listed: Number(listed ?? 0) };
}
