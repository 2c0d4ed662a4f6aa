import type { SseApi } from '../../shared/model/sse-api.ts';
import type { DocProblem } from '../../shared/asyncapi/document-text.ts';
import { readApiText } from '../../shared/asyncapi/import-sse-api.ts';
import { parseApiText } from '../../shared/asyncapi/read-text.ts';
import { offlineParser, unresolvedExternalRefs } from './external-refs.ts';

/** One thing wrong with a document, where an editor can jump to it (1-based line and column). */
export interface ValidationProblem {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  /** Who found it: the YAML/JSON reader, the AsyncAPI parser, or SSE Studio reading the API. */
  source: 'syntax' | 'asyncapi' | 'sse-api';
  /** The AsyncAPI parser's rule, e.g. "asyncapi-document-resolved". */
  code?: string;
}

export interface TextValidation {
  problems: ValidationProblem[];
  /** The API, when the document is one SSE Studio can serve (warnings allowed). */
  api?: SseApi;
}

// @asyncapi/parser's DiagnosticSeverity: Error = 0, Warning = 1, Information = 2, Hint = 3.
const PARSER_SEVERITY: Record<number, ValidationProblem['severity'] | undefined> = { 0: 'error', 1: 'warning' };

/** Loaded on first use: it takes a few hundred milliseconds. Never fetches http(s) references. */
const parser = offlineParser;

/**
 * Every problem in an AsyncAPI document's text: YAML/JSON syntax errors; the AsyncAPI parser's
 * diagnostics (its errors are errors, its warnings stay warnings, its hints are left out); and
 * what stops SSE Studio from reading the document as a servable SSE API (as a project file: no
 * backend is filled in). Sorted by position.
 */
export async function validateAsyncApiText(text: string, fileName: string): Promise<TextValidation> {
  const syntax = parseApiText(text, fileName);
  if (syntax.problems.length) return { problems: syntax.problems.map((p) => fromDoc(p, 'error', 'syntax')) };

  const reading = readApiText(text, fileName);
  // References into other files: the same words as export and serve use (the parser's own
  // invalid-ref diagnostic at the same place is left out).
  const unresolved = (await unresolvedExternalRefs(text, fileName)).map((p) => fromDoc(p, 'error', 'sse-api'));
  const at = new Set(unresolved.map((p) => `${p.line}:${p.column}`));
  const problems = [
    ...(await parserDiagnostics(text, fileName)).filter((d) => !(d.code === 'invalid-ref' && at.has(`${d.line}:${d.column}`))),
    ...unresolved,
    ...(reading.ok ? [] : reading.problems.map((p) => fromDoc(p, 'error', 'sse-api'))),
    ...reading.warnings.map((p) => fromDoc(p, 'warning', 'sse-api')),
  ];
  return { problems: sortUnique(problems), ...(reading.ok && !unresolved.length ? { api: reading.api } : {}) };
}

async function parserDiagnostics(text: string, fileName: string): Promise<ValidationProblem[]> {
  try {
    const diagnostics = await (await parser()).validate(text, { source: fileName });
    return diagnostics.flatMap((d) => {
      const severity = PARSER_SEVERITY[d.severity];
      if (!severity) return [];
      // Parser ranges are 0-based (LSP style).
      return [{ line: d.range.start.line + 1, column: d.range.start.character + 1, severity, message: d.message, source: 'asyncapi' as const, code: String(d.code) }];
    });
  } catch (err) {
    return [{ line: 1, column: 1, severity: 'error', source: 'asyncapi', message: `The AsyncAPI parser could not check the document: ${(err as Error).message}` }];
  }
}

function fromDoc(p: DocProblem, severity: ValidationProblem['severity'], source: ValidationProblem['source']): ValidationProblem {
  return { line: p.line ?? 1, column: p.column ?? 1, severity, message: p.message, source };
}

function sortUnique(problems: ValidationProblem[]): ValidationProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.line}:${p.column}:${p.severity}:${p.message}`;
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .sort((a, b) => a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
