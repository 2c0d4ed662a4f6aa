import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * What every `sse-studio <command>` says about its arguments, in one place: node:util parseArgs
 * errors as one line with a pointer to --help, the single project path serve and check take, and
 * the flags several commands share (numbers with a range, headers, URLs, --out/--force).
 */
export function argsErrorMessage(error: unknown, command?: string): string {
  const message = (error as Error).message.replace(/\. To specify.*$/s, '.');
  return command ? `${message} See "sse-studio ${command} --help".` : message;
}

/** What a command's argument parser gives back: its options, a request for help, or one line saying what is wrong. */
export type ParsedCommandArgs<T> = { ok: true; value: T } | { ok: true; help: true } | { ok: false; message: string };

type Out = (line: string) => void;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/** node:util does not export the type of parseArgs' options table. */
type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

type CommandLine<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof HELP; strict: true; allowPositionals: true }>>;

/**
 * node:util parseArgs, strict, with -h/--help added to options and its error as one line (see
 * argsErrorMessage; command adds the pointer to --help) instead of a throw. Positionals are
 * allowed unless positionals is false.
 */
export function readCommandLine<O extends ParseArgsOptionsConfig>(argv: string[], options: O, how: { command?: string; positionals?: boolean } = {}): { ok: true; parsed: CommandLine<O> } | { ok: false; message: string } {
  try {
    return { ok: true, parsed: parseArgs({ args: argv, options: { ...options, ...HELP }, strict: true, allowPositionals: how.positionals ?? true }) as CommandLine<O> };
  } catch (error) {
    return { ok: false, message: argsErrorMessage(error, how.command) };
  }
}

/**
 * The options when the command has work to do; otherwise it printed the usage (exit 0) or the
 * argument error as `sse-studio <command>: ...` (exit 2) and this is the exit code.
 * seeHelp adds the pointer to --help to every error, not only to parseArgs' own.
 */
export function optionsOrExit<T extends object>(parsed: ParsedCommandArgs<T>, command: string, usage: string, out: Out, err: Out, seeHelp = false): T | number {
  if (!parsed.ok) {
    err(`sse-studio ${command}: ${parsed.message}${seeHelp ? ` See "sse-studio ${command} --help".` : ''}`);
    return 2;
  }
  if ('help' in parsed) {
    out(usage);
    return 0;
  }
  return parsed.value;
}

/** The one project folder or file a command works on, or the message saying what to give. */
export function projectPositional(positionals: string[], command: string): { ok: true; project: string } | { ok: false; message: string } {
  if (positionals.length === 0) return { ok: false, message: `Give a project folder or an AsyncAPI file to ${command}, e.g. "sse-studio ${command} examples/stock-ticker".` };
  if (positionals.length > 1) return { ok: false, message: `Give one project folder or file, not ${positionals.length} (${positionals.join(', ')}).` };
  return { ok: true, project: positionals[0] as string };
}

/** The one API file or API name export and docs work on; example is a whole command line to show. */
export function apiPositional(positionals: string[], example: string): { ok: true; api: string } | { ok: false; message: string } {
  if (positionals.length === 0) return { ok: false, message: `Give an AsyncAPI file or the name of an API in the project, e.g. "${example}".` };
  if (positionals.length > 1) return { ok: false, message: `Give one API file or name, not ${positionals.length} (${positionals.join(', ')}).` };
  return { ok: true, api: positionals[0] as string };
}

/** A numeric flag within [min, max] (whole when integer), the fallback when it is not given, or the message saying what it must be. */
export function numberFlag<F extends number | undefined>(flag: string, raw: string | undefined, fallback: F, [min, max]: readonly [number, number], integer: boolean): number | F | string {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    return `${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got "${raw}").`;
  }
  return value;
}

/** Repeated -H "Name: value" flags as lower-case header names, or the message about the first malformed one. */
export function headerFlags(list: string[] | undefined): Record<string, string> | string {
  const headers: Record<string, string> = {};
  for (const h of list ?? []) {
    const colon = h.indexOf(':');
    const name = colon > 0 ? h.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return `--header "${h}" must look like "Name: value".`;
    headers[name.toLowerCase()] = h.slice(colon + 1).trim();
  }
  return headers;
}

/** An http: or https: URL to connect to, or the message; flag names where it came from (none for a positional). */
export function httpUrlArg(raw: string, flag?: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${flag ? `${flag} ` : ''}"${raw}" is not a URL: give http://host:port/path or https://...`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${flag ?? 'The URL'} must be http: or https:, not ${url.protocol}`;
  return url;
}

/** What is wrong with --out/--force of a command that prints unless told to write a file, if anything. */
export function outFlagsProblem(values: { out?: string | undefined; force?: boolean | undefined }): string | undefined {
  if (values.force && values.out === undefined) return '--force only applies with --out <file>.';
  if (values.out !== undefined && !values.out.trim()) return '--out needs a file name.';
  return undefined;
}
