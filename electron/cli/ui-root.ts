import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the renderer (dist/renderer at the package root). */
export function defaultUiRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/renderer');
}
