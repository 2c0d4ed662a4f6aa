import { headerFlags, httpUrlArg, numberFlag, readCommandLine, type ParsedCommandArgs } from '../cli/command-args.ts';
import type { ServerCheckOptions } from './types.ts';

/** `sse-studio check --url` options, parsed without side effects so every mistake gets one clear line. */
export interface ServerCheckCliOptions extends ServerCheckOptions {
  json: boolean;
  junit: string | undefined;
}

export const SERVER_CHECK_DEFAULTS = { durationSeconds: 30, drops: 5 } as const;

export const SERVER_CHECK_USAGE = `Usage: sse-studio check --url <SSE URL> [options]

Runs a bounded conformance suite against any SSE endpoint (yours, or a gateway in front of it):
response headers, unbuffered delivery, framing, ids, resume with Last-Event-ID after forced drops
(judged against a second, undisturbed connection), retry, keep-alive, HTTP/2, CORS, stop (204).
Each check is PASS, WARN, FAIL or UNKNOWN with its evidence. Requests go only to the URL's host
(and --allow-host ones), and the run stops by itself after --duration.

Options:
  --url <url>             the event stream (http: or https:)
  -H, --header <h>        a request header "Name: value" (repeatable)
  --auth <user:password>  HTTP Basic credentials
  --bearer <token>        Authorization: Bearer <token>
  --http2                 connect over HTTP/2 (h2 for https:, h2c with prior knowledge for http:)
  --insecure              accept any TLS certificate (self-signed servers)
  --duration <s>          how long the run watches the stream (default ${SERVER_CHECK_DEFAULTS.durationSeconds}, 2 to 3600)
  --drops <n>             forced client drops for the resume check (default ${SERVER_CHECK_DEFAULTS.drops}, 1 to 100)
  --origin <origin>       check CORS for a page at this origin
  --allow-host <host>     another host the check may contact, e.g. after a redirect (repeatable)
  --json                  print the report as JSON on stdout (progress goes to stderr)
  --junit <file>          also write the checks as a JUnit XML file (for CI)
  -h, --help              show this help

Exit status: 0 when no check fails, 1 when one does, 2 usage errors.`;

export type ParsedServerCheckArgs = ParsedCommandArgs<ServerCheckCliOptions>;

export function parseServerCheckArgs(argv: string[]): ParsedServerCheckArgs {
  const read = readCommandLine(
    argv,
    {
      url: { type: 'string' },
      header: { type: 'string', short: 'H', multiple: true },
      auth: { type: 'string' },
      bearer: { type: 'string' },
      http2: { type: 'boolean' },
      insecure: { type: 'boolean' },
      duration: { type: 'string' },
      drops: { type: 'string' },
      origin: { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      json: { type: 'boolean' },
      junit: { type: 'string' },
    },
    { command: 'check', positionals: false },
  );
  if (!read.ok) return read;
  const v = read.parsed.values;
  if (v.help) return { ok: true, help: true };
  if (!v.url) return { ok: false, message: 'Give the event stream to check with --url, e.g. --url http://127.0.0.1:8080/counter.' };
  const url = httpUrlArg(v.url, '--url');
  if (typeof url === 'string') return { ok: false, message: url };
  const headers = headerFlags(v.header);
  if (typeof headers === 'string') return { ok: false, message: headers };
  if (v.auth !== undefined) {
    if (!v.auth.includes(':')) return { ok: false, message: '--auth must be user:password.' };
    headers.authorization = `Basic ${Buffer.from(v.auth).toString('base64')}`;
  }
  if (v.bearer !== undefined) headers.authorization = `Bearer ${v.bearer}`;
  const durationSeconds = numberFlag('--duration', v.duration, SERVER_CHECK_DEFAULTS.durationSeconds, [2, 3600], false);
  if (typeof durationSeconds === 'string') return { ok: false, message: durationSeconds };
  const drops = numberFlag('--drops', v.drops, SERVER_CHECK_DEFAULTS.drops, [1, 100], true);
  if (typeof drops === 'string') return { ok: false, message: drops };
  let origin: string | undefined;
  if (v.origin !== undefined) {
    try {
      origin = new URL(v.origin).origin;
    } catch {
      return { ok: false, message: `--origin "${v.origin}" is not an origin: give e.g. https://app.example.com` };
    }
  }
  return {
    ok: true,
    value: {
      url: url.href,
      headers,
      http2: v.http2 === true,
      insecure: v.insecure === true,
      durationSeconds,
      drops,
      origin,
      allowHosts: v['allow-host'] ?? [],
      json: v.json === true,
      junit: v.junit,
    },
  };
}
