import { promises as fs } from 'node:fs';
import path from 'node:path';
import { replaceFileAtomic, writeNewFileAtomic } from '../project/atomic-write.ts';

/**
 * Writes the --out file of export and docs: refuses an existing file without --force, and goes
 * through a temp file + rename (or link, which refuses an existing name), so a reader never sees
 * half a file. The absolute path written, or undefined after saying why not as `sse-studio <command>: ...`.
 */
export async function writeOutputFile(command: string, target: string, text: string, force: boolean, err: (line: string) => void): Promise<string | undefined> {
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
