/**
 * What every `sse-studio <command>` says about its arguments, in one place: node:util parseArgs
 * errors as one line with a pointer to --help, and the single project path serve and check take.
 */
export function argsErrorMessage(error: unknown, command?: string): string {
  const message = (error as Error).message.replace(/\. To specify.*$/s, '.');
  return command ? `${message} See "sse-studio ${command} --help".` : message;
}

/** The one project folder or file a command works on, or the message saying what to give. */
export function projectPositional(positionals: string[], command: string): { ok: true; project: string } | { ok: false; message: string } {
  if (positionals.length === 0) return { ok: false, message: `Give a project folder or an AsyncAPI file to ${command}, e.g. "sse-studio ${command} examples/stock-ticker".` };
  if (positionals.length > 1) return { ok: false, message: `Give one project folder or file, not ${positionals.length} (${positionals.join(', ')}).` };
  return { ok: true, project: positionals[0] as string };
}
