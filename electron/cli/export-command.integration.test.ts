import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportApiDocument, type DocumentExportOptions } from '../../shared/asyncapi/export-document.ts';
import { EXPORT_USAGE, runExport } from './export-command.ts';
import { runCommand } from '../../test/support/command-output.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(REPO, 'test/fixtures/asyncapi/import');
const EXAMPLES = path.join(REPO, 'examples');
const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

const exportCli = (...argv: string[]) => runCommand(runExport, argv);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-export-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const stockTicker = path.join(EXAMPLES, 'stock-ticker/stock-ticker.asyncapi.yaml');
const expectedExport = async (file: string, options: DocumentExportOptions) => {
  const result = exportApiDocument(await fs.readFile(file, 'utf8'), file, options);
  if (!result.ok) throw new Error('fixture does not export');
  return result.text;
};

describe('sse-studio export', () => {
  it('prints the document to stdout, byte for byte', async () => {
    const { code, stdout, stderr } = await exportCli(stockTicker, '--format', 'json', '--asyncapi', '2.6', '--profile', 'wso2');
    expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
    expect(stdout.join('\n') + '\n').toBe(await expectedExport(stockTicker, { format: 'json', asyncapi: '2.6', profile: 'wso2' }));
  });

  it('without --format: the document\'s own format, or the --out file\'s extension (issue 8 done-when command)', async () => {
    const { code, stdout, stderr } = await exportCli(stockTicker, '--asyncapi', '3.0', '--profile', 'studio');
    expect({ code, stderr }).toEqual({ code: 0, stderr: [] });
    // studio 3.0 of a 3.0 YAML file is the file itself: the Price schema, message names, x-mock, comments.
    expect(stdout.join('\n') + '\n').toBe(await fs.readFile(stockTicker, 'utf8'));
    const out = path.join(dir, 'stocks.json');
    expect((await exportCli(stockTicker, '--asyncapi', '2.6', '--out', out)).code).toBe(0);
    expect(await fs.readFile(out, 'utf8')).toBe(await expectedExport(stockTicker, { format: 'json', asyncapi: '2.6', profile: 'studio' }));
  });

  it('finds an API by name in the --project folder (studio profile by default)', async () => {
    const { code, stdout } = await exportCli('stock ticker', '--project', EXAMPLES, '--format', 'yaml', '--asyncapi', '3.0');
    expect(code).toBe(0);
    expect(stdout.join('\n') + '\n').toBe(await expectedExport(stockTicker, { format: 'yaml', asyncapi: '3.0', profile: 'studio' }));
  });

  it('imports foreign documents, printing their warnings as file:line:col on stderr', async () => {
    const file = path.join(FIXTURES, 'wso2-apim-4.0-sse-2.0.json');
    const { code, stdout, stderr } = await exportCli(file, '--format', 'yaml', '--asyncapi', '3.0');
    expect(code).toBe(0);
    expect(stdout.join('\n')).toMatch(/^asyncapi: 3\.0\.0\n/);
    expect(stderr).toContain(`${rel(file)}:12:5: warning: Server "sandbox" is not imported: an SSE Studio API has one backend endpoint, taken from server "production".`);
  });

  it('refuses a document that is not an SSE API: its errors with positions, exit 1', async () => {
    const file = path.join(FIXTURES, 'broken-publish-only-2.6.yaml');
    const { code, stdout, stderr } = await exportCli(file, '--format', 'yaml', '--asyncapi', '3.0');
    expect(code).toBe(1);
    expect(stdout).toEqual([]);
    expect(stderr).toEqual([
      expect.stringMatching(new RegExp(`^${rel(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:11:3: error: Channel "/orders" cannot be an SSE topic`)),
      expect.stringMatching(/:15:3: error: Channel "\/orders\/\{id\}\/cancel" cannot be an SSE topic/),
      `sse-studio export: ${rel(file)} is not an SSE API: fix the errors above.`,
    ]);
  });

  it('writes --out atomically, refuses to overwrite it without --force, replaces it with --force', async () => {
    const out = path.join(dir, 'stocks.wso2.yaml');
    const first = await exportCli(stockTicker, '--format', 'yaml', '--asyncapi', '2.6', '--profile', 'wso2', '--out', out);
    expect(first).toEqual({ code: 0, stderr: [], stdout: [`Wrote ${rel(out)} (AsyncAPI 2.6, yaml, wso2 profile; removed 3 x- blocks).`] });
    expect(await fs.readFile(out, 'utf8')).toBe(await expectedExport(stockTicker, { format: 'yaml', asyncapi: '2.6', profile: 'wso2' }));

    await fs.writeFile(out, 'mine, keep me\n');
    const again = await exportCli(stockTicker, '--format', 'yaml', '--asyncapi', '2.6', '--out', out);
    expect(again).toEqual({ code: 1, stdout: [], stderr: [`sse-studio export: ${out} already exists: add --force to replace it.`] });
    expect(await fs.readFile(out, 'utf8')).toBe('mine, keep me\n');

    const forced = await exportCli(stockTicker, '--format', 'yaml', '--asyncapi', '3.0', '--out', out, '--force');
    expect(forced.code).toBe(0);
    // studio 3.0 of a 3.0 file is the file itself, comments included.
    expect(await fs.readFile(out, 'utf8')).toBe(await fs.readFile(stockTicker, 'utf8'));
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says why it cannot write --out (missing folder), exit 1', async () => {
    const out = path.join(dir, 'no-such-folder', 'x.yaml');
    const { code, stderr } = await exportCli(stockTicker, '--format', 'yaml', '--asyncapi', '3.0', '--out', out);
    expect(code).toBe(1);
    expect(stderr).toEqual([`sse-studio export: cannot write ${out} (ENOENT).`]);
  });

  it.each([
    [[], /Give an AsyncAPI file or the name of an API/],
    [['a.yaml', 'b.yaml', '--format', 'yaml', '--asyncapi', '3.0'], /Give one API file or name, not 2/],
    [['x', '--format', 'xml', '--asyncapi', '3.0'], /--format must be yaml or json \(got "xml"\)/],
    [['x', '--format', 'yaml', '--asyncapi', '3.1'], /--asyncapi must be 3\.0 or 2\.6 \(got "3\.1"\)/],
    [['x', '--format', 'yaml', '--asyncapi', '3.0', '--profile', 'apim'], /--profile must be studio, clean or wso2 \(got "apim"\)/],
    [['x', '--format', 'yaml', '--asyncapi', '3.0', '--force'], /--force only applies with --out/],
    [['x', '--format', 'yaml', '--asyncapi', '3.0', '--bogus'], /Unknown option '--bogus'/],
    [['missing.yaml', '--format', 'yaml', '--asyncapi', '3.0'], /missing\.yaml: no such file\./],
    [[EXAMPLES, '--format', 'yaml', '--asyncapi', '3.0'], /is a folder: give an AsyncAPI file, or an API name with --project/],
    [['Nope', '--project', EXAMPLES, '--format', 'yaml', '--asyncapi', '3.0'], /There is no API named "Nope" in .* \(APIs: Stock Ticker\)/],
    [['Nope', '--project', '/no/such/dir', '--format', 'yaml', '--asyncapi', '3.0'], /--project \/no\/such\/dir: no such folder\./],
  ])('refuses %j with one clear line and exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await exportCli(...(argv as string[]));
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
    expect(stderr[0]).toMatch(/^sse-studio export: /);
    expect(stderr[0]).not.toMatch(/\n\s+at /);
  });

  it('asks for the file when a name matches several APIs', async () => {
    const root = path.join(dir, 'twins');
    await fs.mkdir(root);
    const text = await fs.readFile(stockTicker, 'utf8');
    await fs.writeFile(path.join(root, 'v1.yaml'), text);
    await fs.writeFile(path.join(root, 'v2.yaml'), text.replace('version: 1.0.0', 'version: 2.0.0'));
    const { code, stderr } = await exportCli('Stock Ticker', '--project', root, '--format', 'yaml', '--asyncapi', '3.0');
    expect(code).toBe(2);
    expect(stderr).toEqual([expect.stringMatching(/"Stock Ticker" names 2 APIs \(.*v1\.yaml: 1\.0\.0, .*v2\.yaml: 2\.0\.0\): give the file instead\./)]);
  });

  it('keeps the stock ticker\'s Price schema, message names, examples and every x-mock (3.0 and 2.6; clean minus x-)', async () => {
    const source = parse(await fs.readFile(stockTicker, 'utf8'));
    for (const asyncapi of ['3.0', '2.6']) {
      for (const profile of ['studio', 'clean']) {
        const { code, stdout } = await exportCli(stockTicker, '--asyncapi', asyncapi, '--profile', profile, '--format', 'yaml');
        expect(code).toBe(0);
        const text = stdout.join('\n');
        const doc = parse(text);
        expect(doc.components.schemas.Price).toEqual(source.components.schemas.Price);
        expect(text.match(/name: price/g)).toHaveLength(2);
        expect(text.match(/x-mock:/g) ?? []).toHaveLength(profile === 'studio' ? 2 : 0);
        if (profile === 'clean') expect(text).not.toMatch(/\bx-/);
      }
    }
  });

  it('keeps a reference into another file working from where --out is written, or inlines it with --bundle', async () => {
    const market = path.join(REPO, 'test/fixtures/asyncapi/handmade/market-data-3.0.yaml');
    const kept = path.join(dir, 'market.yaml');
    expect((await exportCli(market, '--format', 'yaml', '--asyncapi', '2.6', '--out', kept)).code).toBe(0);
    const ref = parse(await fs.readFile(kept, 'utf8')).channels['/quotes/{symbol}'].subscribe.message.oneOf[1].payload.$ref as string;
    const [file, pointer] = ref.split('#');
    expect(pointer).toBe('/Trade');
    expect(JSON.parse(await fs.readFile(path.resolve(dir, file as string), 'utf8'))).toHaveProperty('Trade');

    const bundled = await exportCli(market, '--format', 'json', '--asyncapi', '3.0', '--bundle');
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout.join('\n')).channels.quotes.messages.trade.payload).toMatchObject({ type: 'object', required: ['symbol', 'price', 'size'] });
  });

  it('refuses a reference that cannot be resolved with file:line:col', async () => {
    const broken = path.join(REPO, 'test/fixtures/asyncapi/refs/broken-external-ref-3.0.yaml');
    const { code, stderr } = await exportCli(broken, '--format', 'yaml', '--asyncapi', '3.0');
    expect(code).toBe(1);
    expect(stderr[0]).toMatch(new RegExp(`^${rel(broken).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:18:17: error: Cannot resolve \\$ref "\\./missing-schemas\\.json#/Tick"`));
  });

  it('answers --help', async () => {
    expect(await exportCli('-h')).toEqual({ code: 0, stdout: [EXPORT_USAGE], stderr: [] });
  });
});
