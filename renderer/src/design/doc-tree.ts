import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { keepUntouchedLines } from './keep-untouched-lines.ts';

export type DocPath = Array<string | number>;

/**
 * One way to change an AsyncAPI document's text, whether it is YAML or JSON: read, set and delete
 * at a path, rename a mapping key in place, then print. YAML goes through the `yaml` library's
 * Document (comments, key order, quoting and blank lines are kept); JSON has no comments, so it is
 * edited as data and printed with the indentation it had.
 */
export interface DocTree {
  readonly format: 'yaml' | 'json';
  get(path: DocPath): unknown;
  has(path: DocPath): boolean;
  /** Sets a value; an existing scalar keeps its comments and quoting style. */
  set(path: DocPath, value: unknown): void;
  delete(path: DocPath): void;
  /** Renames the key `from` of the mapping at `path` to `to`, keeping its place and its value. */
  renameKey(path: DocPath, from: string, to: string): void;
  /** The whole document as plain data (for reading its structure). */
  data(): unknown;
  toString(): string;
}

export function openTree(text: string, format: 'yaml' | 'json'): DocTree {
  return format === 'json' ? jsonTree(text) : yamlTree(text);
}

function yamlTree(text: string): DocTree {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const style = yamlStyle(text);
  // The document as the printer writes it before any edit (printed now: cheaper than a clone):
  // lines an edit does not change are then taken from `text` as the author wrote them.
  const printedBefore = doc.errors.length ? '' : printYaml(doc, style);
  return {
    format: 'yaml',
    get: (path) => plain(doc.getIn(path)),
    has: (path) => doc.hasIn(path),
    set(path, value) {
      const node = doc.getIn(path, true);
      if (isScalar(node) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
        node.value = value;
        return;
      }
      doc.setIn(path, doc.createNode(value));
    },
    delete(path) {
      if (doc.hasIn(path)) doc.deleteIn(path);
    },
    renameKey(path, from, to) {
      const parent = path.length ? doc.getIn(path, true) : doc.contents;
      if (!isMap(parent)) return;
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === from);
      if (!pair) return;
      if (isScalar(pair.key)) pair.key.value = to;
      else pair.key = doc.createNode(to);
    },
    data: () => doc.toJS({ maxAliasCount: 100 }),
    toString: () => keepUntouchedLines(text, printedBefore, printYaml(doc, style)),
  };
}

function plain(value: unknown): unknown {
  return value && typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
}

interface YamlStyle {
  indent: number;
  indentSeq: boolean;
  /** New quoted strings follow the quotes the author used most. */
  singleQuote: boolean;
}

/** The indentation the author used: width of the first indented line, and whether `- ` items are indented under their key. */
export function yamlStyle(text: string): YamlStyle {
  const firstIndent = /^[^\s#][^\n]*:\s*\n( +)\S/m.exec(text);
  const indent = firstIndent?.[1]?.length ?? 2;
  const seq = /^( *)[^\s#-][^\n]*:\s*\n( *)- /m.exec(text);
  const indentSeq = seq ? (seq[2]?.length ?? 0) > (seq[1]?.length ?? 0) : true;
  const singles = text.match(/: '/g)?.length ?? 0;
  const doubles = text.match(/: "/g)?.length ?? 0;
  return { indent: indent >= 1 && indent <= 8 ? indent : 2, indentSeq, singleQuote: singles > doubles };
}

function printYaml(doc: Document, style: YamlStyle): string {
  // lineWidth 0: never fold a long line the author wrote on one line.
  return doc.toString({ indent: style.indent, indentSeq: style.indentSeq, singleQuote: style.singleQuote, lineWidth: 0, minContentWidth: 0 });
}

function jsonTree(text: string): DocTree {
  const data: unknown = JSON.parse(text);
  const indent = /^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const trailingNewline = text.endsWith('\n');
  const print = (value: unknown) => JSON.stringify(value, null, indent) + (trailingNewline ? '\n' : '');
  const printedBefore = print(data);
  const root = { value: data };
  const parentOf = (path: DocPath, create: boolean): Record<string | number, unknown> | undefined => {
    let node: unknown = root.value;
    for (const key of path.slice(0, -1)) {
      const container = node as Record<string | number, unknown>;
      if (typeof node !== 'object' || node === null) return undefined;
      if (container[key] === undefined || container[key] === null || typeof container[key] !== 'object') {
        if (!create) return undefined;
        container[key] = {};
      }
      node = container[key];
    }
    return typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>) : undefined;
  };
  const get = (path: DocPath): unknown => {
    let node: unknown = root.value;
    for (const key of path) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string | number, unknown>)[key];
    }
    return node;
  };
  return {
    format: 'json',
    get,
    has: (path) => get(path) !== undefined,
    set(path, value) {
      if (path.length === 0) return;
      const parent = parentOf(path, true);
      if (parent) parent[path[path.length - 1] as string] = value;
    },
    delete(path) {
      const parent = parentOf(path, false);
      const key = path[path.length - 1];
      if (!parent || key === undefined) return;
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete parent[key];
    },
    renameKey(path, from, to) {
      const target = path.length ? get(path) : root.value;
      if (typeof target !== 'object' || target === null || Array.isArray(target) || !(from in target)) return;
      // Rebuild the object so the renamed key keeps its place.
      const entries = Object.entries(target as Record<string, unknown>).map(([k, v]): [string, unknown] => [k === from ? to : k, v]);
      for (const k of Object.keys(target)) delete (target as Record<string, unknown>)[k];
      Object.assign(target, Object.fromEntries(entries));
    },
    data: () => root.value,
    toString: () => keepUntouchedLines(text, printedBefore, print(root.value)),
  };
}

