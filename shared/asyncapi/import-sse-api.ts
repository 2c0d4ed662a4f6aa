import type { SseApi } from '../model/sse-api.ts';
import { acceptApiDocument } from './accept-document.ts';
import type { DocumentSource } from './detect-source.ts';
import type { DocProblem } from './document-text.ts';
import type { ApiReading, ReadMode } from './read-api-document.ts';

export type ImportResult =
  | { ok: true; api: SseApi; warnings: DocProblem[]; source: DocumentSource }
  | { ok: false; problems: DocProblem[] };

/**
 * Imports an SSE API from the text of an AsyncAPI 2.x, 3.0 or 3.1 document, YAML or JSON: SSE
 * Studio's own files, WSO2 API Manager's SSE exports, documents that model SSE as HTTP streaming,
 * and any AsyncAPI document whose channels stream to clients. It goes through the same gate as
 * validate, export and serve (acceptApiDocument). Either the whole API comes back, or nothing and
 * the reasons, each with its line and column.
 */
export function importSseApi(text: string, fileName?: string): ImportResult {
  const reading = acceptApiDocument(text, fileName);
  return reading.ok ? { ok: true, api: reading.api, warnings: reading.warnings, source: reading.source } : { ok: false, problems: reading.problems };
}

/** Text -> API, positions included: the acceptance gate without the parsed data. */
export function readApiText(text: string, fileName: string | undefined, _mode?: ReadMode): ApiReading {
  const { data: _data, locate: _locate, ...reading } = acceptApiDocument(text, fileName);
  return reading;
}
