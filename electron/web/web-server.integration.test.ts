import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createParser } from 'eventsource-parser';
import { StudioHost } from '../host/studio-host.ts';
import { WebServer } from './web-server.ts';
import type { StudioEvent } from '../../shared/api/contract.ts';
import { waitFor } from '../../test/support/scripted-backend.ts';

let studio: StudioHost;
let web: WebServer;
let base: string;
let projectDir: string;
let uiRoot: string;

beforeEach(async () => {
  projectDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-web-'));
  uiRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-ui-'));
  await fs.writeFile(path.join(uiRoot, 'index.html'), '<!doctype html><title>SSE Studio</title>');
  studio = await StudioHost.start({ project: projectDir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web' });
  web = new WebServer(studio, { host: '127.0.0.1', port: 0, uiRoot });
  base = await web.start();
});
afterEach(async () => {
  await web.stop();
  await studio.stop();
});

/** The JSON shape of a Studio API answer, loosely typed for assertions. */
interface Answer {
  ok: boolean;
  value: { id: string; subscriptionId: string } & Record<string, unknown>;
  error: { code: string; message: string };
}
const json = async (res: Response | Promise<Response>) => (await (await res).json()) as Answer;

const call = (method: string, params: unknown, token = web.token) =>
  fetch(`${base}/api/call/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(params) });

describe('web mode server', () => {
  it('serves the UI with a strict CSP and the openUrl carries the token in the fragment', async () => {
    const res = await fetch(`${base}/some/route`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('SSE Studio');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(web.openUrl).toBe(`${base}/#token=${web.token}`);
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    // Only the AsyncAPI parser's worker may eval (its schema compiler needs it); nothing else.
    await fs.mkdir(path.join(uiRoot, 'assets'));
    await fs.writeFile(path.join(uiRoot, 'assets/parser.worker-AbC12.js'), 'self.onmessage = () => {};');
    await fs.writeFile(path.join(uiRoot, 'assets/index-AbC12.js'), 'void 0;');
    expect((await fetch(`${base}/assets/parser.worker-AbC12.js`)).headers.get('content-security-policy')).toBe("default-src 'none'; script-src 'self' 'unsafe-eval'");
    expect((await fetch(`${base}/assets/index-AbC12.js`)).headers.get('content-security-policy')).not.toContain('unsafe-eval');
  });

  it('refuses the API without the right token', async () => {
    const none = await fetch(`${base}/api/call/apis.list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect((await json(none)).error.code).toBe('unauthorized');
    expect((await call('apis.list', {}, 'wrong-token')).status).toBe(401);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(base);
      const req = http.request({ host: url.hostname, port: url.port, path: '/api/call/apis.list', method: 'POST', headers: { host: 'evil.test', authorization: `Bearer ${web.token}`, 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('runs typed calls: unknown methods and bad params are refused with a code', async () => {
    expect(await json(call('host.info', {}))).toMatchObject({ ok: true, value: { mode: 'web', mockUrl: studio.mock?.url, gatewayUrl: studio.gateway?.url } });
    expect(await json(call('apis.drop', {}))).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    // Methods with more than one dot reach their handler too.
    expect(await json(call('mock.faults.list', {}))).toEqual({ ok: true, value: { faults: [] } });
    expect(await json(call('apis.deploy', { id: 3 }))).toMatchObject({ ok: false, error: { code: 'bad_params' } });
    const notJson = await fetch(`${base}/api/call/apis.list`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${web.token}` }, body: '{}' });
    expect(notJson.status).toBe(400);
  });

  it('creates an API as a file, streams apis.changed, deploys it and views its events end to end', async () => {
    const received: StudioEvent[] = [];
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: { authorization: `Bearer ${web.token}` }, signal: controller.signal });
    const parser = createParser({ onEvent: (e) => received.push(JSON.parse(e.data) as StudioEvent) });
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
      } catch {
        // aborted at the end of the test
      }
    })();

    const bad = await json(call('apis.create', { name: 'Price Feed', context: '/a b', version: '1.0.0', endpoint: studio.mock!.url! }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_api', fields: [{ field: 'context' }] } });
    expect(await fs.readdir(projectDir)).toEqual([]);

    const created = await json(call('apis.create', { name: 'Price Feed', context: '/feed', version: '2.0.0', endpoint: studio.mock!.url! }));
    expect(created).toMatchObject({ ok: true, value: { id: 'price-feed-2.0.0.asyncapi.yaml', basePath: '/feed/2.0.0', deployed: false, topics: [{ path: '/*' }] } });
    expect(await fs.readFile(path.join(projectDir, 'price-feed-2.0.0.asyncapi.yaml'), 'utf8')).toMatch(/x-context: \/feed/);
    const again = await json(call('apis.create', { name: 'Other', context: '/feed', version: '2.0.0', endpoint: studio.mock!.url! }));
    expect(again).toMatchObject({ ok: false, error: { code: 'context_taken', fields: [{ field: 'context' }] } });

    const notYet = await json(call('subscriptions.open', { apiId: created.value.id, topicPath: '/prices' }));
    expect(notYet).toMatchObject({ ok: false, error: { code: 'not_deployed' } });
    expect(await json(call('apis.deploy', { id: created.value.id }))).toMatchObject({ ok: true, value: { deployed: true } });
    const opened = await json(call('subscriptions.open', { apiId: created.value.id, topicPath: '/prices?rate=50' }));
    expect(opened).toMatchObject({ ok: true, value: { url: `${studio.gateway!.url}/feed/2.0.0/prices?rate=50` } });

    const events = () => received.flatMap((e) => (e.type === 'subscription.events' ? e.events : []));
    await waitFor(() => events().length >= 5, 'five viewer events');
    expect(received.filter((e) => e.type === 'apis.changed').length).toBeGreaterThanOrEqual(2);
    expect(received.find((e) => e.type === 'subscription.state' && e.state === 'open')).toBeDefined();
    const first5 = events().slice(0, 5);
    expect(first5.map((e) => e.type)).toEqual(['price', 'price', 'price', 'price', 'price']);
    expect(first5.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.parse(first5[0]!.data)).toHaveProperty('symbol');

    expect(await json(call('subscriptions.close', { subscriptionId: opened.value.subscriptionId }))).toEqual({ ok: true, value: { closed: true } });
    await waitFor(() => received.some((e) => e.type === 'subscription.state' && e.state === 'closed'), 'closed state');
    controller.abort();
  });
});

describe('runtime settings and metrics through the Studio API', () => {
  it('writes x-gateway into the document (keeping the rest), redeploys, and refuses bad settings field by field', async () => {
    const file = path.join(projectDir, 'feed.asyncapi.yaml');
    await fs.writeFile(file, `# my notes stay\nasyncapi: 3.0.0\ninfo: { title: Feed, version: 1.0.0 }\nx-context: /feed\nservers:\n  b: { host: "${new URL(studio.mock!.url!).host}", protocol: sse }\nchannels:\n  all: { address: "/*" } # every path\n`);
    await studio.project.reload();
    expect(await json(call('apis.deploy', { id: 'feed.asyncapi.yaml' }))).toMatchObject({ ok: true });

    const bad = await json(call('apis.updateRuntime', { id: 'feed.asyncapi.yaml', gateway: { upstream: 'sometimes', security: { type: 'apiKey', keys: ['short'] } } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_runtime', fields: [{ field: 'security.keys' }, { field: 'upstream' }] } });

    const good = await json(call('apis.updateRuntime', { id: 'feed.asyncapi.yaml', gateway: { upstream: 'shared', security: { type: 'apiKey', in: 'header', name: 'apikey', keys: ['secret-key-1'] } } }));
    expect(good).toMatchObject({ ok: true, value: { deployed: true, runtime: { upstream: 'shared', security: { type: 'apiKey' } } } });
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('# my notes stay');
    expect(text).toContain('# every path');
    expect(text).toMatch(/x-gateway:\n\s+upstream: shared/);

    // The redeployed API now asks for the key.
    const refused = await fetch(`${studio.gateway!.url}/feed/1.0.0/counter`);
    expect(refused.status).toBe(401);
    const controller = new AbortController();
    const allowed = await fetch(`${studio.gateway!.url}/feed/1.0.0/counter?rate=50`, { headers: { apikey: 'secret-key-1' }, signal: controller.signal });
    expect(allowed.status).toBe(200);
    const metrics = await json(call('gateway.metrics', {}));
    expect(metrics).toMatchObject({ ok: true, value: { prometheusUrl: `${studio.gateway!.url}/_studio/metrics` } });
    const rows = (metrics.value as unknown as { rows: Array<{ topic: string; authFailures: number; connectionsOpen: number }> }).rows;
    expect(rows.find((r) => r.topic === '/*')).toMatchObject({ authFailures: 1, connectionsOpen: 1 });
    controller.abort();

    // Someone else edits the file: the next update refuses instead of overwriting.
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('# my notes stay', '# edited elsewhere'));
    const conflict = await json(call('apis.updateRuntime', { id: 'feed.asyncapi.yaml', gateway: {} }));
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fs.readFile(file, 'utf8')).toContain('# edited elsewhere');
  });
});
