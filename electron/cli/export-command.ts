import path from 'node:path';
import { acceptApiDocument } from '../../shared/asyncapi/accept-document.ts';
import type { DocProblem } from '../../shared/asyncapi/document-text.ts';
import { exportApiDocument } from '../../shared/asyncapi/export-document.ts';
import { describeRemoval } from '../../shared/asyncapi/export-removals.ts';
import { EXPORT_FORMATS, EXPORT_PROFILES, EXPORT_VERSIONS, type ExportOptions } from '../../shared/asyncapi/export-sse-api.ts';
import { bundleApiFile, hasExternalRefs, rebaseRef, unresolvedExternalRefs } from '../project/external-refs.ts';
import { displayPath } from './api-files.ts';
import { apiPositional, optionsOrExit, outFlagsProblem, readCommandLine, type ParsedCommandArgs } from './command-args.ts';
import { findApiTarget } from './find-api.ts';
import { printOrWrite } from './write-output.ts';

export const EXPORT_USAGE = `Usage: sse-studio export <api-file | api-name> --asyncapi 3.0|2.6 [--format yaml|json] [options]

Writes an API's AsyncAPI document, transformed for a profile and version, to stdout or to a file.
The document itself is the source: schemas, messages, examples, headers, bindings and descriptions
pass through; what the target version cannot carry is named in a warning.
  <api-file>   an AsyncAPI 2.x, 3.0 or 3.1 file that SSE Studio accepts (as validate does)
  <api-name>   the name (info.title) of an API in the project folder

Options:
  --format yaml|json             output format (default: the --out file's extension, else the
                                 document's own format)
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
  const args = optionsOrExit(parseExportArgs(argv), 'export', EXPORT_USAGE, out, err, true);
  if (typeof args === 'number') return args;
  const found = await findApiTarget(args.api, args.project, (text, file) => {
    const reading = acceptApiDocument(text, file);
    return reading.ok ? { name: reading.api.name, detail: reading.api.version } : undefined;
  });
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
  if ('readError' in found) return refused([{ path: [], message: found.readError }]);

  const gate = acceptApiDocument(found.text, found.file);
  if (!gate.ok) return refused(gate.problems);
  for (const w of gate.warnings) err(`${shown}:${w.line ?? 1}:${w.column ?? 1}: warning: ${w.message}`);
  // References may reach files inside the project folder (--project, else the document's own folder).
  const projectRoot = path.resolve(args.project);
  const inProject = path.relative(projectRoot, path.resolve(found.file));
  const root = inProject.startsWith('..') || path.isAbsolute(inProject) ? path.dirname(path.resolve(found.file)) : projectRoot;
  const unresolved = await unresolvedExternalRefs(found.text, found.file, root);
  if (unresolved.length) return refused(unresolved);

  let text = found.text;
  if (args.bundle) {
    const bundled = await bundleApiFile(found.file, root);
    if (!bundled.ok) return refused([{ path: [], message: bundled.message }]);
    text = bundled.text;
  }
  const fromDir = path.dirname(found.file);
  const toDir = args.out === undefined ? process.cwd() : path.dirname(path.resolve(args.out));
  const options: ExportOptions = { ...args.options, format: args.options.format ?? outputFormat(args.out, found.text) };
  const result = exportApiDocument(text, found.file, {
    ...options,
    ...(fromDir !== toDir && !args.bundle && hasExternalRefs(gate.data) ? { rewriteExternalRef: (ref: string) => rebaseRef(ref, fromDir, toDir) } : {}),
  });
  if (!result.ok) return refused(result.problems);
  for (const w of result.warnings) err(`${shown}:${w.line ?? 1}:${w.column ?? 1}: warning: ${w.message}`);
  const removed = describeRemoval(result.removed);
  const summary = `AsyncAPI ${options.asyncapi}, ${options.format}, ${options.profile} profile${removed === 'nothing' ? '' : `; removed ${removed}`}${result.action ? `; operations: ${result.action}` : ''}`;
  return printOrWrite('export', result.text, args, summary, out, err);
}

interface ExportArgs {
  api: string;
  /** `format` is left out when not given: it then follows --out or the document. */
  options: Omit<ExportOptions, 'format'> & { format?: ExportOptions['format'] };
  bundle: boolean;
  out?: string;
  force: boolean;
  project: string;
}

function parseExportArgs(argv: string[]): ParsedCommandArgs<ExportArgs> {
  const read = readCommandLine(argv, {
    format: { type: 'string' },
    asyncapi: { type: 'string' },
    profile: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    bundle: { type: 'boolean' },
    project: { type: 'string' },
  });
  if (!read.ok) return read;
  const { values, positionals } = read.parsed;
  if (values.help) return { ok: true, help: true };
  const api = apiPositional(positionals, 'sse-studio export stocks.asyncapi.yaml --format yaml --asyncapi 3.0');
  if (!api.ok) return api;
  const format = values.format === undefined ? undefined : oneOf('--format', values.format, EXPORT_FORMATS);
  const asyncapi = oneOf('--asyncapi', values.asyncapi, EXPORT_VERSIONS);
  const profile = oneOf('--profile', values.profile ?? 'studio', EXPORT_PROFILES);
  for (const choice of [format, asyncapi, profile]) if (typeof choice === 'object') return { ok: false, message: choice.message };
  const outProblem = outFlagsProblem(values);
  if (outProblem) return { ok: false, message: outProblem };
  return {
    ok: true,
    value: {
      api: api.api,
      options: { ...(format !== undefined ? { format } : {}), asyncapi, profile } as ExportArgs['options'],
      bundle: Boolean(values.bundle),
      ...(values.out !== undefined ? { out: values.out } : {}),
      force: Boolean(values.force),
      project: values.project ?? '.',
    },
  };
}

/** Without --format: the --out file's extension decides, else the document keeps its own format. */
function outputFormat(out: string | undefined, sourceText: string): ExportOptions['format'] {
  const extension = out === undefined ? '' : path.extname(out).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return sourceText.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | { message: string } {
  const choices = allowed.join(', ').replace(/, ([^,]*)$/, ' or $1');
  if (value === undefined) return { message: `${flag} is required: ${choices}.` };
  return (allowed as readonly string[]).includes(value) ? (value as T) : { message: `${flag} must be ${choices} (got "${value}").` };
}
