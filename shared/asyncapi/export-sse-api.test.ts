import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expectGolden } from '../../test/support/golden.ts';
import { SAMPLE_APIS, STOCK_TICKER } from '../../test/support/sample-apis.ts';
import { gatewayBasePath } from '../model/context.ts';
import type { SseApi } from '../model/sse-api.ts';
import { EXPORT_FORMATS, EXPORT_PROFILES, EXPORT_VERSIONS, exportSseApi, type ExportOptions } from './export-sse-api.ts';
import { importSseApi } from './import-sse-api.ts';
import { writeAsyncApi3 } from './write-sse-api.ts';

const GOLDEN = path.resolve(import.meta.dirname, '../../test/fixtures/asyncapi/export');
const COMBINATIONS: ExportOptions[] = EXPORT_PROFILES.flatMap((profile) => EXPORT_VERSIONS.flatMap((asyncapi) => EXPORT_FORMATS.map((format) => ({ profile, asyncapi, format }))));
const APIS = Object.entries(SAMPLE_APIS);
const label = (o: ExportOptions) => `${o.profile} ${o.asyncapi} ${o.format}`;
const fileOf = (o: ExportOptions) => (o.format === 'json' ? 'api.json' : 'api.yaml');
const secretsOf = ({ runtime: { security: s } }: SseApi): string[] =>
  s.type === 'apiKey' ? s.keys : s.type === 'basic' ? s.users.map((u) => u.password) : s.type === 'jwt' && s.algorithm === 'HS256' ? [s.secret] : [];
const keysDeep = (value: unknown): string[] =>
  typeof value !== 'object' || value === null ? [] : Object.entries(value).flatMap(([k, v]) => [...(Array.isArray(value) ? [] : [k]), ...keysDeep(v)]);

describe('exportSseApi golden files (test/fixtures/asyncapi/export; UPDATE_GOLDEN=1 rewrites them)', () => {
  it.each(COMBINATIONS.map((o) => [label(o), o] as const))('Stock Ticker, %s', (_, options) => {
    expectGolden(path.join(GOLDEN, `stock-ticker.${options.profile}-${options.asyncapi}.${options.format}`), exportSseApi(STOCK_TICKER, options));
  });
});

describe('exportSseApi', () => {
  describe.each(APIS)('%s', (_, api) => {
    it.each(COMBINATIONS.filter((o) => o.profile === 'studio').map((o) => [label(o), o] as const))('studio profile round-trips with nothing lost, runtime included (%s)', (_, options) => {
      const back = importSseApi(exportSseApi(api, options), fileOf(options));
      expect(back).toEqual({ ok: true, api, warnings: [], source: 'sse-studio' });
    });

    it.each(COMBINATIONS.filter((o) => o.profile === 'clean').map((o) => [label(o), o] as const))('clean profile has no x- extension and no secret, and still reads back (%s)', (_, options) => {
      const text = exportSseApi(api, options);
      expect(keysDeep(parse(text)).filter((k) => k.startsWith('x-'))).toEqual([]);
      for (const secret of secretsOf(api)) expect(text).not.toContain(secret);
      const back = importSseApi(text, fileOf(options));
      if (!back.ok) throw new Error(JSON.stringify(back.problems));
      expect(back.api).toMatchObject({ name: api.name, version: api.version, endpoint: api.endpoint, topics: api.topics.map((t) => ({ path: t.path })) });
    });

    it.each(COMBINATIONS.filter((o) => o.profile === 'wso2').map((o) => [label(o), o] as const))('wso2 profile reads back as WSO2 with context, endpoint, topics, transports and CORS (%s)', (_, options) => {
      const back = importSseApi(exportSseApi(api, options), fileOf(options));
      if (!back.ok) throw new Error(JSON.stringify(back.problems));
      expect(back.source).toBe('wso2');
      const { context, endpoint, topics, runtime } = api;
      expect(back.api).toMatchObject({ context, endpoint, topics, runtime: { transports: runtime.transports, corsOrigins: runtime.corsOrigins } });
    });
  });

  it('writes the WSO2 2.x shape: production server with protocol sse, subscribe topics, WSO2 extensions', () => {
    const doc = parse(exportSseApi(STOCK_TICKER, { profile: 'wso2', asyncapi: '2.6', format: 'yaml' }));
    expect(doc.servers).toEqual({ production: expect.objectContaining({ url: 'https://backend.test:8443/sse', protocol: 'sse' }) });
    expect(Object.keys(doc.channels)).toEqual(['/*', '/prices/{symbol}']);
    expect(doc.channels['/prices/{symbol}']).toMatchObject({ 'x-auth-type': 'Any', subscribe: { 'x-uri-mapping': '/v2/quotes?sym={symbol}' } });
    expect(doc).toMatchObject({
      'x-wso2-basePath': gatewayBasePath(STOCK_TICKER.context, STOCK_TICKER.version),
      'x-wso2-production-endpoints': { urls: ['https://backend.test:8443/sse'], type: 'http' },
      'x-wso2-transports': ['https'],
      'x-wso2-application-security': { 'security-types': ['api_key'], optional: false },
    });
    expect(JSON.stringify(doc)).not.toContain('ticker-key-0001');
  });

  it("writes WSO2 4.5+'s 3.0 shape: channel keys without the leading slash, receive_<key> operations", () => {
    const doc = parse(exportSseApi(STOCK_TICKER, { profile: 'wso2', asyncapi: '3.0', format: 'yaml' }));
    expect(Object.keys(doc.channels)).toEqual(['*', 'prices/{symbol}']);
    expect(doc.operations['receive_prices/{symbol}']).toMatchObject({ action: 'receive', channel: { $ref: '#/channels/prices~1{symbol}' } });
    expect(doc.servers.production).toMatchObject({ host: 'backend.test:8443', pathname: '/sse', protocol: 'sse' });
  });

  it('says https in a clean 3.0 server, which has no x-scheme to carry it', () => {
    expect(parse(exportSseApi(STOCK_TICKER, { profile: 'clean', asyncapi: '3.0', format: 'yaml' })).servers.production.protocol).toBe('https');
  });

  it('declares every {parameter} of a topic, and only the topic path ones', () => {
    const doc = parse(exportSseApi(SAMPLE_APIS.NEWS_WIRE!, { profile: 'clean', asyncapi: '2.6', format: 'yaml' }));
    expect(Object.keys(doc.channels['/news/{region}/{topic}'].parameters)).toEqual(['region', 'topic']);
    expect(doc.channels['/news/*'].parameters).toBeUndefined();
  });

  it('gives every topic a message', () => {
    const doc = parse(exportSseApi(STOCK_TICKER, { profile: 'studio', asyncapi: '3.0', format: 'yaml' }));
    for (const channel of Object.values(doc.channels) as Array<{ messages: Record<string, unknown> }>) expect(channel.messages.event).toMatchObject({ payload: { type: 'string' } });
  });

  it('is deterministic, and JSON and YAML hold the same document', () => {
    for (const options of COMBINATIONS.filter((o) => o.format === 'yaml')) {
      const yaml = exportSseApi(STOCK_TICKER, options);
      expect(exportSseApi(STOCK_TICKER, options)).toBe(yaml);
      expect(JSON.parse(exportSseApi(STOCK_TICKER, { ...options, format: 'json' }))).toEqual(parse(yaml));
    }
  });

  it('is what new project files are written with (writeAsyncApi3)', () => {
    expect(writeAsyncApi3(STOCK_TICKER)).toBe(exportSseApi(STOCK_TICKER, { profile: 'studio', asyncapi: '3.0', format: 'yaml' }));
  });
});
