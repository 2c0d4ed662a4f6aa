import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { acceptApiDocument } from '../../shared/asyncapi/accept-document.ts';
import type { DocProblem } from '../../shared/asyncapi/document-text.ts';
import { exportApiDocument } from '../../shared/asyncapi/export-document.ts';
import { describeRemoval } from '../../shared/asyncapi/export-removals.ts';
import { EXPORT_FORMATS, EXPORT_PROFILES, EXPORT_VERSIONS, type ExportOptions } from '../../shared/asyncapi/export-sse-api.ts';
import { replaceFileAtomic, writeNewFileAtomic } from '../project/atomic-write.ts';
import { bundleApiFile, hasExternalRefs, rebaseRef, unresolvedExternalRefs } from '../project/external-refs.ts';
import { displayPath, findApiFiles, readApiFile } from './api-files.ts';
import { argsErrorMessage } from './command-args.ts';

export const EXPORT_USAGE = `Usage: sse-studio export <api-file | api-name> --format yaml|json --asyncapi 3.0|2.6 [options]

Writes an API's AsyncAPI document, transformed for a profile and version, to stdout or to a file.
The document itself is the source: schemas, messages, examples, headers, bindings and descriptions
pass through; what the target version cannot carry is named in a warning.
  <api-file>   an AsyncAPI 2.x, 3.0 or 3.1 file that SSE Studio accepts (as validate does)
  <api-name>   the name (info.title) of an API in the project folder

Options:
  --format yaml|json             output format (required)
  --asyncapi 3.0|2.6             AsyncAPI version (required)
  --profile studio|clean|wso2    studio (default): the document as it is (3.x keeps its send/receive)
                                 clean: minus every x- extension and every secret; 3.x writes "send"
                                 wso2: what WSO2 API Manager imports (production/sandbox servers with
                                 protocol sse, x-wso2-*); 3.x writes "receive"
  --bundle                       inline $refs into other files (else they are kept, pointing at the
                                 same files from where the export is written)
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
  const shown = displayPath(found.file);
  const refused = (problems: DocProblem[]) => {
    for (const p of problems) err(`${shown}:${p.line ?? 1}:${p.column ?? 1}: error: ${p.message}`);
    err(`sse-studio export: ${shown} is not an SSE API: fix the errors above.`);
    return 1;
  };
  if (found.text === undefined) return refused(found.problems);

  const gate = acceptApiDocument(found.text, found.file);
  if (!gate.ok) return refused(gate.problems);
  for (const w of gate.warnings) err(`${shown}:${w.line ?? 1}:${w.column ?? 1}: warning: ${w.message}`);
  const unresolved = await unresolvedExternalRefs(found.text, found.file);
  if (unresolved.length) return refused(unresolved);

  let text = found.text;
  if (args.bundle) {
    const bundled = await bundleApiFile(found.file);
    if (!bundled.ok) return refused([{ path: [], message: bundled.message }]);
    text = bundled.text;
  }
  const fromDir = path.dirname(found.file);
  const toDir = args.out === undefined ? process.cwd() : path.dirname(path.resolve(args.out));
  const result = exportApiDocument(text, found.file, {
    ...args.options,
    ...(fromDir !== toDir && !args.bundle && hasExternalRefs(gate.data) ? { rewriteExternalRef: (ref: string) => rebaseRef(ref, fromDir, toDir) } : {}),
  });
  if (!result.ok) return refused(result.problems);
  for (const w of result.warnings) err(`${shown}:${w.line ?? 1}:${w.column ?? 1}: warning: ${w.message}`);
  if (args.out === undefined) {
    out(result.text.replace(/\n$/, ''));
    return 0;
  }
  const removed = describeRemoval(result.removed);
  const summary = `AsyncAPI ${args.options.asyncapi}, ${args.options.format}, ${args.options.profile} profile${removed === 'nothing' ? '' : `; removed ${removed}`}${result.action ? `; operations: ${result.action}` : ''}`;
  return writeOut(args.out, result.text, args.force, summary, out, err);
}

interface ExportArgs {
  api: string;
  options: ExportOptions;
  bundle: boolean;
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
        bundle: { type: 'boolean' },
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
    bundle: Boolean(values.bundle),
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

type Found = { file: string; text?: string; problems: DocProblem[] } | { usage: string };

/** A path to a document, else the name of an API in the project folder (found through the same gate). */
async function findApi(target: string, project: string): Promise<Found> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) return { usage: `${target} is a folder: give an AsyncAPI file, or an API name with --project ${target}.` };
  if (stat?.isFile()) {
    const entry = await readApiFile(path.resolve(target));
    return entry.text === undefined ? { file: entry.file, problems: [{ path: [], message: entry.error ?? 'Cannot read the file.' }] } : { file: entry.file, text: entry.text, problems: [] };
  }
  if (/[\\/]|\.(ya?ml|json)$/i.test(target)) return { usage: `${target}: no such file.` };

  const projectStat = await fs.stat(project).catch(() => undefined);
  if (!projectStat?.isDirectory()) return { usage: `--project ${project}: no such folder.` };
  const apis = [];
  for (const entry of await findApiFiles(path.resolve(project))) {
    if (entry.text === undefined) continue;
    const reading = acceptApiDocument(entry.text, entry.file);
    if (reading.ok) apis.push({ file: entry.file, text: entry.text, api: reading.api });
  }
  const exact = apis.filter((a) => a.api.name === target);
  const matches = exact.length ? exact : apis.filter((a) => a.api.name.toLowerCase() === target.toLowerCase());
  const only = matches[0];
  if (matches.length === 1 && only) return { file: only.file, text: only.text, problems: [] };
  if (matches.length > 1) return { usage: `"${target}" names ${matches.length} APIs (${matches.map((m) => `${displayPath(m.file)}: ${m.api.version}`).join(', ')}): give the file instead.` };
  const names = apis.map((a) => a.api.name);
  return { usage: `There is no API named "${target}" in ${project}${names.length ? ` (APIs: ${names.join(', ')})` : ' (it has no readable APIs)'}. Give an API name or an AsyncAPI file.` };
}

async function writeOut(target: string, text: string, force: boolean, summary: string, out: Out, err: Out): Promise<number> {
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
  out(`Wrote ${displayPath(file)} (${summary}).`);
  return 0;
}
