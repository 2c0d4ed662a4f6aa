import { parseArgs } from 'node:util';
import { argsErrorMessage } from '../cli/command-args.ts';

/** `sse-studio record` options, parsed without side effects. */
export interface RecordCliOptions {
  url: string;
  out: string;
  events: number | undefined;
  seconds: number | undefined;
  headers: Record<string, string>;
  http2: boolean;
  insecure: boolean;
  force: boolean;
}

export const RECORD_USAGE = `Usage: sse-studio record <SSE URL> (--events <n> | --seconds <s>) --out <file> [options]

Records a live SSE stream (event names, ids, data and timing) into a file the project's mock can
play offline: put the file beside your AsyncAPI document and set on the topic's channel
  x-mock: { scenario: recorded, file: <file>, timing: original }   # or timing: rate
The recording stops by itself after --events events or --seconds seconds, whichever comes first.

Options:
  --events <n>        stop after n events (1 to 100000)
  --seconds <s>       stop after s seconds (1 to 3600)
  --out <file>        the recording to write (JSON)
  --force             replace --out if it exists
  -H, --header <h>    a request header "Name: value" (repeatable)
  --http2             connect over HTTP/2 (h2 for https:, h2c for http:)
  --insecure          accept any TLS certificate (self-signed servers)
  -h, --help          show this help

Exit status: 0 recorded, 1 the stream could not be recorded, 2 usage errors.`;

export type ParsedRecordArgs = { ok: true; value: RecordCliOptions } | { ok: true; help: true } | { ok: false; message: string };

export function parseRecordArgs(argv: string[]): ParsedRecordArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        events: { type: 'string' },
        seconds: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        header: { type: 'string', short: 'H', multiple: true },
        http2: { type: 'boolean' },
        insecure: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return { ok: false, message: argsErrorMessage(err, 'record') };
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { ok: true, help: true };
  if (positionals.length !== 1) return { ok: false, message: 'Give one SSE URL to record, e.g. "sse-studio record http://127.0.0.1:8080/counter --events 20 --out counter.json".' };
  let url: URL;
  try {
    url = new URL(positionals[0] as string);
  } catch {
    return { ok: false, message: `"${positionals[0]}" is not a URL: give http://host:port/path or https://...` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `The URL must be http: or https:, not ${url.protocol}` };
  if (v.events === undefined && v.seconds === undefined) return { ok: false, message: 'Say when to stop: --events <n> or --seconds <s> (or both: whichever comes first).' };
  if (!v.out) return { ok: false, message: 'Give the file to write with --out, e.g. --out recordings/prices.json.' };
  const events = v.events === undefined ? undefined : whole('--events', v.events, 1, 100_000);
  if (typeof events === 'string') return { ok: false, message: events };
  const seconds = v.seconds === undefined ? undefined : whole('--seconds', v.seconds, 1, 3600);
  if (typeof seconds === 'string') return { ok: false, message: seconds };
  const headers: Record<string, string> = {};
  for (const h of v.header ?? []) {
    const colon = h.indexOf(':');
    const name = colon > 0 ? h.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { ok: false, message: `--header "${h}" must look like "Name: value".` };
    headers[name.toLowerCase()] = h.slice(colon + 1).trim();
  }
  return { ok: true, value: { url: url.href, out: v.out, events, seconds, headers, http2: v.http2 === true, insecure: v.insecure === true, force: v.force === true } };
}

function whole(flag: string, raw: string, min: number, max: number): number | string {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) return `${flag} must be a whole number from ${min} to ${max} (got "${raw}").`;
  return value;
}
