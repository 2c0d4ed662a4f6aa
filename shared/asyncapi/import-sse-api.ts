import type { SseApi } from '../model/sse-api.ts';
import type { DocumentSource } from './detect-source.ts';
import type { DocProblem, ParsedText } from './document-text.ts';
import { readApiDocument, type ApiReading, type ReadMode } from './read-api-document.ts';
import { parseApiText } from './read-text.ts';

export type ImportResult =
  | { ok: true; api: SseApi; warnings: DocProblem[]; source: DocumentSource }
  | { ok: false; problems: DocProblem[] };

/**
 * Imports an SSE API from the text of an AsyncAPI 2.0–2.6 or 3.0 document, YAML or JSON: SSE
 * Studio's own files, WSO2 API Manager's SSE exports, documents that model SSE as HTTP streaming,
 * and any AsyncAPI document with subscribe/receive channels. Every problem and warning carries its
 * line and column. Either the whole API comes back, or nothing and the reasons.
 */
export function importSseApi(text: string, fileName?: string): ImportResult {
  const reading = readApiText(text, fileName, { fallbackEndpoint: true });
  return reading.ok ? reading : { ok: false, problems: reading.problems };
}

/** Text -> API, positions included; the project validator reads with `fallbackEndpoint: false`. */
export function readApiText(text: string, fileName: string | undefined, mode: ReadMode): ApiReading {
  const parsed = parseApiText(text, fileName);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems, warnings: [] };
  const reading = readApiDocument(parsed.data, mode);
  const place = placer(parsed);
  return reading.ok
    ? { ...reading, warnings: reading.warnings.map(place) }
    : { ok: false, problems: reading.problems.map(place), warnings: reading.warnings.map(place) };
}

function placer(parsed: ParsedText): (p: DocProblem) => DocProblem {
  return (p) => {
    const at = parsed.locate(p.path);
    return at ? { ...p, line: at.line, column: at.column } : p;
  };
}
