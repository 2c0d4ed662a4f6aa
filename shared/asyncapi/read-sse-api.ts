import type { SseApi } from '../model/sse-api.ts';
import type { DocProblem } from './document-text.ts';
import { readApiDocument } from './read-api-document.ts';

/**
 * Reads an SSE API out of a project's AsyncAPI 2.x or 3.0 document (already parsed to plain data):
 *  - `info.title` is the name, `info.version` the version;
 *  - root `x-context` (else WSO2's `x-wso2-basePath`) is the context (default: `/` + the title in kebab-case);
 *  - the backend endpoint is WSO2's `x-wso2-production-endpoints`, else the first server whose protocol
 *    is `sse` (how WSO2 exports SSE APIs), else the first `http`/`https` server;
 *  - subscribe (2.x) / receive (3.0) channels are the topics (2.x: the channel key; 3.0: `address`).
 * A project file must be servable as written, so unlike an import nothing is filled in.
 */
export function readSseApi(doc: unknown): { ok: true; value: SseApi } | { ok: false; problems: DocProblem[] } {
  const reading = readApiDocument(doc, { fallbackEndpoint: false });
  return reading.ok ? { ok: true, value: reading.api } : { ok: false, problems: reading.problems };
}
