import type { SseApi } from '../model/sse-api.ts';
import { detectSource, type DocumentSource } from './detect-source.ts';
import type { DocProblem } from './document-text.ts';
import { isRecord, type DocPath } from './plain-data.ts';
import { readEndpoint } from './read-endpoint.ts';
import { readIdentity } from './read-identity.ts';
import { warnLookalikes } from './read-lookalike.ts';
import { checkLocalRefs } from './read-refs.ts';
import { readRuntime } from './read-runtime.ts';
import { readTopics } from './read-topics.ts';
import { applyWso2Runtime } from './read-wso2-runtime.ts';

export type ApiReading =
  | { ok: true; api: SseApi; warnings: DocProblem[]; source: DocumentSource }
  | { ok: false; problems: DocProblem[]; warnings: DocProblem[] };

/**
 * Kept for callers that still pass it: every reader now accepts and refuses the same documents
 * (no mock backend is filled in for a document without an SSE/HTTP server).
 */
export interface ReadMode {
  fallbackEndpoint: false;
}

/**
 * Reads an SSE API out of an AsyncAPI 2.x or 3.0 document (already parsed to plain data). Problems
 * stop the API from being read; warnings say what was left out or assumed. Both carry the path of
 * the part of the document they are about.
 */
export function readApiDocument(doc: unknown, _mode?: ReadMode): ApiReading {
  const problems: DocProblem[] = [];
  const warnings: DocProblem[] = [];
  const problem = (path: DocPath, message: string) => void problems.push({ path, message });
  const warn = (path: DocPath, message: string) => void warnings.push({ path, message });

  if (!isRecord(doc)) {
    return { ok: false, warnings, problems: [{ path: [], message: 'The document is not an AsyncAPI object (expected a mapping with "asyncapi", "info", "servers", "channels").' }] };
  }
  const spec = typeof doc.asyncapi === 'string' ? doc.asyncapi : undefined;
  if (!spec) problem(['asyncapi'], 'Add "asyncapi: 3.0.0" (or 2.6.0) at the top: this does not look like an AsyncAPI document.');
  const majorText = spec?.split('.')[0];
  if (spec && majorText !== '2' && majorText !== '3') problem(['asyncapi'], `AsyncAPI ${spec} is not supported: use 2.x, 3.0 or 3.1.`);
  const major = majorText === '3' ? 3 : 2;
  // 3.1 only adds ROS 2 bindings to 3.0, so it reads as 3.0 with no warning; newer minors may add more.
  if (spec && (/^3\.([2-9]|\d\d)/.test(spec) || /^2\.([7-9]|\d\d)/.test(spec))) warn(['asyncapi'], `AsyncAPI ${spec} is read as ${major === 3 ? '3.1' : '2.6'}: fields added since are ignored.`);

  const identity = readIdentity(doc, problem, warn);
  const { endpoint, origin } = readEndpoint(doc, major, problem, warn);
  const topics = readTopics(doc, major, problem, warn);
  const { runtime, problems: runtimeProblems } = readRuntime(doc);
  problems.push(...runtimeProblems);
  applyWso2Runtime(doc, runtime, warn);
  checkLocalRefs(doc, problem);
  if (!problems.length) warnLookalikes(doc, warn);

  if (problems.length) return { ok: false, problems, warnings };
  const api: SseApi = { name: identity.name, context: identity.context, version: identity.version, endpoint: endpoint ?? '', topics, runtime };
  if (identity.description) api.description = identity.description;
  return { ok: true, api, warnings, source: detectSource(doc, origin) };
}
