import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { EventSource } from 'eventsource';
import { REPO_ROOT, runCli, startServe, type ServeProcess } from '../../test/support/cli-process.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { startScriptedBackend, sseHeaders, type ScriptedBackend } from '../../test/support/scripted-backend.ts';

let serving: ServeProcess | undefined;
let backend: ScriptedBackend | undefined;
afterEach(async () => {
  await serving?.stop('SIGKILL');
  serving = undefined;
  await backend?.close();
  backend = undefined;
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('sse-studio serve', () => {
  it('serves the stock-ticker example: prices stream through the gateway, then Ctrl-C stops everything with exit 0', async () => {
    // The example points at 127.0.0.1:8080; run a copy of it against a free port instead, so the
    // test does not depend on 8080 being free.
    const mockPort = await freePort();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-example-'));
    const example = await fs.readFile(path.join(REPO_ROOT, 'examples/stock-ticker/stock-ticker.asyncapi.yaml'), 'utf8');
    expect(example).toContain('host: 127.0.0.1:8080');
    await fs.writeFile(path.join(dir, 'stock-ticker.asyncapi.yaml'), example.replace('host: 127.0.0.1:8080', `host: 127.0.0.1:${mockPort}`));

    serving = await startServe([dir, '--gateway-port', '0', '--https-port', '0', '--mock-port', String(mockPort), '--ui-port', '0']);
    const { gateway, mock, ui, apis } = serving.urls;
    expect(gateway).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock).toBe(`http://127.0.0.1:${mockPort}`);
    expect(ui).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    expect(apis).toEqual([`${gateway}/stocks/1.0.0/prices`, `${gateway}/stocks/1.0.0/prices/{symbol}`]);

    const { events } = await readEvents(`${gateway}/stocks/1.0.0/prices?rate=50`, 3);
    expect(events.map((e) => e.event)).toEqual(['price', 'price', 'price']);
    const ids = events.map((e) => Number(e.id));
    expect(ids[1]! - ids[0]!).toBe(1);
    expect(ids[2]! - ids[1]!).toBe(1);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ symbol: expect.any(String), price: expect.any(Number) });

    // A stream is open while we stop: it must be closed, the ports freed, the exit code 0.
    const es = new EventSource(`${gateway}/stocks/1.0.0/prices/ACME`);
    await new Promise((r) => (es.onopen = r));
    const code = await serving.stop('SIGINT');
    es.close();
    expect(code).toBe(0);
    expect(serving.stdout()).toMatch(/Stopped\./);
    for (const url of [gateway!, serving.urls.https!, mock!, ui!]) expect(await canConnect(portOf(url))).toBe(false);
  });

  it('points APIs written for the mock\'s usual address (127.0.0.1:8080) at the running mock when it runs elsewhere', async () => {
    serving = await startServe(['examples/stock-ticker', '--gateway-port', '0', '--https-port', 'off', '--mock-port', '0', '--no-ui']);
    // ... at the API's own mount there, so no other API's messages can cross into it.
    expect(serving.stdout()).toMatch(new RegExp(`topic /prices -> ${serving.urls.mock}/apis/stock-ticker-[0-9a-f]{6}\\)`));
    const { events } = await readEvents(`${serving.urls.gateway}/stocks/1.0.0/prices/GLOBEX?rate=100`, 2);
    expect(events.map((e) => JSON.parse(e.data).symbol)).toEqual(['GLOBEX', 'GLOBEX']);
  });

  it('streams a hand-written AsyncAPI 2.6 file against another local SSE server, every event in order', async () => {
    const total = 200;
    backend = await startScriptedBackend((req, res) => {
      sseHeaders(res);
      for (let n = 1; n <= total; n++) res.write(`id: ${n}\nevent: update\ndata: {"n":${n},"path":"${req.url}"}\n\n`);
    });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-cli-'));
    const file = path.join(dir, 'orders.yaml');
    await fs.writeFile(
      file,
      `asyncapi: 2.6.0
info:
  title: Order Updates
  version: v2
x-context: /{version}/orders
servers:
  docs:
    url: https://docs.example.test
    protocol: https
  backend:
    url: ${backend.url}/base
    protocol: sse
channels:
  /updates/{region}:
    subscribe:
      message:
        payload: { type: object }
`,
    );
    serving = await startServe([file, '--gateway-port', '0', '--no-https', '--no-mock', '--no-ui']);
    expect(serving.urls.mock).toBeUndefined();
    expect(serving.urls.ui).toBeUndefined();
    const { events } = await readEvents(`${serving.urls.gateway}/v2/orders/updates/eu?since=today`, total);
    expect(events.map((e) => Number(e.id))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(JSON.parse(events[0]!.data)).toEqual({ n: 1, path: '/base/updates/eu?since=today' });
    expect(await serving.stop('SIGTERM')).toBe(0);
  });

  it('with the example as is (endpoint 127.0.0.1:8080), the default mock port serves its prices end to end', async (ctx) => {
    // Only when 8080 and 8280 are free on this machine; otherwise the case is covered above with a free port.
    if ((await canConnect(8080)) || (await canConnect(8280)) || (await canConnect(8243))) ctx.skip();
    serving = await startServe(['examples/stock-ticker', '--ui-port', 'off']);
    expect(serving.urls.gateway).toBe('http://127.0.0.1:8280');
    const { events } = await readEvents('http://127.0.0.1:8280/stocks/1.0.0/prices/ACME', 2, { timeoutMs: 15_000 });
    expect(events.map((e) => JSON.parse(e.data).symbol)).toEqual(['ACME', 'ACME']);
    expect(await serving.stop()).toBe(0);
  });
});

describe('project settings file', () => {
  it("takes ports from the project's sse-studio.yaml, and command-line flags win over it", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-settings-'));
    await fs.copyFile(path.join(REPO_ROOT, 'examples/stock-ticker/stock-ticker.asyncapi.yaml'), path.join(dir, 'stock.yaml'));
    await fs.writeFile(path.join(dir, 'sse-studio.yaml'), 'gatewayPort: 0\nhttpsPort: off\nmockPort: off\nuiPort: off\n');
    serving = await startServe([dir, '--mock-port', '0']);
    expect(serving.urls.https).toBeUndefined();
    expect(serving.urls.ui).toBeUndefined();
    expect(serving.urls.gateway).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(serving.urls.gateway).not.toBe('http://127.0.0.1:8280');
    expect(serving.urls.mock).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/); // the flag beat "mockPort: off"
    expect(await serving.stop()).toBe(0);
  });

  it('names the line of a bad setting', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-settings-'));
    await fs.copyFile(path.join(REPO_ROOT, 'examples/stock-ticker/stock-ticker.asyncapi.yaml'), path.join(dir, 'stock.yaml'));
    await fs.writeFile(path.join(dir, 'sse-studio.yaml'), 'gatewayPort: 0\nmockPort: lots\n');
    const result = await runCli(['serve', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/sse-studio\.yaml:2:11: mockPort must be a port from 0 to 65535, or off \(got "lots"\)\.$/);
  });
});

describe('sse-studio errors: one clear line, non-zero exit, no stack trace', () => {
  it.each([
    [['serve'], 2, /^sse-studio serve: Give a project folder or an AsyncAPI file/],
    [['serve', 'examples/stock-ticker', '--gateway-port', 'http'], 2, /^sse-studio serve: --gateway-port must be a port number/],
    [['serve', 'examples/stock-ticker', '--frobnicate'], 2, /^sse-studio serve: Unknown option '--frobnicate'/],
    [['serve', 'no/such/folder'], 1, /^sse-studio serve: no\/such\/folder: no such file or folder\.$/],
    [['launch'], 2, /^sse-studio: unknown command "launch"/],
  ])('sse-studio %j', async (args, code, message) => {
    const result = await runCli(args as string[]);
    expect(result.code).toBe(code);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the line and column of a broken AsyncAPI file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-cli-'));
    const file = path.join(dir, 'broken.yaml');
    await fs.writeFile(file, 'asyncapi: 3.0.0\ninfo:\n  title: Broken\n  version: 1.0.0\nx-context: "/bad context"\nservers: {}\nchannels: {}\n');
    const result = await runCli(['serve', file, '--ui-port', 'off', '--gateway-port', '0', '--https-port', '0', '--mock-port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/broken\.yaml:5:12: Remove spaces from the context/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says which port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runCli(['serve', 'examples/stock-ticker', '--gateway-port', String(port), '--https-port', '0', '--mock-port', '0', '--ui-port', 'off']);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`sse-studio serve: Gateway (HTTP): 127.0.0.1:${port} is already in use; stop the program using it or pick another port.`);
    } finally {
      blocker.close();
    }
  });
});
