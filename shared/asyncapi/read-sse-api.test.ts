import { describe, expect, it } from 'vitest';
import { parseDocumentText } from './document-text.ts';
import { readSseApi } from './read-sse-api.ts';
import { writeAsyncApi3 } from './write-sse-api.ts';
import { defaultRuntime } from '../model/runtime.ts';

const read = (text: string) => readSseApi(parseDocumentText(text).data);

// The shape WSO2 API Manager exports for an SSE API.
const WSO2_EXPORT = `
asyncapi: 2.0.0
info:
  title: ChatEvents
  version: 1.0.0
servers:
  production:
    url: http://localhost:8080
    protocol: sse
channels:
  /*:
    subscribe:
      message:
        payload:
          type: string
`;

describe('readSseApi', () => {
  it('reads a WSO2-style 2.x export: title, version, sse server, channels; default context from the title', () => {
    const result = read(WSO2_EXPORT);
    expect(result).toEqual({
      ok: true,
      value: { name: 'ChatEvents', version: '1.0.0', context: '/chat-events', endpoint: 'http://localhost:8080', topics: [{ path: '/*' }], runtime: defaultRuntime() },
    });
  });

  it('reads an AsyncAPI 3.0 document with x-context, host + pathname and channel addresses', () => {
    const result = read(`
asyncapi: 3.0.0
info: { title: Stock Ticker, version: 2.1.0, description: Prices }
x-context: /{version}/stocks
servers:
  docs: { host: docs.test, protocol: https }
  backend: { host: "127.0.0.1:9000", pathname: /base/, protocol: sse }
channels:
  all: { address: /prices }
  one: { address: "/prices/{symbol}", x-backend-path: "/v2/quotes?sym={symbol}" }
`);
    expect(result.ok && result.value).toEqual({
      name: 'Stock Ticker',
      version: '2.1.0',
      context: '/{version}/stocks',
      description: 'Prices',
      endpoint: 'http://127.0.0.1:9000/base',
      topics: [{ path: '/prices' }, { path: '/prices/{symbol}', backendPath: '/v2/quotes?sym={symbol}' }],
      runtime: defaultRuntime(),
    });
  });

  it('falls back to an http(s) server when no server says sse', () => {
    const result = read(WSO2_EXPORT.replace('protocol: sse', 'protocol: https').replace('http://', 'https://'));
    expect(result.ok && result.value.endpoint).toBe('https://localhost:8080');
  });

  it('reads JSON as well as YAML', () => {
    const json = JSON.stringify({ asyncapi: '2.6.0', info: { title: 'J', version: '1' }, 'x-context': '/j', servers: { s: { url: 'http://h:1', protocol: 'sse' } }, channels: { '/a': {} } });
    expect(read(json).ok).toBe(true);
  });

  it('reports every problem with a path, so the CLI can print a line and column', () => {
    const text = `asyncapi: 3.0.0
info:
  title: "Bad/Name"
  version: "1 0"
x-context: "/a b"
servers:
  s: { host: h, protocol: kafka }
channels: {}
`;
    const parsed = parseDocumentText(text);
    const result = readSseApi(parsed.data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path.join('.'), p.message]));
    expect(Object.keys(byPath)).toEqual(['info.title', 'info.version', 'x-context', 'servers', 'channels']);
    expect(byPath['servers']).toMatch(/protocol: sse/);
    expect(parsed.locate(['info', 'title'])).toEqual({ line: 3, column: 10 });
    expect(parsed.locate(['x-context'])).toEqual({ line: 5, column: 12 });
  });

  it('refuses what is not AsyncAPI, with the reason', () => {
    const result = read('openapi: 3.0.0\ninfo: {title: x, version: 1}\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toMatch(/asyncapi: 3\.0\.0/);
    expect(read('- a list').ok).toBe(false);
  });

  it('gives YAML syntax errors with their position', () => {
    const parsed = parseDocumentText('asyncapi: 3.0.0\ninfo: [unclosed\n');
    expect(parsed.problems[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });
});

describe('x-gateway runtime settings', () => {
  const base = `asyncapi: 3.0.0
info: { title: Feed, version: 1.0.0 }
servers: { b: { host: "h:1", protocol: sse } }
channels: { all: { address: "/*" } }
`;
  it('reads every setting and round-trips through the writer', () => {
    const result = read(`${base}x-gateway:
  transports: [https]
  security: { type: apiKey, in: query, name: key, keys: [abcdefgh1] }
  cors: ["http://localhost:3000"]
  rateLimit: { eventsPerMinute: 600 }
  replay: { maxEvents: 50, maxAgeSeconds: 60 }
  retryMs: 2500
  heartbeatSeconds: 0
  onBackendDrop: close-client
  upstream: shared
  lingerSeconds: 0
  maxEventBytes: 1024
  subscriberQueueEvents: 100
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.runtime).toEqual({
      transports: { http: false, https: true },
      security: { type: 'apiKey', in: 'query', name: 'key', keys: ['abcdefgh1'] },
      corsOrigins: ['http://localhost:3000'],
      rateLimit: { eventsPerMinute: 600 },
      replay: { maxEvents: 50, maxAgeSeconds: 60 },
      retryMs: 2500,
      heartbeatSeconds: 0,
      onBackendDrop: 'close-client',
      upstream: 'shared',
      lingerSeconds: 0,
      maxEventBytes: 1024,
      subscriberQueueEvents: 100,
    });
    expect(read(writeAsyncApi3(result.value))).toEqual(result);
  });

  it('names each wrong setting by its path', () => {
    const result = readSseApi(parseDocumentText(`${base}x-gateway:
  transports: [ftp]
  security: { type: jwt, algorithm: HS256, secret: short }
  upstream: sometimes
  replay: { maxEvents: -1 }
  colour: blue
`).data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path.join('.'))).toEqual([
      'x-gateway.colour',
      'x-gateway.transports',
      'x-gateway.security.secret',
      'x-gateway.replay.maxEvents',
      'x-gateway.upstream',
    ]);
  });
});

describe('writeAsyncApi3', () => {
  it('writes a document that reads back to the same API', () => {
    const api = { name: 'Feed', context: '/{version}/feed', version: '2.0.0', endpoint: 'https://backend.test:8443/sse', topics: [{ path: '/*' }, { path: '/news/{topic}' }], runtime: defaultRuntime() };
    const text = writeAsyncApi3(api);
    expect(text).toContain('protocol: sse');
    expect(read(text)).toEqual({ ok: true, value: api });
  });
});
