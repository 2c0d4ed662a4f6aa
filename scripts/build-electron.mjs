#!/usr/bin/env node
// Bundles Electron's main process and preload to CommonJS (npm run build:electron):
//   electron/main.ts    -> dist/electron/main.cjs     (package.json "main")
//   electron/preload.ts -> dist/electron/preload.cjs  (sandboxed preloads must be one CJS file)
// Everything but `electron` is bundled, so the packaged app needs no node_modules at run time.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');
const started = performance.now();

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Electron's main process never reads import.meta.url (it uses app.getAppPath()); say so if code
  // that does ends up in the bundle, instead of shipping `undefined`.
  logOverride: { 'empty-import-meta': 'error' },
};

try {
  await Promise.all([
    build({ ...common, entryPoints: { main: 'electron/main.ts' }, outfile: path.join(outdir, 'main.cjs') }),
    build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outfile: path.join(outdir, 'preload.cjs') }),
  ]);
} catch {
  // esbuild has already printed the errors with file:line.
  console.error('build:electron failed.');
  process.exit(1);
}

const kb = (file) => `${Math.round(statSync(path.join(outdir, file)).size / 1024)} KB`;
console.log(
  `build:electron: dist/electron/main.cjs (${kb('main.cjs')}), dist/electron/preload.cjs (${kb('preload.cjs')}) in ${Math.round(performance.now() - started)} ms`,
);
