import type { ExportOptions } from '../../../shared/asyncapi/export-sse-api.ts';
import { defaultContext } from '../../../shared/model/context.ts';
import { downloadText } from '../viewer/download.ts';

/** `Stock Ticker` 1.0.0, wso2, 2.6, json -> `stock-ticker-1.0.0.wso2.asyncapi-2.6.json`. */
export function exportFileName(name: string, version: string, options: ExportOptions): string {
  const profile = options.profile === 'studio' ? '' : `.${options.profile}`;
  return `${defaultContext(name).slice(1)}-${version.replace(/[^A-Za-z0-9.-]/g, '-')}${profile}.asyncapi-${options.asyncapi}.${options.format}`;
}

/** Saves an exported document through the browser's download (works the same in Electron's window). */
export function downloadDocument(text: string, fileName: string): void {
  downloadText(fileName, text, fileName.endsWith('.json') ? 'application/json' : 'application/yaml');
}
