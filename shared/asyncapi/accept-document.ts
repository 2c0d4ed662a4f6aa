import type { DocProblem, ParsedText } from './document-text.ts';
import { readApiDocument, type ApiReading } from './read-api-document.ts';
import { parseApiText } from './read-text.ts';

export type Acceptance = ApiReading & {
  /** The parsed document (plain data), when the text is YAML/JSON at all. */
  data?: unknown;
  /** 1-based position of a path in the text (see parseDocumentText). */
  locate: ParsedText['locate'];
};

/**
 * The one gate every way in goes through: `sse-studio validate`, import (UI and Studio API),
 * `sse-studio export` and the project loader behind `serve` accept and refuse exactly the same
 * documents, for the same reasons, in the same words. Text (YAML or JSON) -> the SSE API it
 * describes, or the problems; every problem and warning placed at its line and column.
 * The AsyncAPI parser's spec diagnostics are added on top by validate (they need the parser).
 */
export function acceptApiDocument(text: string, fileName?: string): Acceptance {
  const parsed = parseApiText(text, fileName);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems, warnings: [], locate: parsed.locate };
  const reading = readApiDocument(parsed.data);
  const place = placer(parsed);
  const placed: ApiReading = reading.ok
    ? { ...reading, warnings: reading.warnings.map(place) }
    : { ok: false, problems: reading.problems.map(place), warnings: reading.warnings.map(place) };
  return { ...placed, data: parsed.data, locate: parsed.locate };
}

function placer(parsed: ParsedText): (p: DocProblem) => DocProblem {
  return (p) => {
    const at = parsed.locate(p.path);
    return at ? { ...p, line: at.line, column: at.column } : p;
  };
}
