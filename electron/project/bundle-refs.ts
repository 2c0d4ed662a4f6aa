import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord } from '../../shared/asyncapi/plain-data.ts';
import { parseApiText } from '../../shared/asyncapi/read-text.ts';
import { isUrlRef, readRefTarget } from './ref-targets.ts';

/**
 * Inlines a document's references into other files, as @asyncapi/bundler does (the same
 * json-schema-ref-parser settings, the same key order), but without its process.chdir and with
 * every file read through `readRefTarget` (inside the project, regular, bounded) and no network:
 * http(s) references are hidden from the resolver and put back as they were, unresolved.
 */
const HIDDEN_URL_REF = '\u0000sse-studio-url-ref';

// @asyncapi/bundler's AsyncAPI 3 rule: these references stay references (they name, not embed).
const V3_KEPT_REFS = [
  /#\/channels\/.*\/servers/,
  /#\/operations\/.*\/channel/,
  /#\/operations\/.*\/messages/,
  /#\/operations\/.*\/reply\/channel/,
  /#\/operations\/.*\/reply\/messages/,
  /#\/components\/channels\/.*\/servers/,
  /#\/components\/operations\/.*\/channel/,
  /#\/components\/operations\/.*\/messages/,
  /#\/components\/operations\/.*\/reply\/channel/,
  /#\/components\/operations\/.*\/reply\/messages/,
];

export async function dereferenceInsideRoot(file: string, data: Record<string, unknown>, root: string): Promise<Record<string, unknown>> {
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
  const { default: $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const major = Number(String(data.asyncapi ?? '').split('.')[0]);
  const toPath = (url: string) => (/^file:/i.test(url) ? fileURLToPath(url) : url);
  const result: unknown = await $RefParser.dereference(path.resolve(file), hideUrlRefs(structuredClone(data)), {
    resolve: {
      http: false,
      file: false,
      external: true,
      projectFile: {
        order: 1,
        canRead: true,
        read: (f: { url: string }) => readRefTarget(toPath(f.url), realRoot),
      },
    },
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      studio: {
        order: 1,
        canParse: true,
        parse: (f: { url: string; data: unknown }) => {
          const parsed = parseApiText(String(f.data), toPath(f.url));
          if (parsed.problems.length) throw new Error(`${path.basename(toPath(f.url))}: ${parsed.problems[0]?.message ?? 'cannot be read'}`);
          return hideUrlRefs(parsed.data);
        },
      },
    },
    dereference: { circular: false, ...(major === 3 ? { excludedPathMatcher: (p: string) => V3_KEPT_REFS.some((r) => r.test(p)) } : {}) },
  } as never);
  const restored = restoreUrlRefs(result);
  if (!isRecord(restored)) throw new Error('the references resolved to no document');
  const { orderPropsAccToAsyncAPISpec } = (await import('@asyncapi/bundler/lib/util.js')) as unknown as { orderPropsAccToAsyncAPISpec(d: unknown): Record<string, unknown> };
  return orderPropsAccToAsyncAPISpec(restored);
}

function hideUrlRefs<T>(node: T): T {
  walk(node, (o) => {
    if (typeof o.$ref === 'string' && isUrlRef(o.$ref)) {
      o[HIDDEN_URL_REF] = o.$ref;
      delete o.$ref;
    }
  });
  return node;
}

function restoreUrlRefs<T>(node: T): T {
  walk(node, (o) => {
    if (typeof o[HIDDEN_URL_REF] === 'string') {
      o.$ref = o[HIDDEN_URL_REF];
      delete o[HIDDEN_URL_REF];
    }
  });
  return node;
}

function walk(node: unknown, visit: (o: Record<string, unknown>) => void, seen = new Set<unknown>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) node.forEach((v) => walk(v, visit, seen));
  else if (isRecord(node)) {
    visit(node);
    for (const v of Object.values(node)) walk(v, visit, seen);
  }
}
