import { promises as fs } from 'node:fs';
import path from 'node:path';
import { replaceFileAtomic, writeNewFileAtomic } from '../project/atomic-write.ts';
import { displayPath } from './api-files.ts';

/**
 * The end of export and docs: the text on stdout, or with --out written to that file and
 * `Wrote <file> (<summary>).` said. The exit code: 0, or 1 when the file was not written.
 */
export async function printOrWrite(command: string, text: string, to: { out?: string; force: boolean }, summary: string, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  if (to.out === undefined) {
    out(text.replace(/\n$/, ''));
    return 0;
  }
  const file = await writeOutputFile(command, to.out, text, to.force, err);
  if (file === undefined) return 1;
  out(`Wrote ${displayPath(file)} (${summary}).`);
  return 0;
}

/**
 * Writes the --out file of export and docs: refuses an existing file without --force, and goes
 * through a temp file + rename (or link, which refuses an existing name), so a reader never sees
 * half a file. The absolute path written, or undefined after saying why not as `sse-studio <command>: ...`.
 */
async function writeOutputFile(command: string, target: string, text: string, force: boolean, err: (line: string) => void): Promise<string | undefined> {
  const file = path.resolve(target);
  const exists = await fs.stat(file).then(() => true, () => false);
  if (exists && !force) {
    err(`sse-studio ${command}: ${target} already exists: add --force to replace it.`);
    return undefined;
  }
  try {
    if (exists) await replaceFileAtomic(file, text);
    else await writeNewFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(`sse-studio ${command}: ${code === 'EEXIST' ? `${target} already exists: add --force to replace it.` : `cannot write ${target} (${code ?? (error as Error).message}).`}`);
    return undefined;
  }
  return file;
}
