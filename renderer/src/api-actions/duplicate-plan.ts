import type { ApiSummary } from '../../../shared/api/contract.ts';
import { gatewayBasePath } from '../../../shared/model/context.ts';
import { applyEdit } from '../design/design-edits.ts';
import { documentFileName } from '../design/new-document.ts';

export interface DuplicatePlan {
  name: string;
  context: string;
  fileName: string;
  text: string;
}

/**
 * A copy of an API that the project can serve next to the original: "Feed copy" at "/feed-copy"
 * (numbered when taken), in a file of its own. The document is the original's text with only the
 * name and context changed, so comments, schemas and extensions come along.
 */
export function planDuplicate(api: ApiSummary, text: string, others: readonly ApiSummary[]): DuplicatePlan {
  const format = /\.json$/i.test(api.id) ? 'json' : 'yaml';
  const names = new Set(others.map((a) => a.name.toLowerCase()));
  const served = new Set(others.map((a) => a.basePath));
  const files = new Set(others.map((a) => a.id));
  const context = api.context.replace(/\/+$/, '');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? 'copy' : `copy ${n}`;
    const name = `${api.name} ${suffix}`;
    const nextContext = `${context}-${suffix.replace(' ', '-')}`;
    const fileName = documentFileName(name, api.version, format);
    if (names.has(name.toLowerCase()) || served.has(gatewayBasePath(nextContext, api.version)) || files.has(fileName)) continue;
    const renamed = applyEdit(text, format, { kind: 'name', value: name });
    return { name, context: nextContext, fileName, text: applyEdit(renamed, format, { kind: 'context', value: nextContext }) };
  }
}

/** The document with the API's name (info.title) changed and nothing else. */
export function renamedText(id: string, text: string, name: string): string {
  return applyEdit(text, /\.json$/i.test(id) ? 'json' : 'yaml', { kind: 'name', value: name.trim() });
}
