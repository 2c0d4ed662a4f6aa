import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExport } from '../../electron/cli/export-command.ts';
import { runValidate } from '../../electron/cli/validate-command.ts';
import { ProjectStore } from '../../electron/project/project-store.ts';
import { acceptApiDocument } from '../../shared/asyncapi/accept-document.ts';
import { importSseApi } from '../../shared/asyncapi/import-sse-api.ts';
import { allDocuments, rel, ROOT } from './fixture-files.ts';

/**
 * One gate: every refused fixture is refused by import (UI / Studio API), `sse-studio validate`,
 * `sse-studio export` and the project loader behind `serve`, with the same messages at the same
 * lines and columns. (validate may add the AsyncAPI parser's own spec errors on top.)
 */
const refused = [...allDocuments(), path.join(ROOT, 'test/fixtures/asyncapi/refs/broken-external-ref-3.0.yaml')].filter(
  (file) => file.includes('/refs/') || !acceptApiDocument(readFileSync(file, 'utf8'), file).ok,
);
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

async function cli(run: typeof runExport, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('every refused document is refused identically by validate, import, export and serve', () => {
  it('refuses the Kafka, MQTT, AMQP, Mercure and WebSocket examples, the broken fixtures and the unresolvable $ref', () => {
    expect(refused.length).toBeGreaterThanOrEqual(25);
    expect(refused.map(rel)).toEqual(expect.arrayContaining(['test/fixtures/asyncapi/official/spec-2.6-streetlights-kafka.yml', 'test/fixtures/asyncapi/official/spec-3.0-websocket-gemini.yml']));
  });

  it.each(refused.map((f) => [rel(f), f]))('%s', async (name, file) => {
    const exported = await cli(runExport, [file, '--format', 'yaml', '--asyncapi', '3.0']);
    expect(exported.code, 'export').toBe(1);
    const expected = exported.err.filter((l) => l.includes(': error: ')).map((l) => l.slice(rel(file).length + 1));
    expect(expected.length).toBeGreaterThan(0);

    const text = readFileSync(file, 'utf8');
    if (!name.includes('/refs/')) {
      // The UI has no file system: a reference into another file is checked where files are read.
      const imported = importSseApi(text, file);
      expect(!imported.ok && imported.problems.map((p) => `${p.line ?? 1}:${p.column ?? 1}: error: ${p.message}`), 'import').toEqual(expected);
    }

    const validated = await cli(runValidate, [file, '--json']);
    expect(validated.code, 'validate').toBe(1);
    const report = JSON.parse(validated.out.join('\n')) as { files: Array<{ problems: Array<{ line: number; column: number; severity: string; source: string; message: string }> }> };
    const mine = report.files[0]?.problems.filter((p) => p.severity === 'error' && p.source !== 'asyncapi').map((p) => `${p.line}:${p.column}: error: ${p.message}`);
    expect(new Set(mine), 'validate').toEqual(new Set(expected));

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-refusal-'));
    dirs.push(dir);
    const copy = path.join(dir, path.basename(file));
    await fs.writeFile(copy, text);
    if (name.includes('/refs/')) await fs.cp(path.dirname(file), dir, { recursive: true });
    const store = await ProjectStore.open(dir);
    const { apis, problems } = store.list();
    expect(apis, 'serve').toEqual([]);
    const served = problems.map((p) => `${p.line ?? 1}:${p.column ?? 1}: error: ${p.message.replaceAll(dir, path.dirname(file))}`);
    if (served.length) expect(served, 'serve').toEqual(expected);
    else {
      // In a folder, a file without an "asyncapi" key is not taken for a document; named alone, it is refused.
      await expect(ProjectStore.open(copy), 'serve').rejects.toThrow(`${copy}:${expected[0]?.replace(': error: ', ': ')}`);
    }
  });
});
