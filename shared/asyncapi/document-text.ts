import { LineCounter, parseDocument, isCollection, isMap, isNode, isScalar, type Document } from 'yaml';

/** A problem in a document, placed where the user can find it (1-based line and column). */
export interface DocProblem {
  message: string;
  /** Path inside the document, e.g. ['servers', 'production', 'url']. */
  path: Array<string | number>;
  line?: number;
  column?: number;
}

export interface ParsedText {
  data: unknown;
  problems: DocProblem[];
  /**
   * 1-based position of the node at `path` (or of its nearest existing parent): a scalar's value,
   * or a mapping's / list's key (`channels:` rather than the first line under it).
   */
  locate(path: Array<string | number>): { line: number; column: number } | undefined;
}

/** Parses YAML or JSON (JSON is YAML) keeping positions, so later problems can name a line. */
export function parseDocumentText(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: DocProblem[] = doc.errors.map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return { message: e.message.split('\n')[0] ?? e.message, path: [], line: pos.line, column: pos.col };
  });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const locate = (path: Array<string | number>) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (!isNode(node) || !node.range) continue;
      const key = isCollection(node) && n > 0 ? keyNode(doc, path.slice(0, n)) : undefined;
      return at(key?.range?.[0] ?? node.range[0]);
    }
    return undefined;
  };
  return { data: problems.length ? undefined : doc.toJS({ maxAliasCount: 100 }), problems, locate };
}

/** The key node of the pair at `path`, when its parent is a mapping. */
function keyNode(doc: Document, path: Array<string | number>) {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
  return isNode(pair?.key) ? pair.key : undefined;
}
