/* eslint-disable @typescript-eslint/no-explicit-any -- the exported YAML is walked freely in these assertions */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportApiDocument, type DocumentExportOptions } from './export-document.ts';
import { findExtensions } from './export-extensions.ts';
import { describeRemoval, exportRemovals } from './export-removals.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STOCK = path.join(ROOT, 'examples/stock-ticker/stock-ticker.asyncapi.yaml');
const MARKET = path.join(ROOT, 'test/fixtures/asyncapi/handmade/market-data-3.0.yaml');
const read = (file: string) => readFileSync(file, 'utf8');

function exported(file: string, options: Omit<DocumentExportOptions, 'format'>) {
  const result = exportApiDocument(read(file), file, { ...options, format: 'yaml' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result, doc: parse(result.text) as Record<string, any> };
}

describe('exportApiDocument: the stock ticker (the issue\'s done-when)', () => {
  it('studio 3.0 is the file itself, byte for byte', () => {
    expect(exported(STOCK, { profile: 'studio', asyncapi: '3.0' }).text).toBe(read(STOCK));
  });

  it.each(['3.0', '2.6'] as const)('studio %s keeps the Price schema, the message names, the examples and every x-mock', (asyncapi) => {
    const { doc } = exported(STOCK, { profile: 'studio', asyncapi });
    expect(doc.components.schemas.Price).toEqual(parse(read(STOCK)).components.schemas.Price);
    expect(doc.components.schemas.Price.properties.symbol.examples).toEqual(['ACME']);
    const channels = Object.values(doc.channels) as Array<Record<string, any>>;
    expect(channels.map((c) => c['x-mock'])).toEqual([{ scenario: 'stock-ticker', rate: 2 }, { scenario: 'stock-ticker', rate: 2 }]);
    const names = channels.map((c) => (asyncapi === '3.0' ? c.messages.price.name : c.subscribe.message.name));
    expect(names).toEqual(['price', 'price']);
    const payloads = channels.map((c) => (asyncapi === '3.0' ? c.messages.price.payload : c.subscribe.message.payload));
    expect(payloads).toEqual([{ $ref: '#/components/schemas/Price' }, { $ref: '#/components/schemas/Price' }]);
    expect(doc['x-context']).toBe('/stocks');
  });

  it.each(['3.0', '2.6'] as const)('clean %s is the same minus every x- extension', (asyncapi) => {
    const studio = exported(STOCK, { profile: 'studio', asyncapi }).doc;
    const clean = exported(STOCK, { profile: 'clean', asyncapi });
    expect(findExtensions(clean.doc)).toEqual([]);
    expect(clean.doc.components).toEqual(studio.components);
    expect(clean.removed.extensions).toEqual(['x-context', 'x-mock', 'x-mock']);
  });
});

describe('exportApiDocument: message examples', () => {
  const FILE = 'examples-with-extensions.asyncapi.yaml';
  const TEXT = `asyncapi: 3.0.0
info: { title: Example Meta, version: 1.0.0 }
servers: { backend: { host: '127.0.0.1:9000', protocol: sse } }
channels:
  feed:
    address: /feed
    messages:
      tick:
        name: tick
        payload:
          type: object
          properties: { n: { type: integer } }
          examples: [{ n: 1, x-looks-like-an-extension: data }]
        examples:
          - name: first
            x-example-meta: { token: EXAMPLE-SECRET-1 }
            payload: { n: 1, x-data-field: data }
operations:
  receiveFeed: { action: receive, channel: { $ref: '#/channels/feed' } }
`;
  it.each(['3.0', '2.6'] as const)('clean %s drops a Message Example Object\'s own x- fields, never its payload or a schema example', (asyncapi) => {
    const result = exportApiDocument(TEXT, FILE, { profile: 'clean', asyncapi, format: 'yaml' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.text).not.toContain('EXAMPLE-SECRET-1');
    expect(result.removed.extensions).toContain('x-example-meta');
    const doc = parse(result.text) as Record<string, any>;
    const message = asyncapi === '3.0' ? doc.channels.feed.messages.tick : doc.channels['/feed'].subscribe.message;
    expect(message.examples).toEqual([{ name: 'first', payload: { n: 1, 'x-data-field': 'data' } }]);
    expect(message.payload.examples).toEqual([{ n: 1, 'x-looks-like-an-extension': 'data' }]);
    expect(findExtensions(doc)).toEqual([]);
  });
});

describe('exportApiDocument: backend credentials in a server URL', () => {
  const V3 = `asyncapi: 3.0.0
info: { title: Secret Backend, version: 1.0.0 }
servers: { backend: { host: 'svc:PASS-1@127.0.0.1:9000', protocol: sse } }
channels: { feed: { address: /feed } }
operations: { receiveFeed: { action: receive, channel: { $ref: '#/channels/feed' } } }
`;
  const V2 = `asyncapi: 2.6.0
info: { title: Secret Backend, version: 1.0.0 }
servers: { backend: { url: 'http://svc:PASS-1@127.0.0.1:9000', protocol: sse } }
channels: { /feed: { subscribe: { message: { payload: { type: string } } } } }
`;
  it.each([
    ['3.0 document', 'clean', V3], ['3.0 document', 'wso2', V3], ['2.6 document', 'clean', V2], ['2.6 document', 'wso2', V2],
  ] as const)('%s, %s profile: the user and password are left out, with a warning', (_, profile, text) => {
    for (const asyncapi of ['3.0', '2.6'] as const) {
      const result = exportApiDocument(text, 'secret.yaml', { profile, asyncapi, format: 'yaml' });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.text).not.toContain('PASS-1');
      expect(result.text).toContain('127.0.0.1:9000');
      expect(result.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/the user and password in its (url|host) are left out/));
    }
  });

  it('studio keeps the document as written', () => {
    const result = exportApiDocument(V3, 'secret.yaml', { profile: 'studio', asyncapi: '3.0', format: 'yaml' });
    expect(result.ok && result.text).toBe(V3);
  });
});

describe('exportApiDocument: a gateway secret written elsewhere in the document', () => {
  const TEXT = `asyncapi: 3.0.0
info: { title: Pasted Key, version: 1.0.0, description: 'Try it with apikey pasted-key-0042.' }
servers: { backend: { host: '127.0.0.1:9000', protocol: sse } }
channels:
  feed:
    address: /feed
    messages: { tick: { name: tick, payload: { type: string, examples: ['token=pasted-key-0042'] } } }
operations: { receiveFeed: { action: receive, channel: { $ref: '#/channels/feed' } } }
components:
  securitySchemes:
    key: { type: httpApiKey, in: header, name: apikey, description: 'Use pasted-key-0042 for testing' }
x-gateway:
  security: { type: apiKey, in: header, name: apikey, keys: [pasted-key-0042] }
`;
  it.each(['clean', 'wso2'] as const)('%s: every copy is left out, each place named in a warning', (profile) => {
    for (const asyncapi of ['3.0', '2.6'] as const) {
      const result = exportApiDocument(TEXT, 'pasted.yaml', { profile, asyncapi, format: 'yaml' });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.text).not.toContain('pasted-key-0042');
      expect(result.text).toContain('Use <redacted> for testing');
      expect(result.warnings.filter((w) => /A secret from the gateway settings/.test(w.message))).toHaveLength(3);
    }
  });

  it('studio keeps the document as written', () => {
    const result = exportApiDocument(TEXT, 'pasted.yaml', { profile: 'studio', asyncapi: '3.0', format: 'yaml' });
    expect(result.ok && result.text).toBe(TEXT);
  });
});

describe('exportApiDocument: what each profile removes, and says it removes', () => {
  it('clean drops every x- block and the secrets in x-gateway, as the dialog summary says', () => {
    const text = read(MARKET);
    const summary = exportRemovals(parse(text));
    expect(describeRemoval(summary.clean)).toBe('4 x- blocks, 1 API key');
    expect(describeRemoval(summary.studio)).toBe('nothing');
    const clean = exported(MARKET, { profile: 'clean', asyncapi: '3.0' });
    expect(clean.removed).toEqual(summary.clean);
    expect(clean.text).not.toContain('reader-key-0001');
    expect(findExtensions(clean.doc)).toEqual([]);
    // A schema property named like an extension is a name, not an extension: it stays.
    expect(clean.doc.channels.quotes.messages.quote.headers.properties).toHaveProperty('x-feed-sequence');
    // https kept without x-scheme: the protocol says it.
    expect(clean.doc.servers.primary.protocol).toBe('https');
  });

  it('wso2 drops SSE Studio\'s extensions and secrets, writes production/sse and x-wso2-*, keeps messages and schemas', () => {
    const wso2 = exported(MARKET, { profile: 'wso2', asyncapi: '3.0' });
    expect(wso2.text).not.toContain('reader-key-0001');
    expect(Object.keys(wso2.doc.servers)).toEqual(['production']);
    expect(wso2.doc.servers.production).toMatchObject({ host: 'feed.example.com', pathname: '/v2', protocol: 'sse' });
    expect(wso2.doc['x-wso2-production-endpoints']).toEqual({ urls: ['https://feed.example.com/v2'], type: 'http' });
    expect(wso2.doc['x-wso2-application-security']).toEqual({ 'security-types': ['api_key'], optional: false });
    expect(Object.keys(wso2.doc.channels)).toEqual(['quotes/{symbol}', 'news']);
    expect(Object.keys(wso2.doc.operations)).toEqual(['receive_quotes/{symbol}', 'receive_news']);
    expect(wso2.doc.operations['receive_news']).toMatchObject({ action: 'receive', channel: { $ref: '#/channels/news' } });
    expect(wso2.doc.channels['quotes/{symbol}']['x-auth-type']).toBe('Any');
    expect(wso2.doc.channels['quotes/{symbol}'].messages.trade.payload).toEqual({ $ref: './schemas/market.json#/Trade' });
    expect(wso2.doc.components).toEqual(parse(read(MARKET)).components);
  });
});

describe('exportApiDocument: points of view and versions', () => {
  it('writes send for clean, receive for wso2, and the document\'s own choice for studio', () => {
    expect(exported(STOCK, { profile: 'studio', asyncapi: '3.0' }).action).toBe('receive');
    expect(exported(STOCK, { profile: 'clean', asyncapi: '3.0' }).action).toBe('send');
    expect(exported(STOCK, { profile: 'wso2', asyncapi: '3.0' }).action).toBe('receive');
    expect(exported(MARKET, { profile: 'studio', asyncapi: '3.0' }).action).toBe('send');
    expect(Object.keys(exported(STOCK, { profile: 'clean', asyncapi: '3.0' }).doc.operations)).toEqual(['sendPrices', 'sendSymbolPrices']);
  });

  it('3.0 -> 2.6 keeps several messages per topic (oneOf), headers, bindings, parameter enums, tags; 2.6 -> 3.0 brings them back', () => {
    const v2 = exported(MARKET, { profile: 'studio', asyncapi: '2.6' });
    const quotes = v2.doc.channels['/quotes/{symbol}'];
    expect(quotes.parameters.symbol).toEqual({ description: 'The ticker symbol.', schema: { type: 'string', enum: ['ACME', 'GLOBEX'], default: 'ACME' } });
    expect(quotes.subscribe.message.oneOf.map((m: { name: string }) => m.name)).toEqual(['quote', 'trade']);
    expect(quotes.subscribe.bindings).toEqual({ http: { method: 'GET' } });
    expect(v2.doc.tags).toEqual([{ name: 'markets' }]);
    expect(v2.doc.servers.primary.url).toBe('https://feed.example.com/v2');

    const file = path.join(path.dirname(MARKET), 'round.yaml');
    const back = exportApiDocument(v2.text, file, { profile: 'studio', asyncapi: '3.0', format: 'yaml' });
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    const doc = parse(back.text);
    expect(doc.channels['quotes-symbol'].parameters.symbol).toEqual({ enum: ['ACME', 'GLOBEX'], default: 'ACME', description: 'The ticker symbol.' });
    expect(Object.keys(doc.channels['quotes-symbol'].messages)).toEqual(['quote', 'trade']);
    expect(doc.servers.primary).toMatchObject({ host: 'feed.example.com', pathname: '/v2', protocol: 'sse', 'x-scheme': 'https' });
    expect(doc.info.tags).toEqual([{ name: 'markets' }]);
  });

  it('names what 2.6 cannot carry instead of dropping it silently', () => {
    const text = read(MARKET).replace('    description: Headlines and alerts.', '    title: News\n    description: Headlines and alerts.');
    const result = exportApiDocument(text, MARKET, { profile: 'studio', asyncapi: '2.6', format: 'yaml' });
    expect(result.ok && result.warnings.map((w) => [w.message, w.line])).toEqual([['AsyncAPI 2.6 channels have no "title": the title of channel "news" cannot be carried.', 72]]);
  });

  it('refuses what the gate refuses, in the same words', () => {
    const result = exportApiDocument('asyncapi: 3.0.0\ninfo: { title: A, version: "1" }\nservers: { b: { host: h, protocol: kafka } }\nchannels: {}\n', 'a.yaml', { profile: 'studio', asyncapi: '3.0', format: 'yaml' });
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^No server speaks SSE or HTTP: found kafka \("b"\)/), expect.stringMatching(/^Add at least one channel/)]);
  });
});
