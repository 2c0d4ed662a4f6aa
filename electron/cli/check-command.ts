import { CHECK_USAGE, parseCheckArgs } from '../check/check-args.ts';
import { formatCheckReport } from '../check/check-report.ts';
import { writeJUnitFile } from '../check/junit-file.ts';
import { createProgress } from '../check/progress-line.ts';
import { runChecks } from '../check/run-check.ts';
import { ProjectOpenError } from '../project/project-store.ts';
import { runServerCheckCommand } from '../server-check/server-check-command.ts';
import { optionsOrExit } from './command-args.ts';

export { CHECK_USAGE };

/**
 * `sse-studio check <path>`: a headless replay check of a project's APIs (see electron/check).
 * Exit 0 when every checked topic is green, 1 when any is red (or could not be checked), 2 on
 * usage errors (bad options, a path that is not a project).
 */
export interface TerminalInfo {
  isTTY: boolean;
  columns?: number;
  /** Raw text, no newline added. */
  write(text: string): void;
}

export interface CheckTerminals {
  stdout: TerminalInfo;
  stderr: TerminalInfo;
}

const processTerminals = (): CheckTerminals => ({
  stdout: { isTTY: process.stdout.isTTY === true, columns: process.stdout.columns, write: (t) => process.stdout.write(t) },
  stderr: { isTTY: process.stderr.isTTY === true, columns: process.stderr.columns, write: (t) => process.stderr.write(t) },
});

export async function runCheck(argv: string[], out: (line: string) => void, err: (line: string) => void, terminals: CheckTerminals = processTerminals()): Promise<number> {
  // `check --url <SSE URL>`: the conformance suite for any SSE server (electron/server-check).
  if (argv.some((a) => a === '--url' || a.startsWith('--url='))) return runServerCheckCommand(argv, out, err, terminals);
  const options = optionsOrExit(parseCheckArgs(argv), 'check', CHECK_USAGE, out, err);
  if (typeof options === 'number') return options;
  // With --json, stdout carries only the JSON document; progress goes to stderr.
  const progress = options.json
    ? createProgress({ ...terminals.stderr, line: err })
    : createProgress({ ...terminals.stdout, line: out });
  try {
    const result = await runChecks(options, { note: (line) => progress.note(line), status: (text) => progress.status(text) });
    progress.end();
    const exitCode = result.status === 'green' ? 0 : 1;
    if (options.json) out(JSON.stringify({ ...result, exitCode }, null, 2));
    else for (const line of formatCheckReport(result)) out(line);
    if (options.junit) {
      const written = await writeJUnitFile(options.junit, result);
      if (!written.ok) {
        err(`sse-studio check: ${written.message}`);
        return 1;
      }
      if (!options.json) out(`JUnit XML: ${written.path}`);
    }
    return exitCode;
  } catch (error) {
    progress.end();
    if (error instanceof ProjectOpenError) {
      err(`sse-studio check: ${error.message}`);
      return 2;
    }
    err(`sse-studio check: ${(error as Error).message}`);
    return 1;
  }
}
