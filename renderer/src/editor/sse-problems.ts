import type { DocProblem, ParsedText } from '../../../shared/asyncapi/document-text.ts';
import { readApiDocument } from '../../../shared/asyncapi/read-api-document.ts';
import type { EditorProblem } from './validation-protocol.ts';

/**
 * Syntax errors and what keeps the document from being an SSE API, as the project reads it
 * (shared/asyncapi: the same reading as `readApiText`, from text parsed once), as editor
 * problems. Warnings say what the gateway will assume.
 */
export function sseProblems(parsed: ParsedText): EditorProblem[] {
  if (parsed.problems.length) return parsed.problems.map((p) => at(p, 'error', 'syntax'));
  const reading = readApiDocument(parsed.data, { fallbackEndpoint: false });
  const place = (p: DocProblem): DocProblem => {
    const where = parsed.locate(p.path);
    return where ? { ...p, line: where.line, column: where.column } : p;
  };
  const problems = reading.ok ? [] : reading.problems;
  return [...problems.map((p) => at(place(p), 'error', 'sse-api')), ...reading.warnings.map((w) => at(place(w), 'warning', 'sse-api'))];
}

function at(p: DocProblem, severity: EditorProblem['severity'], source: EditorProblem['source']): EditorProblem {
  const line = p.line ?? 1;
  return { severity, message: p.message, startLine: line, startColumn: p.column ?? 1, endLine: line, endColumn: 0, source };
}
