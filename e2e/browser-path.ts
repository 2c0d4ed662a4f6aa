import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The one place that decides which Chromium the e2e suite drives:
 *   1. $SSE_STUDIO_CHROMIUM, when set (must exist);
 *   2. Playwright's own Chromium, when it has been installed on this machine (a developer laptop);
 *   3. Debian's /usr/bin/chromium (CI here: `apt-get install -y chromium`; never `npx playwright install`).
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function resolveChromium(): string {
  const fromEnv = process.env.SSE_STUDIO_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`SSE_STUDIO_CHROMIUM is set to ${fromEnv}, but no file is there. Point it at a Chromium or Chrome executable.`);
    return fromEnv;
  }
  const bundled = playwrightChromium();
  if (bundled) return bundled;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  throw new Error(
    `No Chromium found for the e2e tests. Install one (Debian/Ubuntu: apt-get install -y chromium) or set SSE_STUDIO_CHROMIUM to a Chromium/Chrome executable.`,
  );
}

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    // Playwright throws when it has no browser registry entry for this platform.
    return undefined;
  }
}
