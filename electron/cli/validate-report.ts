import type { ValidationProblem } from '../project/asyncapi-validator.ts';

/** One checked file, as `--json` prints it. */
export interface FileReport {
  /** Relative to the current folder, forward slashes. */
  file: string;
  /** The API the file describes, when SSE Studio can serve it. */
  api: { name: string; version: string; context: string; basePath: string } | null;
  problems: ValidationProblem[];
}

export interface Summary {
  files: number;
  /** Files that are servable APIs (no errors). */
  apis: number;
  errors: number;
  warnings: number;
}

/** `file:line:col: error|warning: message [rule]`, the shape editors and CI annotate from. */
export function formatText(reports: FileReport[]): string[] {
  return reports.flatMap((r) => r.problems.map((p) => `${r.file}:${p.line}:${p.column}: ${p.severity}: ${oneLine(p.message)}${p.code ? ` [${p.code}]` : ''}`));
}

/** `2 files, 1 API, 3 errors, 1 warning` */
export function formatSummary(s: Summary): string {
  return [count(s.files, 'file'), count(s.apis, 'API'), count(s.errors, 'error'), count(s.warnings, 'warning')].join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}
