import { exportApiDocument } from '../asyncapi/export-document.ts';
import type { DocProblem } from '../asyncapi/document-text.ts';
import { importSseApi } from '../asyncapi/import-sse-api.ts';
import type { SseApi } from '../model/sse-api.ts';

export type DocsSource =
  | { ok: true; api: SseApi; cleanDocument: unknown; warnings: DocProblem[] }
  | { ok: false; problems: DocProblem[] };

/**
 * What the docs are made from: the API read from its document's text (for the gateway's routes,
 * security and replay), and the document's `clean` export (every `x-` setting and secret removed,
 * schemas and examples kept) in the document's own AsyncAPI major version. The export's public
 * entry point decides what survives; the docs never read the raw text.
 */
export function docsSourceFromText(text: string, fileName?: string): DocsSource {
  const imported = importSseApi(text, fileName);
  if (!imported.ok) return { ok: false, problems: imported.problems };
  const asyncapi = /["']?asyncapi["']?\s*:\s*["']?2\./.test(text) ? '2.6' : '3.0';
  const clean = exportApiDocument(text, fileName, { format: 'json', asyncapi, profile: 'clean' });
  if (!clean.ok) return { ok: false, problems: clean.problems };
  return { ok: true, api: imported.api, cleanDocument: JSON.parse(clean.text) as unknown, warnings: imported.warnings };
}
