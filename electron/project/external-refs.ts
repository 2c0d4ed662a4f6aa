import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Parser } from '@asyncapi/parser';
import { stringify } from 'yaml';
import type { DocProblem } from '../../shared/asyncapi/document-text.ts';
import { findRefs } from '../../shared/asyncapi/read-refs.ts';
import { parseApiText } from '../../shared/asyncapi/read-text.ts';
import { dereferenceInsideRoot } from './bundle-refs.ts';
import { readBoundedFile, readRefTarget, RefusedFileError, refusedExternalRefs } from './ref-targets.ts';

/**
 * References into other files (`./schemas.json#/Price`), resolved by the AsyncAPI tools rather than
 * by hand: @asyncapi/parser's resolver says which ones point nowhere, json-schema-ref-parser inlines
 * them (as @asyncapi/bundler would). Only files inside the project are read (ref-targets.ts).
 */

/**
 * SSE Studio never fetches references from the network (tests and CI may only reach localhost, and
 * a document check should not depend on someone else's server): http(s) references resolve to an
 * empty schema here. They are answered before the parser's own http reader is tried.
 */
export const OFFLINE_RESOLVERS = [
  ...(['http', 'https'] as const).map((schema) => ({ schema, order: 1, read: () => '{}' })),
  // The parser's own file reader would read a device (/dev/zero) or a FIFO forever: regular files
  // only, bounded. A refused file reads as an empty schema (an error here would hand it to that
  // reader); refusedExternalRefs reports it at its line and column.
  { schema: 'file' as const, order: 1, read: (uri: { href(): string }) => readBoundedFile(uri.href()).catch((e: unknown) => (e instanceof RefusedFileError ? '{}' : Promise.reject(e as Error))) },
];

let parserInstance: Promise<Parser> | undefined;
export function offlineParser(): Promise<Parser> {
  parserInstance ??= import('@asyncapi/parser').then((m) => new m.Parser({ __unstable: { resolver: { resolvers: OFFLINE_RESOLVERS } } }));
  return parserInstance;
}

/** References into other files (not local `#/...` ones, not http(s) URLs). */
export function hasExternalRefs(data: unknown): boolean {
  return findRefs(data).some(({ ref }) => !ref.startsWith('#') && !/^https?:/i.test(ref));
}

/** Each reference into another file that cannot be resolved, at its line and column. */
export async function unresolvedExternalRefs(text: string, file: string, root = path.dirname(path.resolve(file))): Promise<DocProblem[]> {
  const parsed = parseApiText(text, file);
  if (parsed.problems.length || !hasExternalRefs(parsed.data)) return [];
  // Refused targets (outside the project, not a regular file, too large) are never handed to the parser's reader.
  const refused = await refusedExternalRefs(parsed.data, file, root, parsed.locate);
  if (refused.length) return refused;
  const external = new Map(findRefs(parsed.data).filter(({ ref }) => !ref.startsWith('#') && !/^https?:/i.test(ref)).map(({ ref, at }) => [at.join('\u0000'), { ref, at }]));
  if (!external.size) return [];
  const diagnostics = await (await offlineParser()).validate(text, { source: file });
  const problems: DocProblem[] = [];
  for (const d of diagnostics) {
    if (d.code !== 'invalid-ref') continue;
    const at = d.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const hit = external.get([...at, '$ref'].join('\u0000')) ?? external.get(at.join('\u0000'));
    if (!hit) continue;
    const where = parsed.locate(hit.at);
    problems.push({ path: hit.at, message: `Cannot resolve $ref "${hit.ref}" (relative to ${path.basename(file)}): ${d.message}. Fix the path or the pointer, or keep the file beside the document.`, ...(where ?? {}) });
  }
  return problems;
}

/**
 * The document with every reference into another file inlined (`export --bundle`, the mock), read
 * only from regular files inside `root` (the project folder); http(s) references stay as written.
 */
export async function bundleApiDocument(file: string, root: string): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; message: string }> {
  try {
    const text = await readRefTarget(path.resolve(file), await fs.realpath(root));
    const parsed = parseApiText(text, file);
    if (parsed.problems.length || typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) return { ok: false, message: `Cannot bundle ${path.basename(file)}: ${parsed.problems[0]?.message ?? 'it is not a document'}` };
    const refused = await refusedExternalRefs(parsed.data, file, root, parsed.locate);
    if (refused.length) return { ok: false, message: `Cannot bundle ${path.basename(file)}: ${(refused[0] as DocProblem).message}` };
    return { ok: true, data: await dereferenceInsideRoot(file, parsed.data as Record<string, unknown>, root) };
  } catch (error) {
    return { ok: false, message: `Cannot bundle ${path.basename(file)}: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** The bundled document as text, in the file's own format. */
export async function bundleApiFile(file: string, root: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const bundled = await bundleApiDocument(file, root);
  if (!bundled.ok) return bundled;
  return { ok: true, text: file.toLowerCase().endsWith('.json') ? JSON.stringify(bundled.data, null, 2) + '\n' : stringify(bundled.data, { lineWidth: 0 }) };
}

/** A relative file reference rewritten for a document written in another folder. */
export function rebaseRef(ref: string, fromDir: string, toDir: string): string {
  const [target = '', fragment] = ref.split('#');
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || path.isAbsolute(target) || !target) return ref;
  const moved = path.relative(toDir, path.resolve(fromDir, target)).split(path.sep).join('/');
  return (moved.startsWith('.') ? moved : `./${moved}`) + (fragment !== undefined ? `#${fragment}` : '');
}
