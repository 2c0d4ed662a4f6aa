import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SseApi } from '../../shared/model/sse-api.ts';
import type { DocProblem } from '../../shared/asyncapi/document-text.ts';
import { EXPORT_FORMATS, EXPORT_PROFILES, EXPORT_VERSIONS, exportSseApi, type ExportOptions } from '../../shared/asyncapi/export-sse-api.ts';
import { importSseApi, readApiText } from '../../shared/asyncapi/import-sse-api.ts';
import { replaceFileAtomic, writeNewFileAtomic } from '../project/atomic-write.ts';
import { displayPath, findApiFiles, readApiFile } from './api-files.ts';
import { argsErrorMessage } from './command-args.ts';

export const EXPORT_USAGE = `Usage: sse-studio export <api-file | api-name> --format yaml|json --asyncapi 3.0|2.6 [options]

Writes an API as an AsyncAPI document, to stdout or to a file.
  <api-file>   an AsyncAPI file: SSE Studio's, a WSO2 API Manager export, one that models SSE as
               HTTP streaming, or any document with subscribe/receive channels
  <api-name>   the name (info.title) of an API in the project folder

Options:
  --format yaml|json             output format (required)
  --asyncapi 3.0|2.6             AsyncAPI version (required)
  --profile studio|clean|wso2    studio (default): keeps SSE Studio's x- settings, imports back unchanged
                                 clean: no x- extensions and no secrets, for sharing
                                 wso2: what WSO2 API Manager reads for an SSE API (use 2.6 for it)
  --out <file>                   write the file (atomically) instead of printing
  --force                        replace --out if it exists
  --project <folder>             where to look for <api-name> (default: the current folder)
  -h, --help                     show this help

Exit status: 0 written, 1 the API could not be read or written, 2 bad arguments.`;

type Out = (line: string) => void;

export async function runExport(argv: string[], out: Out, err: Out): Promise<number> {
  const args = parseExportArgs(argv);
  if ('message' in args) {
    err(`sse-studio export: ${args.message} See "sse-studio export --help".`);
    return 2;
  }
  if ('help' in args) {
    out(EXPORT_USAGE);
    return 0;
  }
  const found = await findApi(args.api, args.project);
  if ('usage' in found) {
    err(`sse-studio export: ${found.usage}`);
    return 2;
  }
  for (const w of found.warnings) err(`${found.file}:${w.line ?? 1}:${w.column ?? 1}: warning: ${w.message}`);
  if (!found.api) {
    for (const p of found.problems) err(`${found.file}:${p.line ?? 1}:${p.column ?? 1}: error: ${p.message}`);
    err(`sse-studio export: ${found.file} is not an SSE API: fix the errors above.`);
    return 1;
  }
  const text = exportSseApi(found.api, args.options);
  if (args.out === undefined) {
    out(text.replace(/\n$/, ''));
    return 0;
  }
  return writeOut(args.out, text, args.force, args.options, out, err);
}

interface ExportArgs {
  api: string;
  options: ExportOptions;
  out?: string;
  force: boolean;
  project: string;
}

function parseExportArgs(argv: string[]): ExportArgs | { help: true } | { message: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        asyncapi: { type: 'string' },
        profile: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        project: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { message: argsErrorMessage(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) return { message: positionals.length ? `Give one API file or name, not ${positionals.length} (${positionals.join(', ')}).` : 'Give an AsyncAPI file or the name of an API in the project, e.g. "sse-studio export stocks.asyncapi.yaml --format yaml --asyncapi 3.0".' };
  const format = oneOf('--format', values.format, EXPORT_FORMATS);
  const asyncapi = oneOf('--asyncapi', values.asyncapi, EXPORT_VERSIONS);
  const profile = oneOf('--profile', values.profile ?? 'studio', EXPORT_PROFILES);
  for (const choice of [format, asyncapi, profile]) if (typeof choice === 'object') return choice;
  if (values.force && values.out === undefined) return { message: '--force only applies with --out <file>.' };
  if (values.out !== undefined && !values.out.trim()) return { message: '--out needs a file name.' };
  return {
    api: positionals[0] as string,
    options: { format, asyncapi, profile } as ExportOptions,
    ...(values.out !== undefined ? { out: values.out } : {}),
    force: Boolean(values.force),
    project: values.project ?? '.',
  };
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | { message: string } {
  const choices = allowed.join(', ').replace(/, ([^,]*)$/, ' or $1');
  if (value === undefined) return { message: `${flag} is required: ${choices}.` };
  return (allowed as readonly string[]).includes(value) ? (value as T) : { message: `${flag} must be ${choices} (got "${value}").` };
}

type Found = { file: string; api?: SseApi; problems: DocProblem[]; warnings: DocProblem[] } | { usage: string };

/** A path to a document (imported), else the name of an API in the project folder (read as a project file). */
async function findApi(target: string, project: string): Promise<Found> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) return { usage: `${target} is a folder: give an AsyncAPI file, or an API name with --project ${target}.` };
  if (stat?.isFile()) {
    const entry = await readApiFile(path.resolve(target));
    const file = displayPath(entry.file);
    if (entry.text === undefined) return { file, problems: [{ path: [], message: entry.error ?? 'Cannot read the file.' }], warnings: [] };
    const imported = importSseApi(entry.text, entry.file);
    return imported.ok ? { file, api: imported.api, problems: [], warnings: imported.warnings } : { file, problems: imported.problems, warnings: [] };
  }
  if (/[\\/]|\.(ya?ml|json)$/i.test(target)) return { usage: `${target}: no such file.` };

  const projectStat = await fs.stat(project).catch(() => undefined);
  if (!projectStat?.isDirectory()) return { usage: `--project ${project}: no such folder.` };
  const apis = [];
  for (const entry of await findApiFiles(path.resolve(project))) {
    if (entry.text === undefined) continue;
    const reading = readApiText(entry.text, entry.file, { fallbackEndpoint: false });
    if (reading.ok) apis.push({ file: displayPath(entry.file), api: reading.api, warnings: reading.warnings });
  }
  const exact = apis.filter((a) => a.api.name === target);
  const matches = exact.length ? exact : apis.filter((a) => a.api.name.toLowerCase() === target.toLowerCase());
  if (matches.length === 1) return { ...(matches[0] as (typeof apis)[number]), problems: [] };
  if (matches.length > 1) return { usage: `"${target}" names ${matches.length} APIs (${matches.map((m) => `${m.file}: ${m.api.version}`).join(', ')}): give the file instead.` };
  const names = apis.map((a) => a.api.name);
  return { usage: `There is no API named "${target}" in ${project}${names.length ? ` (APIs: ${names.join(', ')})` : ' (it has no readable APIs)'}. Give an API name or an AsyncAPI file.` };
}

async function writeOut(target: string, text: string, force: boolean, options: ExportOptions, out: Out, err: Out): Promise<number> {
  const file = path.resolve(target);
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists && !force) {
    err(`sse-studio export: ${target} already exists: add --force to replace it.`);
    return 1;
  }
  try {
    // Temp file + rename (or link, which refuses an existing name): a reader never sees half a file.
    if (exists) await replaceFileAtomic(file, text);
    else await writeNewFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(`sse-studio export: ${code === 'EEXIST' ? `${target} already exists: add --force to replace it.` : `cannot write ${target} (${code ?? (error as Error).message}).`}`);
    return 1;
  }
  out(`Wrote ${displayPath(file)} (AsyncAPI ${options.asyncapi}, ${options.format}, ${options.profile} profile).`);
  return 0;
}
