import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../test/support/golden.ts';
import { importSseApi } from './import-sse-api.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../test/fixtures/asyncapi/import');
const inputs = readdirSync(FIXTURES).filter((f) => /\.(ya?ml|json)$/.test(f));
const importFixture = (name: string) => importSseApi(readFileSync(path.join(FIXTURES, name), 'utf8'), name);

describe('importSseApi golden files (test/fixtures/asyncapi/import, results in expected/)', () => {
  it.each(inputs)('%s', (name) => {
    expectGolden(path.join(FIXTURES, 'expected', name.replace(/\.(ya?ml|json)$/, '.json')), JSON.stringify(importFixture(name), null, 2) + '\n');
  });
});

describe('importSseApi', () => {
  it('reads SSE Studio documents without a warning', () => {
    const result = importFixture('studio-stock-ticker-3.0.yaml');
    expect(result).toMatchObject({ ok: true, source: 'sse-studio', warnings: [] });
  });

  it("reads WSO2 API Manager's 2.0 export: sse server is the backend, subscribe channels are topics, sandbox left out", () => {
    const result = importFixture('wso2-apim-4.0-sse-2.0.json');
    expect(result.ok && result.source).toBe('wso2');
    expect(result.ok && result.api).toMatchObject({ name: 'ServerSentEvents', endpoint: 'http://localhost:8080', topics: [{ path: '/*' }, { path: '/stocks' }] });
    expect(result.ok && result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/sets no context.*"\/server-sent-events"/),
      expect.stringMatching(/Server "sandbox" is not imported/),
      expect.stringMatching(/security schemes \(oauth2\)/),
    ]);
  });

  it("reads WSO2 4.5+'s 3.0 export, whose $refs name topics unescaped (#/channels/stocks/{symbol})", () => {
    const result = importFixture('wso2-apim-4.5-sse-3.0.json');
    expect(result.ok && result.api.topics).toEqual([{ path: '/*' }, { path: '/stocks/{symbol}' }]);
    expect(result.ok && result.api.endpoint).toBe('http://localhost:8080');
  });

  it('maps WSO2 root extensions: basePath -> context, production endpoint, transports, CORS, x-uri-mapping', () => {
    const result = importFixture('wso2-extensions-2.6.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.api).toMatchObject({
      context: '/{version}/quotes',
      endpoint: 'https://quotes.backend.example:9443/feed',
      topics: [{ path: '/ticks', backendPath: '/v1/ticks' }, { path: '/ticks/{symbol}' }],
      runtime: { transports: { http: false, https: true }, corsOrigins: ['https://trader.example.com'], security: { type: 'none' } },
    });
    expect(result.warnings.map((w) => w.path.join('.'))).toEqual(['x-wso2-sandbox-endpoints', 'x-wso2-application-security']);
  });

  it('reads documents that model SSE as HTTP streaming', () => {
    const result = importFixture('http-streaming-3.0.yaml');
    expect(result).toMatchObject({ ok: true, source: 'http', api: { endpoint: 'https://api.flights.example/v1', topics: [{ path: '/flights/{flightId}/status' }] } });
  });

  it.each([
    ['official-gitter-streaming-2.2.yaml', ['/rooms/{roomId}/{resource}'], 'https://stream.gitter.im/v1'],
    // Written from the application's point of view (action: send), as the spec's own 3.0 example.
    ['official-gitter-streaming-3.0.yaml', ['/rooms/{roomId}/{resource}'], 'https://stream.gitter.im/v1'],
  ])('imports the official example %s', (name, paths, endpoint) => {
    const result = importFixture(name);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.api.topics.map((t) => t.path)).toEqual(paths);
    expect(result.api.endpoint).toBe(endpoint);
  });

  it('refuses MQTT documents (streetlights) instead of pointing them at the mock backend, naming the protocol', () => {
    for (const name of ['official-streetlights-mqtt-2.5.yaml', 'official-streetlights-mqtt-3.0.yaml']) {
      const result = importFixture(name);
      expect(!result.ok && result.problems.map((p) => [p.path.join('.'), p.message]), name).toEqual([['servers', expect.stringMatching(/^No server speaks SSE or HTTP: found mqtt \("production"\)\. SSE Studio accepts a server with "protocol: sse", or "http"\/"https"/)]]);
    }
  });

  it('refuses documents whose channels clients can only publish to, naming each channel', () => {
    const result = importFixture('broken-publish-only-2.6.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [11, 3, expect.stringMatching(/^Channel "\/orders" cannot be an SSE topic: it has only a publish operation \(placeOrder\)/)],
      [15, 3, expect.stringMatching(/^Channel "\/orders\/\{id\}\/cancel" cannot be an SSE topic: .*\(cancelOrder\)/)],
    ]);
  });

  it('gives YAML and JSON syntax errors with their line and column', () => {
    // The yaml library places an unclosed quote where the text ends.
    expect(importFixture('broken-yaml-syntax.yaml')).toMatchObject({ ok: false, problems: [{ line: 8, column: 1, message: 'Missing closing "quote' }] });
    expect(importFixture('broken-json-trailing-comma.json')).toEqual({
      ok: false,
      problems: [{ path: [], line: 4, column: 44, message: 'Not valid JSON: Expected double-quoted property name.' }],
    });
  });

  it('accepts the same JSON as YAML when the file name does not say .json', () => {
    const text = readFileSync(path.join(FIXTURES, 'studio-feed-2.6.json'), 'utf8');
    expect(importSseApi(text)).toEqual(importSseApi(text, 'feed.json'));
  });

  it('reports every wrong field at once, with positions', () => {
    const result = importFixture('broken-fields-3.0.yaml');
    expect(!result.ok && result.problems.map((p) => `${p.line}:${p.column} ${p.path.join('.')}`)).toEqual([
      '3:10 info.title',
      '5:12 x-context',
      '8:11 servers.backend.host',
      '13:14 channels.everything.address',
      '11:1 channels',
      '19:13 x-gateway.upstream',
    ]);
  });

  it('never returns half an API: a failed import has no api', () => {
    for (const name of inputs.filter((n) => n.startsWith('broken-') || n.includes('streetlights-mqtt'))) {
      const result = importFixture(name);
      expect(result.ok, name).toBe(false);
      expect(result, name).not.toHaveProperty('api');
    }
  });
});
