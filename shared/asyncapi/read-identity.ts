import { defaultContext, VERSION_PLACEHOLDER } from '../model/context.ts';
import { validateContext, validateName, validateVersion } from '../model/validate.ts';
import { isRecord, type DocPath } from './plain-data.ts';

export type Report = (path: DocPath, message: string) => void;

export interface Identity {
  name: string;
  version: string;
  context: string;
  description?: string;
}

/**
 * Name, version, description and context of the API:
 *  - `info.title` is the name, `info.version` the version, `info.description` the description;
 *  - the context is our root `x-context`, else WSO2's `x-wso2-basePath`, else `/` + the title in
 *    kebab-case. WSO2 documents `x-wso2-basePath` as "derived from the context and version"
 *    (https://apim.docs.wso2.com/en/latest/reference/vendor-extensions-catalog/), e.g.
 *    `/stocks/1.0.0` for context `/stocks`, or `/1.0.0/stocks` for context `/{version}/stocks`.
 */
export function readIdentity(doc: Record<string, unknown>, problem: Report, warn: Report): Identity {
  const info = isRecord(doc.info) ? doc.info : undefined;
  if (!info) problem(['info'], 'Add an "info" section with "title" (the API name) and "version".');
  const name = typeof info?.title === 'string' ? info.title.trim() : '';
  const version = info?.version === undefined ? '' : String(info.version).trim();
  if (info) {
    const nameProblem = validateName(name);
    if (nameProblem) problem(['info', 'title'], `info.title is the API name. ${nameProblem}`);
    const versionProblem = validateVersion(version);
    if (versionProblem) problem(['info', 'version'], `info.version is the API version. ${versionProblem}`);
  }
  const description = typeof info?.description === 'string' && info.description ? info.description : undefined;
  let context = readContext(doc, version, problem, warn);
  if (context === undefined) {
    context = defaultContext(name);
    // WSO2 exports keep the context in the project's api.yaml, not in the AsyncAPI file.
    if (name) warn(['info', 'title'], `The document sets no context (x-context): the API is served under "${context}", made from the title.`);
  }
  return { name, version, context, ...(description ? { description } : {}) };
}

function readContext(doc: Record<string, unknown>, version: string, problem: Report, warn: Report): string | undefined {
  if (doc['x-context'] !== undefined) {
    if (typeof doc['x-context'] !== 'string') return void problem(['x-context'], 'x-context must be a string, e.g. "/stocks".');
    const context = doc['x-context'].trim();
    const contextProblem = validateContext(context);
    if (contextProblem) problem(['x-context'], contextProblem);
    return context;
  }
  const basePath = doc['x-wso2-basePath'];
  if (basePath === undefined) return undefined;
  if (typeof basePath !== 'string') return void problem(['x-wso2-basePath'], 'x-wso2-basePath must be a string, e.g. "/stocks/1.0.0".');
  const context = contextFromBasePath(basePath.trim(), version);
  if (context === basePath.trim().replace(/\/+$/, '') && version) {
    warn(['x-wso2-basePath'], `x-wso2-basePath "${basePath}" holds no "${version}" segment; it is used as the context, so the API is served at ${context}/${version}.`);
  }
  const contextProblem = validateContext(context);
  if (contextProblem) problem(['x-wso2-basePath'], `x-wso2-basePath gives the context "${context}". ${contextProblem}`);
  return context;
}

/** `/stocks/1.0.0` -> `/stocks`; `/1.0.0/stocks` -> `/{version}/stocks`; no version segment -> as is. */
export function contextFromBasePath(basePath: string, version: string): string {
  const segments = basePath.replace(/\/+$/, '').split('/');
  if (version && segments.length > 2 && segments[segments.length - 1] === version) return segments.slice(0, -1).join('/');
  const at = version ? segments.indexOf(version) : -1;
  if (at > 0 && segments.length > 2) return segments.map((s, i) => (i === at ? VERSION_PLACEHOLDER : s)).join('/');
  return segments.join('/');
}
