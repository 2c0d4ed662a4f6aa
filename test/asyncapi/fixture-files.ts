import { readdirSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/asyncapi');
const documents = (dir: string) => readdirSync(path.join(FIXTURES, dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.join(FIXTURES, dir, f));

/** Every AsyncAPI document the tests run over: official examples, import fixtures, the stock ticker, the hand-made one. */
export function allDocuments(): string[] {
  return [...documents('official'), ...documents('import'), ...documents('handmade'), path.join(ROOT, 'examples/stock-ticker/stock-ticker.asyncapi.yaml')];
}

export const rel = (file: string) => path.relative(ROOT, file);
