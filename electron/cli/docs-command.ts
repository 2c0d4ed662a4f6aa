import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readApiText } from '../../shared/asyncapi/import-sse-api.ts';
import { docsGatewayFor } from '../../shared/docs/docs-gateway.ts';
import { docsSourceFromText } from '../../shared/docs/docs-source.ts';
import { renderHtmlDocs } from '../../shared/docs/render-html-docs.ts';
import { APP_VERSION } from '../host/app-version.ts';
import { replaceFileAtomic, writeNewFileAtomic } from '../project/atomic-write.ts';
import { displayPath, findApiFiles, readApiFile } from './api-files.ts';
import { argsErrorMessage } from './command-args.ts';

export const DOCS_USAGE = `Usage: sse-studio docs <api-file | api-name> [--out FILE] [options]

Writes an API's documentation as one self-contained HTML file (inline CSS and script, no network,
opens from disk): gateway URLs per topic, parameters, messages, payload schemas and examples, the
security needed (never a secret), curl and EventSource snippets, how to reconnect. It is made from
the API's clean export: no x- setting and no secret reaches it.
  <api-file>   an AsyncAPI file the import accepts
  <api-name>   the name (info.title) of an API in the project folder

Options:
  --out <file>             write the file (atomically) instead of printing
  --force                  replace --out if it exists
  --gateway-url <url>      the gateway's HTTP base URL in the docs (default http://127.0.0.1:8280, or off)
  --https-url <url>        the gateway's HTTPS base URL in the docs (default https://127.0.0.1:8243, or off)
  --project <folder>       where to look for <api-name> (default: the current folder)
  -h, --help               show this help

Exit status: 0 written, 1 the API could not be read or written, 2 bad arguments.`;

type Out = (line: string) => void;

interface DocsArgs {
  api: string;
  out?: string;
  force: boolean;
  project: string;
  http: string | null;
  https: string | null;
}

export async function runDocs(argv: string[], out: Out, err: Out): Promise<number> {
  const args = parseDocsArgs(argv);
  if ('message' in args) {
    err(`sse-studio docs: ${args.message} See "sse-studio docs --help".`);
    return 2;
  }
  if ('help' in args) {
    out(DOCS_USAGE);
    return 0;
  }
  const found = await findApiText(args.api, args.project);
  if ('usage' in found) {
    err(`sse-studio docs: ${found.usage}`);
    return 2;
  }
  if ('error' in found) {
    err(`sse-studio docs: ${found.error}`);
    return 1;
  }
  const source = docsSourceFromText(found.text, found.file);
  if (!source.ok) {
    for (const p of source.problems) err(`${displayPath(found.file)}:${p.line ?? 1}:${p.column ?? 1}: error: ${p.message}`);
    err(`sse-studio docs: ${displayPath(found.file)} is not an SSE API: fix the errors above.`);
    return 1;
  }
  for (const w of source.warnings) err(`${displayPath(found.file)}:${w.line ?? 1}:${w.column ?? 1}: warning: ${w.message}`);
  const html = renderHtmlDocs(source.cleanDocument, docsGatewayFor(source.api, { http: args.http, https: args.https }), { generator: `SSE Studio ${APP_VERSION}` });
  if (args.out === undefined) {
    out(html.replace(/\n$/, ''));
    return 0;
  }
  return writeOut(args.out, html, args.force, out, err);
}

function parseDocsArgs(argv: string[]): DocsArgs | { help: true } | { message: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean' },
        project: { type: 'string' },
        'gateway-url': { type: 'string' },
        'https-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { message: argsErrorMessage(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) return { message: positionals.length ? `Give one API file or name, not ${positionals.length} (${positionals.join(', ')}).` : 'Give an AsyncAPI file or the name of an API in the project, e.g. "sse-studio docs stocks.asyncapi.yaml --out stocks.html".' };
  if (values.force && values.out === undefined) return { message: '--force only applies with --out <file>.' };
  if (values.out !== undefined && !values.out.trim()) return { message: '--out needs a file name.' };
  const http = baseUrl('--gateway-url', values['gateway-url'] ?? 'http://127.0.0.1:8280', 'http:');
  const https = baseUrl('--https-url', values['https-url'] ?? 'https://127.0.0.1:8243', 'https:');
  for (const u of [http, https]) if (typeof u === 'object' && u !== null) return u;
  return {
    api: positionals[0] as string,
    ...(values.out !== undefined ? { out: values.out } : {}),
    force: Boolean(values.force),
    project: values.project ?? '.',
    http: http as string | null,
    https: https as string | null,
  };
}

function baseUrl(flag: string, value: string, protocol: 'http:' | 'https:'): string | null | { message: string } {
  if (value === 'off') return null;
  try {
    const url = new URL(value);
    if (url.protocol === protocol && !url.search && !url.hash) return value.replace(/\/+$/, '');
  } catch {
    // fall through to the message
  }
  return { message: `${flag} must be a ${protocol.slice(0, -1)} URL without query, e.g. ${protocol}//127.0.0.1:${protocol === 'http:' ? 8280 : 8243}, or off (got "${value}").` };
}

type Found = { file: string; text: string } | { error: string } | { usage: string };

/** A path to a document, else the name of an API in the project folder. */
async function findApiText(target: string, project: string): Promise<Found> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) return { usage: `${target} is a folder: give an AsyncAPI file, or an API name with --project ${target}.` };
  if (stat?.isFile()) {
    const entry = await readApiFile(path.resolve(target));
    return entry.text === undefined ? { error: `${displayPath(entry.file)}: ${entry.error ?? 'cannot read the file.'}` } : { file: entry.file, text: entry.text };
  }
  if (/[\\/]|\.(ya?ml|json)$/i.test(target)) return { usage: `${target}: no such file.` };
  const projectStat = await fs.stat(project).catch(() => undefined);
  if (!projectStat?.isDirectory()) return { usage: `--project ${project}: no such folder.` };
  const apis: Array<{ file: string; text: string; name: string }> = [];
  for (const entry of await findApiFiles(path.resolve(project))) {
    if (entry.text === undefined) continue;
    const reading = readApiText(entry.text, entry.file, { fallbackEndpoint: false });
    if (reading.ok) apis.push({ file: entry.file, text: entry.text, name: reading.api.name });
  }
  const exact = apis.filter((a) => a.name === target);
  const matches = exact.length ? exact : apis.filter((a) => a.name.toLowerCase() === target.toLowerCase());
  if (matches.length === 1) return matches[0] as { file: string; text: string };
  if (matches.length > 1) return { usage: `"${target}" names ${matches.length} APIs (${matches.map((m) => displayPath(m.file)).join(', ')}): give the file instead.` };
  return { usage: `There is no API named "${target}" in ${project}${apis.length ? ` (APIs: ${apis.map((a) => a.name).join(', ')})` : ' (it has no readable APIs)'}. Give an API name or an AsyncAPI file.` };
}

async function writeOut(target: string, html: string, force: boolean, out: Out, err: Out): Promise<number> {
  const file = path.resolve(target);
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists && !force) {
    err(`sse-studio docs: ${target} already exists: add --force to replace it.`);
    return 1;
  }
  try {
    if (exists) await replaceFileAtomic(file, html);
    else await writeNewFileAtomic(file, html);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(`sse-studio docs: ${code === 'EEXIST' ? `${target} already exists: add --force to replace it.` : `cannot write ${target} (${code ?? (error as Error).message}).`}`);
    return 1;
  }
  out(`Wrote ${displayPath(file)} (HTML docs, ${Math.ceil(Buffer.byteLength(html) / 1024)} KB, no network needed).`);
  return 0;
}
