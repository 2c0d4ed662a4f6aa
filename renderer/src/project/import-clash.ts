import type { ApiSummary } from '../../../shared/api/contract.ts';
import { gatewayBasePath, normalizeContext } from '../../../shared/model/context.ts';
import type { SseApi } from '../../../shared/model/sse-api.ts';
import { applyEdit } from '../design/design-edits.ts';

/** An API of the project the import collides with, and how. */
export interface ImportClash {
  api: ApiSummary;
  /** Same name and version (two APIs nobody can tell apart), and/or the same context (the gateway path both would claim). */
  sameName: boolean;
  sameContext: boolean;
}

type Identity = Pick<SseApi, 'name' | 'version' | 'context'>;

const key = (name: string) => name.trim().toLowerCase();

/** The project's APIs an import would clash with: same name + version, or same context (served at the same gateway path). */
export function findClashes(imported: Identity, apis: readonly ApiSummary[]): ImportClash[] {
  const path = gatewayBasePath(imported.context, imported.version.trim());
  return apis
    .map((api) => ({
      api,
      sameName: key(api.name) === key(imported.name) && api.version.trim() === imported.version.trim(),
      sameContext: api.basePath === path || normalizeContext(api.context) === normalizeContext(imported.context),
    }))
    .filter((c) => c.sameName || c.sameContext);
}

/** A name and context that clash with nothing: "Feed 2" at "/feed-2", then 3, ... */
export function freeIdentity(imported: Identity, apis: readonly ApiSummary[]): { name: string; context: string } {
  const context = normalizeContext(imported.context);
  for (let n = 2; ; n++) {
    const candidate = { name: `${imported.name.trim()} ${n}`, context: `${context === '/' ? '' : context}-${n}`, version: imported.version };
    if (findClashes(candidate, apis).length === 0) return { name: candidate.name, context: candidate.context };
  }
}

/** The import's text under another name and context (only those two nodes change). */
export function renameImport(text: string, fileName: string, name: string, context: string): string {
  const format = /\.json$/i.test(fileName) ? 'json' : 'yaml';
  return applyEdit(applyEdit(text, format, { kind: 'name', value: name }), format, { kind: 'context', value: context });
}
