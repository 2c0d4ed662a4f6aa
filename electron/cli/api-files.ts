import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The AsyncAPI documents of a project folder, found the way the project loader finds them:
 * .yaml/.yml/.json files up to four folders deep, skipping hidden folders and build output, that
 * have an `asyncapi:` key (package.json and CI files are not ours).
 */
export interface ApiFile {
  /** Absolute path. */
  file: string;
  text?: string;
  /** Why the file could not be read. */
  error?: string;
}

const API_FILE = /\.(ya?ml|json)$/i;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build']);
const MAX_DEPTH = 4;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const LOOKS_LIKE_ASYNCAPI = /^\s*["']?asyncapi["']?\s*:/m;

export async function findApiFiles(root: string): Promise<ApiFile[]> {
  const found: ApiFile[] = [];
  for (const file of await candidates(root, 0)) {
    const read = await readApiFile(file);
    if (read.error || LOOKS_LIKE_ASYNCAPI.test(read.text ?? '')) found.push(read);
  }
  return found;
}

/** Reads one file, refusing ones too big to be a hand-written document. */
export async function readApiFile(file: string): Promise<ApiFile> {
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_FILE_BYTES) return { file, error: `The file is ${Math.round(stat.size / 1024 / 1024)} MB; AsyncAPI documents over 5 MB are not read.` };
    return { file, text: await fs.readFile(file, 'utf8') };
  } catch (err) {
    return { file, error: `Cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).` };
  }
}

async function candidates(dir: string, depth: number): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH && !SKIP_DIRS.has(entry.name)) files.push(...(await candidates(full, depth + 1)));
    else if (entry.isFile() && API_FILE.test(entry.name)) files.push(full);
  }
  return files;
}

/** How the CLI names a file: relative to the current folder, with forward slashes. */
export function displayPath(file: string): string {
  return (path.relative(process.cwd(), file) || path.basename(file)).split(path.sep).join('/');
}
