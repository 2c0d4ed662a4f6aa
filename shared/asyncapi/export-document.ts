import { stringify } from 'yaml';
import { acceptApiDocument } from './accept-document.ts';
import { escapeChannelRefs } from './doc-refs.ts';
import { convert2to3 } from './convert-2-to-3.ts';
import { convert3to2 } from './convert-3-to-2.ts';
import type { DocProblem } from './document-text.ts';
import { withoutExtensions } from './export-extensions.ts';
import type { ExportProfile } from './export-parts.ts';
import { exportRemovals, type Removal } from './export-removals.ts';
import { findRefs } from './read-refs.ts';
import { cloneData, isRecord, recordEntries, type DocPath } from './plain-data.ts';
import { pointOfView3 } from './read-channels.ts';
import { setPointOfView } from './point-of-view.ts';
import { applyWso2Profile } from './profile-wso2.ts';
import { withoutUserInfo } from '../model/public-url.ts';
import { redactSecrets, securitySecrets } from './export-secrets.ts';

export interface DocumentExportOptions {
  format: 'yaml' | 'json';
  asyncapi: '3.0' | '2.6';
  profile: ExportProfile;
  /** Rewrites a reference into another file (`./schemas.json#/Price`) so it still works where the export is written. */
  rewriteExternalRef?: (ref: string) => string;
}

export type DocumentExport =
  | { ok: true; text: string; warnings: DocProblem[]; removed: Removal; action?: 'send' | 'receive' }
  | { ok: false; problems: DocProblem[] };

/**
 * Exports an API by transforming its own AsyncAPI document (the file, or the editor's text), never
 * by regenerating it from the forms' model: payload schemas, components, message names, examples,
 * headers, bindings, descriptions, tags, server names and security schemes all pass through.
 *  - studio: the document as it is (only the version conversion, if asked; same version and format
 *    gives the text back byte for byte, comments included); 3.x keeps its own send/receive choice;
 *  - clean:  the same minus every `x-` extension, so minus every secret (they live in x-gateway);
 *    3.x writes the application's point of view (`action: send`);
 *  - wso2:   what WSO2 API Manager imports (see applyWso2Profile); 3.x writes `action: receive`.
 * Goes through the same gate as validate, import and serve, before and after: a document that is
 * refused is refused here in the same words, and an export that would not read back is an error.
 * What the target version cannot carry is named in `warnings`.
 */
export function exportApiDocument(text: string, fileName: string | undefined, options: DocumentExportOptions): DocumentExport {
  const gate = acceptApiDocument(text, fileName);
  if (!gate.ok) return { ok: false, problems: gate.problems };
  const source = gate.data as Record<string, unknown>;
  const warnings: DocProblem[] = [];
  const warn = (path: DocPath, message: string) => {
    const at = gate.locate(path);
    warnings.push({ path, message, ...(at ? { line: at.line, column: at.column } : {}) });
  };
  const removed = exportRemovals(source)[options.profile];
  const sourceJson = fileName ? /\.json$/i.test(fileName) : text.trimStart().startsWith('{');
  const sameVersion = options.asyncapi === '3.0' ? source.asyncapi === '3.0.0' : source.asyncapi === '2.6.0';
  let doc = convertVersion(source, options, warn);
  escapeChannelRefs(doc);
  const unchanged = sameVersion && JSON.stringify(doc) === JSON.stringify(source);
  if (options.profile === 'studio' && unchanged && sourceJson === (options.format === 'json') && !options.rewriteExternalRef) {
    return { ok: true, text, warnings, removed, ...action(source) };
  }
  if (options.profile === 'clean') {
    if (options.asyncapi === '3.0') {
      setPointOfView(doc, 'application');
      schemeInProtocol(doc);
    }
    doc = withoutExtensions(doc) as Record<string, unknown>;
  }
  if (options.profile !== 'studio') serversWithoutUserInfo(doc, warn);
  if (options.profile === 'wso2') doc = applyWso2Profile(doc, gate.api, warn);
  if (options.profile !== 'studio') redactSecrets(doc, securitySecrets(gate.api.runtime.security), warn);
  if (options.rewriteExternalRef) rewriteExternalRefs(doc, options.rewriteExternalRef);

  const out = options.format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
  const back = acceptApiDocument(out, `export.${options.format}`);
  if (!back.ok) {
    return { ok: false, problems: back.problems.map((p) => ({ ...p, message: `The ${options.profile} ${options.asyncapi} export would not read back: ${p.message}` })) };
  }
  return { ok: true, text: out, warnings, removed, ...action(doc) };
}

function convertVersion(source: Record<string, unknown>, options: DocumentExportOptions, warn: (path: DocPath, message: string) => void): Record<string, unknown> {
  const major = String(source.asyncapi).startsWith('3') ? 3 : 2;
  if (options.asyncapi === '2.6') {
    if (major === 3) return convert3to2(source, warn);
    return { ...cloneData(source), asyncapi: '2.6.0' };
  }
  // 2.x subscribe = the application sends. WSO2 imports the client's view (receive).
  if (major === 2) return convert2to3(source, options.profile === 'wso2' ? 'client' : 'application', warn);
  const doc = cloneData(source);
  if (doc.asyncapi !== '3.0.0') {
    // 3.1 only adds ROS 2 bindings to 3.0.
    if (JSON.stringify(doc).includes('"ros2"')) warn(['asyncapi'], `AsyncAPI ${String(doc.asyncapi)} -> 3.0: ros2 bindings are not part of 3.0; they are kept but 3.0 tools may reject them.`);
    doc.asyncapi = '3.0.0';
  }
  return doc;
}

/** A clean 3.0 document has no x-scheme, so an https backend written as `sse` says so in its protocol. */
function schemeInProtocol(doc: Record<string, unknown>): void {
  for (const [, server] of recordEntries(doc.servers)) {
    if (server['x-scheme'] === 'https' && String(server.protocol).toLowerCase() === 'sse') server.protocol = 'https';
  }
}

/** A file to share never carries a backend's `user:password@` (2.x `url`, 3.x `host`); each removal is named. */
function serversWithoutUserInfo(doc: Record<string, unknown>, warn: (path: DocPath, message: string) => void): void {
  for (const [name, server] of recordEntries(doc.servers)) {
    for (const key of ['url', 'host'] as const) {
      const value = server[key];
      if (typeof value !== 'string') continue;
      const bare = key === 'url' ? withoutUserInfo(value) : value.replace(/^[^/?#@]*@/, '');
      if (bare === value) continue;
      server[key] = bare;
      warn(['servers', name, key], `Server "${name}": the user and password in its ${key} are left out of this export.`);
    }
  }
}

function rewriteExternalRefs(doc: Record<string, unknown>, rewrite: (ref: string) => string): void {
  for (const { ref, at } of findRefs(doc)) {
    if (ref.startsWith('#')) continue;
    let node: unknown = doc;
    for (const key of at.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
    if (isRecord(node)) node.$ref = rewrite(ref);
  }
}

function action(doc: Record<string, unknown>): { action?: 'send' | 'receive' } {
  if (!String(doc.asyncapi).startsWith('3') || !isRecord(doc.operations)) return {};
  return { action: pointOfView3(doc) === 'client' ? 'receive' : 'send' };
}
