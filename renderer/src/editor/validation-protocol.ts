import type { DesignReading } from '../design/design-model.ts';

/**
 * Messages between the page and its two validation workers. The page sends the newest text to
 * each worker whenever that worker is free (never a queue of stale texts):
 *  - the document worker reads the text as the forms need it (shared/asyncapi's SSE API reading
 *    plus the Design model), in a few milliseconds even for big documents;
 *  - the parser worker runs @asyncapi/parser (full AsyncAPI 2.x/3.0 validation), which takes
 *    about a second on a 2,000-line document.
 */
export interface ValidationRequest {
  seq: number;
  text: string;
  fileName: string;
}

export interface EditorProblem {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** 1-based. An `endColumn` of 0 means "to the end of the line". */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  source: 'syntax' | 'sse-api' | 'asyncapi';
}

export interface DocumentCheck {
  seq: number;
  problems: EditorProblem[];
  reading: DesignReading;
  ms: number;
}

export type ParserCheck = { seq: number; problems: EditorProblem[]; ms: number } | { seq: number; unavailable: string; ms: number };
