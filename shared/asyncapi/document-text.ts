import { LineCounter, parseDocument, isNode } from 'yaml';

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
  /** 1-based position of the node at `path` (or of its nearest existing parent). */
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
  const locate = (path: Array<string | number>) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  return { data: problems.length ? undefined : doc.toJS({ maxAliasCount: 100 }), problems, locate };
}
