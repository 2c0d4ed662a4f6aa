import { stringify } from 'yaml';
import type { SseApi } from '../model/sse-api.ts';
import { buildDocument2 } from './build-v2.ts';
import { buildDocument3 } from './build-v3.ts';
import { stripExtensions, type ExportProfile } from './export-parts.ts';

export type { ExportProfile } from './export-parts.ts';

export interface ExportOptions {
  format: 'yaml' | 'json';
  asyncapi: '3.0' | '2.6';
  /**
   * studio: our `x-context` / `x-gateway` / `x-backend-path` kept, so importing it back loses nothing;
   * clean:  every `x-` extension dropped, for sharing (no gateway secrets);
   * wso2:   what WSO2 API Manager reads for an SSE API (`sse` server, subscribe/receive topics,
   *         `x-wso2-*` root extensions, `x-auth-type`, `x-uri-mapping`).
   */
  profile: ExportProfile;
}

export const EXPORT_FORMATS = ['yaml', 'json'] as const;
export const EXPORT_VERSIONS = ['3.0', '2.6'] as const;
export const EXPORT_PROFILES = ['studio', 'clean', 'wso2'] as const;

/**
 * A new AsyncAPI document made from the forms' model: what a new API (or a new project file) starts
 * from. Deterministic: the same API always gives the same bytes. Exporting an existing API never
 * comes here: exportApiDocument transforms the API's own document, so nothing the model does not
 * know (schemas, examples, x-mock ...) is lost.
 */
export function exportSseApi(api: SseApi, options: ExportOptions): string {
  const built = options.asyncapi === '3.0' ? buildDocument3(api, options.profile) : buildDocument2(api, options.profile);
  const doc = options.profile === 'clean' ? stripExtensions(built) : built;
  return options.format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : stringify(doc, { lineWidth: 0 });
}
