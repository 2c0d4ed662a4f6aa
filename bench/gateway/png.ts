import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * SVG → PNG for people who prefer an image: ImageMagick's `convert` when it is the real one,
 * otherwise a headless Chromium screenshot. Returns how it was made, or why it was not.
 */
export function svgToPng(svgPath: string, pngPath: string, width: number, height: number): { ok: boolean; how: string } {
  if (isImageMagick('/usr/bin/convert')) {
    const r = spawnSync('/usr/bin/convert', ['-density', '96', svgPath, pngPath], { encoding: 'utf8' });
    if (r.status === 0 && existsSync(pngPath)) return { ok: true, how: 'ImageMagick convert' };
  }
  const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => p && existsSync(p));
  if (chromium) {
    const r = spawnSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--window-size=${width},${height}`,
        `--screenshot=${pngPath}`,
        pathToFileURL(svgPath).href,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (r.status === 0 && existsSync(pngPath) && statSync(pngPath).size > 0) return { ok: true, how: `Chromium (${chromium})` };
    return { ok: false, how: `Chromium failed: ${(r.stderr ?? '').trim().split('\n').slice(-1)[0] ?? r.status}` };
  }
  return { ok: false, how: 'no ImageMagick convert and no Chromium found; open the SVG instead' };
}

function isImageMagick(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    return /ImageMagick/.test(execFileSync(path, ['-version'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}
