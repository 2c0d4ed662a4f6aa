import type { ExportOptions } from '../../../shared/asyncapi/export-sse-api.ts';
import { defaultContext } from '../../../shared/model/context.ts';

/** `Stock Ticker` 1.0.0, wso2, 2.6, json -> `stock-ticker-1.0.0.wso2.asyncapi-2.6.json`. */
export function exportFileName(name: string, version: string, options: ExportOptions): string {
  const profile = options.profile === 'studio' ? '' : `.${options.profile}`;
  return `${defaultContext(name).slice(1)}-${version.replace(/[^A-Za-z0-9.-]/g, '-')}${profile}.asyncapi-${options.asyncapi}.${options.format}`;
}

/** Saves text as a file through the browser's download (works the same in Electron's window). */
export function downloadText(text: string, fileName: string): void {
  const type = fileName.endsWith('.json') ? 'application/json' : 'application/yaml';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
