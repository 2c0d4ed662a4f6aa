import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDocs } from './docs-command.ts';
import { runCommand } from '../../test/support/command-output.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = path.join(REPO, 'examples');
const stockTicker = path.join(EXAMPLES, 'stock-ticker/stock-ticker.asyncapi.yaml');
const gitter = path.join(REPO, 'test/fixtures/docs/gitter-streaming-2.6.yml');

const docsCli = (...argv: string[]) => runCommand(runDocs, argv);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-docs-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('sse-studio docs', () => {
  it('writes one HTML file with the gateway URLs of each topic, and refuses to overwrite it without --force', async () => {
    const out = path.join(dir, 'stocks.html');
    const first = await docsCli(stockTicker, '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout[0]).toMatch(/^Wrote .*stocks\.html \(HTML docs, \d+ KB, no network needed\)\.$/);
    const html = await fs.readFile(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('http://127.0.0.1:8280/stocks/1.0.0/prices/{symbol}');
    expect(html).toContain('https://127.0.0.1:8243/stocks/1.0.0/prices');
    expect(html).toContain('SSE Studio');
    const again = await docsCli(stockTicker, '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr.join('\n')).toContain('already exists: add --force');
    expect((await docsCli(stockTicker, '--out', out, '--force')).code).toBe(0);
  });

  it('finds an API by name in --project, with other gateway URLs or HTTPS off', async () => {
    const { code, stdout } = await docsCli('stock ticker', '--project', EXAMPLES, '--gateway-url', 'http://localhost:9000/', '--https-url', 'off');
    expect(code).toBe(0);
    const html = stdout.join('\n');
    expect(html).toContain('http://localhost:9000/stocks/1.0.0/prices');
    expect(html).not.toContain('https://');
  });

  it('documents the official 2.6 gitter-streaming example (warnings on stderr)', async () => {
    const { code, stdout, stderr } = await docsCli(gitter);
    expect(code).toBe(0);
    expect(stderr.join('\n')).toContain('warning:');
    expect(stdout.join('\n')).toContain('/rooms/{roomId}/{resource}');
  });

  it('never prints a secret from x-gateway', async () => {
    const file = path.join(dir, 'secured.asyncapi.yaml');
    const text = await fs.readFile(stockTicker, 'utf8');
    await fs.writeFile(file, text.replace('x-context: /stocks', 'x-context: /stocks\nx-gateway:\n  security: { type: apiKey, in: query, name: apikey, keys: [key-TOP-SECRET] }'));
    const { code, stdout } = await docsCli(file);
    expect(code).toBe(0);
    expect(stdout.join('\n')).toContain('apikey');
    expect(stdout.join('\n')).not.toContain('TOP-SECRET');
  });

  it('says what is wrong with the arguments (exit 2) or the document (exit 1)', async () => {
    expect((await docsCli()).code).toBe(2);
    expect((await docsCli(stockTicker, '--gateway-url', 'ftp://x')).stderr.join('')).toContain('--gateway-url must be a http URL');
    expect((await docsCli('no such api', '--project', EXAMPLES)).code).toBe(2);
    const broken = path.join(dir, 'broken.yaml');
    await fs.writeFile(broken, 'asyncapi: 3.0.0\ninfo: [\n');
    const result = await docsCli(broken);
    expect(result.code).toBe(1);
    expect(result.stderr.join('\n')).toMatch(/broken\.yaml:\d+:\d+: error:/);
  });
});
