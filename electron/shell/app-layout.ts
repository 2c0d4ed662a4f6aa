import path from 'node:path';

/**
 * Where the app's parts sit inside the app folder (the repository in development, app.asar when
 * packaged). scripts/build-electron.mjs and build/electron-builder.yml use the same layout.
 */
export function appLayout(appPath: string): { rendererIndex: string; preload: string; examplesDir: string } {
  return {
    rendererIndex: path.join(appPath, 'dist', 'renderer', 'index.html'),
    preload: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    examplesDir: path.join(appPath, 'examples'),
  };
}
