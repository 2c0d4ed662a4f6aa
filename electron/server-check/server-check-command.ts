import path from 'node:path';
import { replaceFileAtomic } from '../project/atomic-write.ts';
import type { CheckTerminals } from '../cli/check-command.ts';
import { optionsOrExit } from '../cli/command-args.ts';
import { createProgress } from '../check/progress-line.ts';
import { junitXml } from './junit.ts';
import { parseServerCheckArgs, SERVER_CHECK_USAGE } from './server-check-args.ts';
import { formatServerCheckReport } from './server-check-report.ts';
import { runServerCheck } from './run-server-check.ts';

/** `sse-studio check --url ...`: exit 0 when no check fails, 1 when one does, 2 on usage errors. */
export async function runServerCheckCommand(argv: string[], out: (line: string) => void, err: (line: string) => void, terminals: CheckTerminals): Promise<number> {
  const options = optionsOrExit(parseServerCheckArgs(argv), 'check', SERVER_CHECK_USAGE, out, err);
  if (typeof options === 'number') return options;
  const progress = options.json ? createProgress({ ...terminals.stderr, line: err }) : createProgress({ ...terminals.stdout, line: out });
  progress.note(`checking ${options.url} for ${options.durationSeconds} s (${options.drops} drops); requests go only to ${[new URL(options.url).hostname, ...options.allowHosts].join(', ')}`);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const report = await runServerCheck(options, (text) => progress.status(text), abort.signal);
    progress.end();
    if (options.json) out(JSON.stringify({ ...report, exitCode: report.ok ? 0 : 1 }, null, 2));
    else for (const line of formatServerCheckReport(report)) out(line);
    if (options.junit) {
      const cases = report.checks.map((c) => ({ name: c.title, classname: `sse-studio.check.${c.id}`, status: c.status, message: c.summary, details: c.evidence }));
      // Whole or not at all (temp file + rename), as the project check writes its JUnit file.
      const target = path.resolve(options.junit);
      try {
        await replaceFileAtomic(target, junitXml(`SSE server check ${report.url}`, cases, report.durationMs));
      } catch (error) {
        err(`sse-studio check: could not write the JUnit XML to ${target}: ${(error as Error).message}`);
        return 1;
      }
      if (!options.json) out(`JUnit XML: ${target}`);
    }
    return report.ok ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
  }
}
