import { importSseApi } from '../../../shared/asyncapi/import-sse-api.ts';
import type { SseApi } from '../../../shared/model/sse-api.ts';
import type { TextProblem } from './design-model.ts';
import { documentFileName } from './new-document.ts';

export type ImportPlan =
  | { ok: true; api: SseApi; text: string; fileName: string; warnings: TextProblem[] }
  | { ok: false; problems: TextProblem[] };

/**
 * Decides, before anything is written, what an import creates: the text exactly as given (the
 * document is the truth: nothing is regenerated), under a file name made from its title and
 * version. It passes the same gate as validate, export and serve, so what imports also serves;
 * nothing is created when it is refused.
 */
export function planImport(text: string, sourceName?: string): ImportPlan {
  const imported = importSseApi(text, sourceName);
  if (!imported.ok) return { ok: false, problems: imported.problems.map(placed) };
  const json = sourceName ? /\.json$/i.test(sourceName) : text.trimStart().startsWith('{');
  return { ok: true, api: imported.api, text, fileName: documentFileName(imported.api.name, imported.api.version, json ? 'json' : 'yaml'), warnings: imported.warnings.map(placed) };
}

function placed(p: { message: string; line?: number; column?: number }): TextProblem {
  return { message: p.message, line: p.line ?? 1, column: p.column ?? 1 };
}
