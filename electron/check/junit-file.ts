import path from 'node:path';
import { replaceFileAtomic } from '../project/atomic-write.ts';
import { formatJUnit } from './junit-report.ts';
import type { CheckResult } from './run-check.ts';

/** Writes the JUnit XML for `check --junit FILE` whole or not at all (temp file + rename). */
export async function writeJUnitFile(file: string, result: CheckResult): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const target = path.resolve(file);
  try {
    await replaceFileAtomic(target, formatJUnit(result));
    return { ok: true, path: target };
  } catch (err) {
    return { ok: false, message: `could not write the JUnit XML to ${target}: ${(err as Error).message}` };
  }
}
