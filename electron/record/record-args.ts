import { headerFlags, httpUrlArg, numberFlag, readCommandLine, type ParsedCommandArgs } from '../cli/command-args.ts';

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

export type ParsedRecordArgs = ParsedCommandArgs<RecordCliOptions>;

export function parseRecordArgs(argv: string[]): ParsedRecordArgs {
  const read = readCommandLine(
    argv,
    {
      events: { type: 'string' },
      seconds: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      header: { type: 'string', short: 'H', multiple: true },
      http2: { type: 'boolean' },
      insecure: { type: 'boolean' },
    },
    { command: 'record' },
  );
  if (!read.ok) return read;
  const { values: v, positionals } = read.parsed;
  if (v.help) return { ok: true, help: true };
  if (positionals.length !== 1) return { ok: false, message: 'Give one SSE URL to record, e.g. "sse-studio record http://127.0.0.1:8080/counter --events 20 --out counter.json".' };
  const url = httpUrlArg(positionals[0] as string);
  if (typeof url === 'string') return { ok: false, message: url };
  if (v.events === undefined && v.seconds === undefined) return { ok: false, message: 'Say when to stop: --events <n> or --seconds <s> (or both: whichever comes first).' };
  if (!v.out) return { ok: false, message: 'Give the file to write with --out, e.g. --out recordings/prices.json.' };
  const events = numberFlag('--events', v.events, undefined, [1, 100_000], true);
  if (typeof events === 'string') return { ok: false, message: events };
  const seconds = numberFlag('--seconds', v.seconds, undefined, [1, 3600], true);
  if (typeof seconds === 'string') return { ok: false, message: seconds };
  const headers = headerFlags(v.header);
  if (typeof headers === 'string') return { ok: false, message: headers };
  return { ok: true, value: { url: url.href, out: v.out, events, seconds, headers, http2: v.http2 === true, insecure: v.insecure === true, force: v.force === true } };
}
