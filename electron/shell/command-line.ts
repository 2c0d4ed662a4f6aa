import path from 'node:path';

/**
 * The project folder given on the app's command line, if any. `electron . <folder>` (development,
 * `process.defaultApp` true) puts the app path first; a packaged app gets `<folder>` right after
 * its executable. Switches (Chromium's, macOS's `-psn_...`) are skipped.
 */
export function projectFromArgv(argv: readonly string[], options: { defaultApp: boolean; cwd: string }): string | undefined {
  const args = argv.slice(options.defaultApp ? 2 : 1);
  const first = args.find((arg) => arg !== '' && !arg.startsWith('-'));
  return first === undefined ? undefined : path.resolve(options.cwd, first);
}
