import { exportSseApi } from '../../../shared/asyncapi/export-sse-api.ts';
import { importSseApi, readApiText } from '../../../shared/asyncapi/import-sse-api.ts';
import type { SseApi } from '../../../shared/model/sse-api.ts';
import type { TextProblem } from './design-model.ts';
import { documentFileName } from './new-document.ts';

export type ImportPlan =
  | { ok: true; api: SseApi; text: string; fileName: string; warnings: TextProblem[]; rewritten: boolean }
  | { ok: false; problems: TextProblem[] };

/**
 * Decides, before anything is written, what an import creates: the text as given when the project
 * can serve it as written, else the studio document of the imported API (a WSO2 export without a
 * backend server gets the mock endpoint, with a warning). Nothing is created when it is refused.
 */
export function planImport(text: string, sourceName?: string): ImportPlan {
  const imported = importSseApi(text, sourceName);
  if (!imported.ok) return { ok: false, problems: imported.problems.map(placed) };
  const json = sourceName ? /\.json$/i.test(sourceName) : text.trimStart().startsWith('{');
  const format = json ? 'json' : 'yaml';
  const asIs = readApiText(text, sourceName ?? `import.${format}`, { fallbackEndpoint: false });
  const major = /^\s*["']?asyncapi["']?\s*:\s*["']?3/m.test(text) ? '3.0' : '2.6';
  const finalText = asIs.ok ? text : exportSseApi(imported.api, { format, asyncapi: major, profile: 'studio' });
  return { ok: true, api: imported.api, text: finalText, fileName: documentFileName(imported.api.name, imported.api.version, format), warnings: imported.warnings.map(placed), rewritten: !asIs.ok };
}

function placed(p: { message: string; line?: number; column?: number }): TextProblem {
  return { message: p.message, line: p.line ?? 1, column: p.column ?? 1 };
}
