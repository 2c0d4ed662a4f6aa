import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Golden files are rewritten instead of compared when this is set: UPDATE_GOLDEN=1 npx vitest run ... */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `actual` with the golden file's text. With UPDATE_GOLDEN=1 the file is (re)written
 * instead; review the diff before committing it.
 */
export function expectGolden(file: string, actual: string): void {
  if (UPDATE_GOLDEN) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Golden file ${path.relative(process.cwd(), file)} is missing: run with UPDATE_GOLDEN=1 to write it, then review it.`);
  }
  expect(actual, `differs from ${path.relative(process.cwd(), file)} (UPDATE_GOLDEN=1 rewrites it)`).toBe(expected);
}
