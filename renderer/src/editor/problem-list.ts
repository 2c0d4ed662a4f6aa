import type { EditorProblem } from './validation-protocol.ts';

/** A row of the problems list: one marker, wherever it came from. */
export interface ProblemRow {
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  source: string;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;
/** When two sources report the same spot, the one that says more about SSE/AsyncAPI stays. */
const SOURCE_RANK: Record<string, number> = { syntax: 0, 'sse-api': 1, asyncapi: 2, yaml: 3, json: 3 };

/**
 * Problems from every source (our SSE reading, @asyncapi/parser, the YAML/JSON language service),
 * sorted by position, errors first at a spot, and without the duplicates two sources give for one
 * syntax error.
 */
export function problemRows(problems: ProblemRow[]): ProblemRow[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column || (SOURCE_RANK[a.source] ?? 9) - (SOURCE_RANK[b.source] ?? 9) || RANK[a.severity] - RANK[b.severity]);
  const seen = new Set<string>();
  const rows: ProblemRow[] = [];
  for (const p of sorted) {
    const spot = `${p.line}:${p.column}:${p.severity}`;
    const same = `${spot}:${p.message}`;
    // The YAML/JSON language service repeats, at the same spot, what the parser or our reading already said.
    const languageService = p.source === 'yaml' || p.source === 'json';
    if (seen.has(same) || (languageService && seen.has(`${p.line}:${p.column}`))) continue;
    seen.add(same);
    seen.add(spot);
    if (!languageService) seen.add(`${p.line}:${p.column}`);
    rows.push(p);
  }
  return rows;
}

export function fromEditorProblem(p: EditorProblem): ProblemRow {
  return { severity: p.severity, message: p.message, line: p.startLine, column: p.startColumn, source: p.source };
}
