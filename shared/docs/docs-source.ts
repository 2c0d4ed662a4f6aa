import { exportSseApi } from '../asyncapi/export-sse-api.ts';
import type { DocProblem } from '../asyncapi/document-text.ts';
import { importSseApi } from '../asyncapi/import-sse-api.ts';
import type { SseApi } from '../model/sse-api.ts';

export type DocsSource =
  | { ok: true; api: SseApi; cleanDocument: unknown; warnings: DocProblem[] }
  | { ok: false; problems: DocProblem[] };

/**
 * What the docs are made from: the API read from its document's text, and the document's `clean`
 * export (every `x-` setting and secret removed) in the document's own AsyncAPI major version.
 * The export's public entry point decides what survives; the docs never read the raw text.
 */
export function docsSourceFromText(text: string, fileName?: string): DocsSource {
  const imported = importSseApi(text, fileName);
  if (!imported.ok) return { ok: false, problems: imported.problems };
  const asyncapi = /["']?asyncapi["']?\s*:\s*["']?2\./.test(text) ? '2.6' : '3.0';
  const clean = exportSseApi(imported.api, { format: 'json', asyncapi, profile: 'clean' });
  return { ok: true, api: imported.api, cleanDocument: JSON.parse(clean) as unknown, warnings: imported.warnings };
}
