import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../test/support/command-output.ts';
import { runExport } from '../cli/export-command.ts';
import { validateAsyncApiText } from './asyncapi-validator.ts';
import { bundleApiDocument } from './external-refs.ts';
import { ProjectStore } from './project-store.ts';

/** References into other files reach only regular files inside the project, never the network. */
let parent: string;
let server: http.Server;
let requests = 0;
let serverUrl: string;

const doc = (payloadRef: string, extra = '') => `asyncapi: 3.0.0
info: { title: Ticks, version: 1.0.0 }
x-context: /ticks
servers: { mock: { host: 127.0.0.1:1, protocol: sse } }
channels:
  ticks:
    address: /ticks
    messages:
      tick: { name: tick, payload: { $ref: '${payloadRef}' } }${extra}
operations:
  sendTicks: { action: send, channel: { $ref: '#/channels/ticks' } }
`;

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(parent, name);
  await fs.mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), text);
  }
  return dir;
}

beforeAll(async () => {
  parent = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-ref-confinement-'));
  await fs.writeFile(path.join(parent, 'outside.json'), JSON.stringify({ Secret: { type: 'string', const: 'TOP-SECRET-OUTSIDE' } }));
  server = http.createServer((_req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ type: 'string', const: 'FETCHED' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(parent, { recursive: true, force: true });
});
const startDir = process.cwd();
afterEach(() => process.chdir(startDir));

describe('references into other files stay inside the project', () => {
  it('a reference to a file outside the project is refused at its line and column, and nothing of it is loaded', async () => {
    const dir = await project('outside', { 'ticks.asyncapi.yaml': doc('../outside.json#/Secret') });
    const store = await ProjectStore.open(dir);
    expect(store.list().apis).toEqual([]);
    expect(store.list().problems).toEqual([expect.objectContaining({ file: 'ticks.asyncapi.yaml', line: 9, message: expect.stringMatching(/Cannot resolve \$ref "\.\.\/outside\.json#\/Secret".*outside the project folder/) })]);
    expect(JSON.stringify(store.list())).not.toContain('TOP-SECRET-OUTSIDE');
  });

  it('a symlink that leads out of the project is refused, also when reached through another project file', async () => {
    const dir = await project('symlink', { 'ticks.asyncapi.yaml': doc('./schemas/index.json#/Tick'), 'schemas/index.json': JSON.stringify({ Tick: { $ref: './link.json#/Secret' } }) });
    await fs.symlink(path.join(parent, 'outside.json'), path.join(dir, 'schemas', 'link.json'));
    const store = await ProjectStore.open(dir);
    expect(store.list().apis).toEqual([]);
    expect(store.list().problems).toEqual([expect.objectContaining({ line: 9, message: expect.stringMatching(/schemas\/index\.json:1:\d+ has \$ref "\.\/link\.json#\/Secret": it leads outside the project folder/) })]);
    expect(JSON.stringify(store.list())).not.toContain('TOP-SECRET-OUTSIDE');
  });

  it('/dev/zero (and a symlink to it) is refused at once, not read', async () => {
    const dir = await project('zero', { 'ticks.asyncapi.yaml': doc('../../../../../../../../../../dev/zero'), 'other/ticks.asyncapi.yaml': doc('./zero.json#/A').replace('Ticks', 'Other') });
    await fs.symlink('/dev/zero', path.join(dir, 'other', 'zero.json'));
    const started = Date.now();
    const store = await ProjectStore.open(dir);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(store.list().apis).toEqual([]);
    expect(store.list().problems.map((p) => p.message)).toEqual([expect.stringMatching(/"\.\/zero\.json#\/A".*outside the project/), expect.stringMatching(/dev\/zero".*outside the project/)]);
  });

  it('a file inside the project that is not a regular file (a FIFO) is refused without opening it', async () => {
    const dir = await project('fifo', { 'ticks.asyncapi.yaml': doc('./pipe.json#/A') });
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    const store = await ProjectStore.open(dir);
    expect(store.list().problems).toEqual([expect.objectContaining({ line: 9, message: expect.stringMatching(/not a regular file/) })]);
  });

  it('validate (the AsyncAPI parser\'s own reader too) answers at once for a FIFO or a device', async () => {
    const dir = await project('validate', { 'fifo.asyncapi.yaml': doc('./pipe.json#/A'), 'zero.asyncapi.yaml': doc('./zero.json#/A') });
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    await fs.symlink('/dev/zero', path.join(dir, 'zero.json'));
    for (const name of ['fifo.asyncapi.yaml', 'zero.asyncapi.yaml']) {
      const file = path.join(dir, name);
      const started = Date.now();
      const { problems } = await validateAsyncApiText(await fs.readFile(file, 'utf8'), file);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(problems.some((p) => p.severity === 'error' && p.line === 9)).toBe(true);
    }
  });

  it('an http(s) reference is never fetched: it stays a $ref in the inlined document, the mock and export --bundle', async () => {
    const dir = await project('http', {
      'ticks.asyncapi.yaml': doc(`${serverUrl}/evil.json`, `\n  prices:\n    address: /prices\n    messages:\n      price: { name: price, payload: { $ref: './schemas.json#/Price' } }`),
      'schemas.json': JSON.stringify({ Price: { type: 'object', properties: { remote: { $ref: `${serverUrl}/nested.json` } } } }),
    });
    const store = await ProjectStore.open(dir);
    const [entry] = store.list().apis;
    if (!entry) throw new Error(JSON.stringify(store.list().problems));
    const channels = (entry.resolved as { channels: unknown }).channels as Record<string, { messages: Record<string, { payload: unknown }> }>;
    expect(channels.ticks?.messages.tick?.payload).toEqual({ $ref: `${serverUrl}/evil.json` });
    expect(channels.prices?.messages.price?.payload).toEqual({ type: 'object', properties: { remote: { $ref: `${serverUrl}/nested.json` } } });
    const exported = await runCommand(runExport, [path.join(dir, 'ticks.asyncapi.yaml'), '--project', dir, '--format', 'json', '--asyncapi', '3.0', '--bundle']);
    expect(exported.code).toBe(0);
    expect(exported.stdout.join('\n')).toContain(`${serverUrl}/nested.json`);
    expect(requests).toBe(0);
  });

  it('export --bundle refuses a reference out of the project with file:line:col', async () => {
    const dir = await project('export', { 'ticks.asyncapi.yaml': doc('../outside.json#/Secret') });
    const file = path.join(dir, 'ticks.asyncapi.yaml');
    const { code, stdout, stderr } = await runCommand(runExport, [file, '--project', dir, '--format', 'json', '--asyncapi', '3.0', '--bundle']);
    expect(code).toBe(1);
    expect(stderr[0]).toMatch(/ticks\.asyncapi\.yaml:9:\d+: error: Cannot resolve \$ref "\.\.\/outside\.json#\/Secret".*outside the project folder/);
    expect(stdout.join('\n')).not.toContain('TOP-SECRET-OUTSIDE');
  });

  it('bundling leaves the process working folder as it was, also when it fails', async () => {
    const dir = await project('cwd', { 'sub/ticks.asyncapi.yaml': doc('./schemas.json#/Missing'), 'sub/schemas.json': JSON.stringify({ Tick: { type: 'string' } }) });
    const before = process.cwd();
    const bundled = await bundleApiDocument(path.join(dir, 'sub', 'ticks.asyncapi.yaml'), dir);
    expect(bundled.ok).toBe(false);
    expect(process.cwd()).toBe(before);
  });
});
