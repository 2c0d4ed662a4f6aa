import { exportSseApi } from '../../../shared/asyncapi/export-sse-api.ts';
import { defaultContext } from '../../../shared/model/context.ts';
import { defaultRuntime } from '../../../shared/model/runtime.ts';
import { DEFAULT_TOPIC, type SseApiDraft } from '../../../shared/model/sse-api.ts';

/**
 * A new API's document, made in the page: the same studio document the host writes for
 * `apis.create` (shared exporter), in AsyncAPI 3.0 or 2.6.
 */
export function newDocumentText(draft: SseApiDraft, asyncapi: '3.0' | '2.6', format: 'yaml' | 'json' = 'yaml'): string {
  const description = draft.description?.trim();
  return exportSseApi(
    {
      name: draft.name.trim(),
      context: draft.context.trim(),
      version: draft.version.trim(),
      endpoint: draft.endpoint.trim().replace(/\/+$/, ''),
      topics: (draft.topics?.length ? draft.topics : [DEFAULT_TOPIC]).map((path) => ({ path: path.trim() })),
      runtime: defaultRuntime(),
      ...(description ? { description } : {}),
    },
    { format, asyncapi, profile: 'studio' },
  );
}

/** `Stock Ticker` 1.0.0 -> `stock-ticker-1.0.0.asyncapi.yaml`, the name the host gives new APIs. */
export function documentFileName(name: string, version: string, format: 'yaml' | 'json' = 'yaml'): string {
  const safeVersion = version.trim().replace(/[^A-Za-z0-9.-]/g, '-') || '1.0.0';
  return `${defaultContext(name).slice(1)}-${safeVersion}.asyncapi.${format}`;
}

/** What `documents.create` accepts (electron/project/project-store.ts); says how to fix it otherwise. */
export function checkFileName(fileName: string): string | undefined {
  if (!fileName.trim()) return 'Give the file a name, e.g. "stock-ticker.asyncapi.yaml".';
  if (!/\.(ya?ml|json)$/i.test(fileName)) return 'End the file name with .yaml, .yml or .json.';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(fileName)) return 'Use letters, digits, ".", "-" and "_" only, starting with a letter or digit.';
  return undefined;
}
