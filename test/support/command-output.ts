/** A `sse-studio <command>` entry point, called in-process as electron/cli.ts calls it. */
export type CommandRun = (argv: string[], out: (line: string) => void, err: (line: string) => void) => Promise<number>;

/** Runs a command in-process and collects the lines it printed on each stream. */
export async function runCommand(run: CommandRun, argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await run(argv, (l) => stdout.push(l), (l) => stderr.push(l));
  return { code, stdout, stderr };
}
