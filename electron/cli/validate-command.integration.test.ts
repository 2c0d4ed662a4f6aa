import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate, VALIDATE_USAGE } from './validate-command.ts';
import { runCommand } from '../../test/support/command-output.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(REPO, 'test/fixtures/asyncapi/import');
const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

const validate = (...argv: string[]) => runCommand(runValidate, argv);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-validate-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function project(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(dir, name);
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  }
  return root;
}

const STOCK_TICKER = await fs.readFile(path.join(REPO, 'examples/stock-ticker/stock-ticker.asyncapi.yaml'), 'utf8');
const BROKEN = 'asyncapi: 3.0.0\ninfo:\n  title: Broken\n  version: 1.0.0\nx-context: "/bad context"\nservers:\n  b: { host: "h:1", protocol: sse }\nchannels:\n  all: { address: "/*" }\noperations:\n  r: { action: receive, channel: { $ref: "#/channels/all" } }\n';

describe('sse-studio validate', () => {
  it('checks a project folder: one line per problem with file:line:col, then the summary; exit 1 on errors', async () => {
    const root = await project('mixed', { 'stocks.asyncapi.yaml': STOCK_TICKER, 'apis/broken.yaml': BROKEN, 'package.json': '{ "name": "not-an-api" }' });
    const { code, stdout, stderr } = await validate(root);
    expect(code).toBe(1);
    expect(stderr).toEqual([]);
    expect(stdout).toEqual([
      `${rel(path.join(root, 'apis/broken.yaml'))}:5:12: error: Remove spaces from the context: use letters, digits, "/", "-", "_", "." and {version}.`,
      '2 files, 1 API, 1 error, 0 warnings',
    ]);
  });

  it('exits 0 when there are only warnings, and prints them', async () => {
    const { code, stdout } = await validate(path.join(FIXTURES, 'wso2-apim-4.0-sse-2.0.json'));
    expect(code).toBe(0);
    const file = rel(path.join(FIXTURES, 'wso2-apim-4.0-sse-2.0.json'));
    expect(stdout).toContain(`${file}:12:5: warning: Server "sandbox" is not imported: an SSE Studio API has one backend endpoint, taken from server "production".`);
    expect(stdout).toContainEqual(expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: warning: .*\\[asyncapi2-operation-operationId\\]$`)));
    expect(stdout.at(-1)).toMatch(/^1 file, 1 API, 0 errors, \d+ warnings$/);
  });

  it('reports parser errors and SSE problems together, sorted by position', async () => {
    const { code, stdout } = await validate(path.join(FIXTURES, 'broken-fields-3.0.yaml'));
    expect(code).toBe(1);
    const positions = stdout.slice(0, -1).map((l) => l.split(':').slice(1, 3).map(Number) as [number, number]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(stdout.at(-1)).toMatch(/^1 file, 0 APIs, \d+ errors, \d+ warnings?$/);
  });

  it('reports a YAML syntax error at its position', async () => {
    const { code, stdout } = await validate(path.join(FIXTURES, 'broken-yaml-syntax.yaml'));
    expect(code).toBe(1);
    expect(stdout).toEqual([`${rel(path.join(FIXTURES, 'broken-yaml-syntax.yaml'))}:8:1: error: Missing closing "quote`, '1 file, 0 APIs, 1 error, 0 warnings']);
  });

  it('flags two APIs at one gateway path in both files', async () => {
    const root = await project('clash', { 'a.yaml': STOCK_TICKER, 'b.yaml': STOCK_TICKER.replace('Stock Ticker', 'Stock Ticker Copy') });
    const { code, stdout } = await validate(root);
    expect(code).toBe(1);
    expect(stdout).toEqual([
      `${rel(path.join(root, 'a.yaml'))}:9:12: error: This API and ${rel(path.join(root, 'b.yaml'))} share the gateway path /stocks/1.0.0: give each a unique context or version.`,
      `${rel(path.join(root, 'b.yaml'))}:9:12: error: This API and ${rel(path.join(root, 'a.yaml'))} share the gateway path /stocks/1.0.0: give each a unique context or version.`,
      '2 files, 0 APIs, 2 errors, 0 warnings',
    ]);
  });

  it('prints machine-readable JSON with --json', async () => {
    const root = await project('json', { 'stocks.yaml': STOCK_TICKER, 'broken.yaml': BROKEN });
    const { code, stdout } = await validate('--json', root);
    expect(code).toBe(1);
    expect(stdout).toHaveLength(1);
    expect(JSON.parse(stdout[0] as string)).toEqual({
      files: [
        { file: rel(path.join(root, 'broken.yaml')), api: null, problems: [{ line: 5, column: 12, severity: 'error', source: 'sse-api', message: expect.stringMatching(/^Remove spaces/) }] },
        { file: rel(path.join(root, 'stocks.yaml')), api: { name: 'Stock Ticker', version: '1.0.0', context: '/stocks', basePath: '/stocks/1.0.0' }, problems: [] },
      ],
      summary: { files: 2, apis: 1, errors: 1, warnings: 0 },
    });
  });

  it('says so when a folder holds no AsyncAPI document, and exits 0', async () => {
    const root = await project('empty', { 'notes.yaml': 'hello: world\n' });
    expect(await validate(root)).toEqual({ code: 0, stderr: [], stdout: [`No AsyncAPI documents in ${root}.`, '0 files, 0 APIs, 0 errors, 0 warnings'] });
  });

  it.each([
    [[], /Give an AsyncAPI file or a project folder/],
    [['a', 'b'], /Give one file or folder, not 2/],
    [['--bogus', 'x'], /Unknown option '--bogus'/],
    [['/no/such/place'], /\/no\/such\/place: no such file or folder/],
  ])('refuses %j with one clear line and exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await validate(...(argv as string[]));
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(message);
    expect(stderr[0]).toMatch(/^sse-studio validate: .*See "sse-studio validate --help"\.$/);
  });

  it('answers --help', async () => {
    expect(await validate('--help')).toEqual({ code: 0, stdout: [VALIDATE_USAGE], stderr: [] });
  });
});
