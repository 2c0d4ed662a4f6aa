import { readApiText } from '../../shared/asyncapi/import-sse-api.ts';
import { docsGatewayFor } from '../../shared/docs/docs-gateway.ts';
import { docsSourceFromText } from '../../shared/docs/docs-source.ts';
import { renderHtmlDocs } from '../../shared/docs/render-html-docs.ts';
import { APP_VERSION } from '../host/app-version.ts';
import { displayPath } from './api-files.ts';
import { apiPositional, optionsOrExit, outFlagsProblem, readCommandLine, type ParsedCommandArgs } from './command-args.ts';
import { findApiTarget } from './find-api.ts';
import { printOrWrite } from './write-output.ts';

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
  const args = optionsOrExit(parseDocsArgs(argv), 'docs', DOCS_USAGE, out, err, true);
  if (typeof args === 'number') return args;
  const found = await findApiTarget(args.api, args.project, (text, file) => {
    const reading = readApiText(text, file, { fallbackEndpoint: false });
    return reading.ok ? { name: reading.api.name } : undefined;
  });
  if ('usage' in found) {
    err(`sse-studio docs: ${found.usage}`);
    return 2;
  }
  if ('readError' in found) {
    err(`sse-studio docs: ${displayPath(found.file)}: ${found.readError}`);
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
  return printOrWrite('docs', html, args, `HTML docs, ${Math.ceil(Buffer.byteLength(html) / 1024)} KB, no network needed`, out, err);
}

function parseDocsArgs(argv: string[]): ParsedCommandArgs<DocsArgs> {
  const read = readCommandLine(argv, {
    out: { type: 'string' },
    force: { type: 'boolean' },
    project: { type: 'string' },
    'gateway-url': { type: 'string' },
    'https-url': { type: 'string' },
  });
  if (!read.ok) return read;
  const { values, positionals } = read.parsed;
  if (values.help) return { ok: true, help: true };
  const api = apiPositional(positionals, 'sse-studio docs stocks.asyncapi.yaml --out stocks.html');
  if (!api.ok) return api;
  const outProblem = outFlagsProblem(values);
  if (outProblem) return { ok: false, message: outProblem };
  const http = baseUrl('--gateway-url', values['gateway-url'] ?? 'http://127.0.0.1:8280', 'http:');
  const https = baseUrl('--https-url', values['https-url'] ?? 'https://127.0.0.1:8243', 'https:');
  for (const u of [http, https]) if (typeof u === 'object' && u !== null) return { ok: false, message: u.message };
  return {
    ok: true,
    value: {
      api: api.api,
      ...(values.out !== undefined ? { out: values.out } : {}),
      force: Boolean(values.force),
      project: values.project ?? '.',
      http: http as string | null,
      https: https as string | null,
    },
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
