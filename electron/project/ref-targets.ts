import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocProblem } from '../../shared/asyncapi/document-text.ts';
import { isRecord } from '../../shared/asyncapi/plain-data.ts';
import { findRefs } from '../../shared/asyncapi/read-refs.ts';
import { parseApiText } from '../../shared/asyncapi/read-text.ts';

/**
 * Where a document's references into other files may lead: only to regular files inside the
 * project folder (compared by real path, so a symlink cannot lead out), none over 8 MiB, never to
 * a URL (http(s) references are left as they are, never fetched). Checked for every file a
 * reference reaches, before any tool reads them; the bundler's reads go through `readRefTarget` too.
 */
export const MAX_REF_FILE_BYTES = 8 * 1024 * 1024;

export const isUrlRef = (ref: string) => /^https?:/i.test(ref);
const isOtherScheme = (target: string) => /^[a-z][a-z0-9+.-]+:/i.test(target);

/** The file a `$ref` names, or undefined for local (`#...`) and http(s) references. */
export function refTargetFile(ref: string, fromFile: string): string | undefined {
  if (ref.startsWith('#') || isUrlRef(ref)) return undefined;
  const target = ref.split('#')[0] ?? '';
  if (target.toLowerCase().startsWith('file:')) return fileURLToPath(target);
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    // Not percent-encoded: the text is the path.
  }
  return path.resolve(path.dirname(fromFile), decoded);
}

/** Why a reference target may not be read, or undefined when it may (a missing file is left to the resolver's own error). */
export async function refusedTarget(file: string, realRoot: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch {
    return undefined;
  }
  const rel = path.relative(realRoot, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return 'it leads outside the project folder, and SSE Studio reads references only inside it';
  const stat = await fs.stat(real);
  if (!stat.isFile()) return 'it is not a regular file';
  if (stat.size > MAX_REF_FILE_BYTES) return `the file is over ${MAX_REF_FILE_BYTES / 1024 / 1024} MiB`;
  return undefined;
}

/** A referenced file's text, read only when allowed (for the bundler's file reads). */
export async function readRefTarget(file: string, realRoot: string): Promise<string> {
  const refused = await refusedTarget(file, realRoot);
  if (refused) throw new Error(`Cannot read ${path.basename(file)}: ${refused}.`);
  return readBoundedFile(file);
}

/** A file that is not read: not a regular file, or too large. */
export class RefusedFileError extends Error {}

/** A regular file's text, at most 8 MiB (a device or FIFO is refused before it is opened). */
export async function readBoundedFile(file: string): Promise<string> {
  const real = await fs.realpath(file);
  const before = await fs.stat(real);
  if (!before.isFile()) throw new RefusedFileError(`${path.basename(file)} is not a regular file`);
  if (before.size > MAX_REF_FILE_BYTES) throw new RefusedFileError(`${path.basename(file)} is over ${MAX_REF_FILE_BYTES / 1024 / 1024} MiB`);
  const handle = await fs.open(real, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_REF_FILE_BYTES) throw new RefusedFileError(`Cannot read ${path.basename(file)}: not a regular file of at most 8 MiB.`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Every reference that leads (directly or through other referenced files) where it may not, as a
 * problem at the document's own `$ref` (line and column), naming the file and place it went wrong.
 */
export async function refusedExternalRefs(data: unknown, file: string, root: string, locate: (at: DocProblem['path']) => { line: number; column: number } | undefined): Promise<DocProblem[]> {
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
  const visited = new Set<string>();
  const problems: DocProblem[] = [];
  const refusal = async (ref: string, from: string): Promise<string | undefined> => {
    if (ref.startsWith('#') || isUrlRef(ref)) return undefined;
    if (isOtherScheme(ref.split('#')[0] ?? '') && !/^file:/i.test(ref)) return 'only relative file paths and http(s) URLs (not fetched) may be referenced';
    const target = refTargetFile(ref, from);
    if (!target) return undefined;
    const refused = await refusedTarget(target, realRoot);
    if (refused) return refused;
    const real = await fs.realpath(target).catch(() => undefined);
    if (!real || visited.has(real)) return undefined;
    visited.add(real);
    const text = await readRefTarget(real, realRoot);
    const parsed = parseApiText(text, real);
    if (parsed.problems.length || (!isRecord(parsed.data) && !Array.isArray(parsed.data))) return undefined;
    const nested = findRefs(parsed.data);
    for (const { ref: inner, at } of nested) {
      const why = await refusal(inner, real);
      if (!why) continue;
      const where = parsed.locate(at);
      return `${path.relative(realRoot, real).split(path.sep).join('/')}${where ? `:${where.line}:${where.column}` : ''} has $ref "${inner}": ${why}`;
    }
    return undefined;
  };
  visited.add(await fs.realpath(file).catch(() => path.resolve(file)));
  for (const { ref, at } of findRefs(data)) {
    const why = await refusal(ref, file);
    if (!why) continue;
    const where = locate(at);
    problems.push({ path: at, message: `Cannot resolve $ref "${ref}" (relative to ${path.basename(file)}): ${why}. Keep referenced files inside the project folder.`, ...(where ?? {}) });
  }
  return problems;
}
