import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a new file atomically and never over an existing one: the text goes to a temp file in the
 * same folder, is flushed to disk, then hard-linked into place (link fails with EEXIST if the name
 * is taken, atomically) and the temp name removed. A crash leaves either no file or the whole file.
 */
export async function writeNewFileAtomic(target: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, target);
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

/**
 * Replaces a file atomically: readers see the old text or the new text, never a mix, and a crash
 * leaves the old file in place. Keeps the file's mode.
 */
export async function replaceFileAtomic(target: string, text: string): Promise<void> {
  const mode = (await fs.stat(target).catch(() => undefined))?.mode ?? 0o644;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', mode & 0o777);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.unlink(temp).catch(() => undefined);
    throw err;
  }
}
