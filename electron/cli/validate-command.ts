import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gatewayBasePath } from '../../shared/model/context.ts';
import { parseDocumentText } from '../../shared/asyncapi/document-text.ts';
import { validateAsyncApiText, type ValidationProblem } from '../project/asyncapi-validator.ts';
import { displayPath, findApiFiles, readApiFile, type ApiFile } from './api-files.ts';
import { formatSummary, formatText, type FileReport } from './validate-report.ts';

export const VALIDATE_USAGE = `Usage: sse-studio validate <asyncapi-file | project-folder> [--json]

Checks AsyncAPI documents the way SSE Studio reads them: YAML/JSON syntax, the AsyncAPI
specification (@asyncapi/parser: its errors and warnings) and what an SSE API needs (name,
context, version, backend endpoint, subscribe-only topics, x-gateway settings, one gateway path
per API). A folder is searched like a project: .yaml/.yml/.json files with an "asyncapi" key.

Prints one line per problem, then a summary:
  stocks.asyncapi.yaml:5:12: error: Remove spaces from the context ...
  2 files, 1 API, 1 error, 0 warnings

Options:
  --json       print one JSON object instead: { files: [{ file, api, problems }], summary }
  -h, --help   show this help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments.`;

export async function runValidate(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return usage(err, (error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
  if (parsed.values.help) {
    out(VALIDATE_USAGE);
    return 0;
  }
  const { positionals } = parsed;
  if (positionals.length !== 1) return usage(err, positionals.length ? `Give one file or folder, not ${positionals.length} (${positionals.join(', ')}).` : 'Give an AsyncAPI file or a project folder to check, e.g. "sse-studio validate examples/stock-ticker".');
  const target = positionals[0] as string;
  const stat = await fs.stat(target).catch((e: NodeJS.ErrnoException) => e);
  if (stat instanceof Error) return usage(err, stat.code === 'ENOENT' ? `${target}: no such file or folder.` : `${target}: cannot be read (${stat.code ?? stat.message}).`);

  const files = stat.isDirectory() ? await findApiFiles(path.resolve(target)) : [await readApiFile(path.resolve(target))];
  const reports = await Promise.all(files.map(checkFile));
  markSharedBasePaths(reports, files);

  if (parsed.values.json) out(JSON.stringify({ files: reports, summary: summarize(reports) }, null, 2));
  else {
    for (const line of formatText(reports)) out(line);
    if (stat.isDirectory() && reports.length === 0) out(`No AsyncAPI documents in ${target}.`);
    out(formatSummary(summarize(reports)));
  }
  return reports.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

async function checkFile(entry: ApiFile): Promise<FileReport> {
  const file = displayPath(entry.file);
  if (entry.text === undefined) return { file, api: null, problems: [{ line: 1, column: 1, severity: 'error', source: 'syntax', message: entry.error ?? 'Cannot read the file.' }] };
  const { problems, api } = await validateAsyncApiText(entry.text, entry.file);
  return { file, api: api ? { name: api.name, version: api.version, context: api.context, basePath: gatewayBasePath(api.context, api.version) } : null, problems };
}

/** The gateway serves one API per path: a project where two APIs share one cannot be served. */
function markSharedBasePaths(reports: FileReport[], files: ApiFile[]): void {
  const byBase = new Map<string, number[]>();
  reports.forEach((r, i) => r.api && byBase.set(r.api.basePath, [...(byBase.get(r.api.basePath) ?? []), i]));
  for (const [base, indexes] of byBase) {
    if (indexes.length < 2) continue;
    for (const i of indexes) {
      const others = indexes.filter((j) => j !== i).map((j) => reports[j]?.file).join(', ');
      const parsed = parseDocumentText(files[i]?.text ?? '');
      const at = parsed.locate(['x-context']) ?? parsed.locate(['info', 'version']) ?? { line: 1, column: 1 };
      const problem: ValidationProblem = { ...at, severity: 'error', source: 'sse-api', message: `This API and ${others} share the gateway path ${base}: give each a unique context or version.` };
      reports[i]?.problems.push(problem);
    }
  }
}

function summarize(reports: FileReport[]) {
  const all = reports.flatMap((r) => r.problems);
  return {
    files: reports.length,
    apis: reports.filter((r) => r.api && !r.problems.some((p) => p.severity === 'error')).length,
    errors: all.filter((p) => p.severity === 'error').length,
    warnings: all.filter((p) => p.severity === 'warning').length,
  };
}

function usage(err: (line: string) => void, message: string): number {
  err(`sse-studio validate: ${message} See "sse-studio validate --help".`);
  return 2;
}
