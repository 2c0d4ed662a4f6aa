import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contextFromBasePath } from './read-identity.ts';
import { readApiDocument } from './read-api-document.ts';

const read = (yaml: string, fallbackEndpoint = false) => readApiDocument(parse(yaml), { fallbackEndpoint });
const base = (extra: string) => `asyncapi: 2.6.0
info: { title: Feed, version: 1.0.0 }
x-context: /feed
${extra}
channels:
  /a: { subscribe: { message: { payload: { type: string } } } }
`;

describe('readApiDocument', () => {
  it('resolves x-wso2-production-endpoints given as a #/x-wso2-endpoints reference', () => {
    const result = read(base(`x-wso2-production-endpoints: "#/x-wso2-endpoints/primary"
x-wso2-endpoints:
  - other: { urls: ["http://other:1"] }
  - primary: { urls: ["http://primary:2/base/"] }`));
    expect(result.ok && result.api.endpoint).toBe('http://primary:2/base');
  });

  it('fills server variables with their defaults, and says which server lacks one', () => {
    const ok = read(base('servers: { s: { url: "https://{host}:{port}/v1", protocol: https, variables: { host: { default: api.test }, port: { default: "8443" } } } }'));
    expect(ok.ok && ok.api.endpoint).toBe('https://api.test:8443/v1');
    const missing = read(base('servers: { s: { url: "http://h:{port}", protocol: sse } }'));
    expect(!missing.ok && missing.problems).toEqual([{ path: ['servers', 's', 'url'], message: expect.stringMatching(/variable without a default/) }]);
  });

  it('prefers an sse server over an http one, whatever their order', () => {
    const result = read(base('servers: { docs: { url: "https://docs.test", protocol: https }, backend: { url: "http://backend.test:9000", protocol: sse } }'));
    expect(result.ok && result.api.endpoint).toBe('http://backend.test:9000');
    expect(result.ok && result.warnings.map((w) => w.path.join('.'))).toEqual(['servers.docs']);
  });

  it('reads disabled WSO2 CORS as no allowed origin, and keeps x-gateway over x-wso2-*', () => {
    const disabled = read(base('servers: { s: { url: "http://h:1", protocol: sse } }\nx-wso2-cors: { corsConfigurationEnabled: false }'));
    expect(disabled.ok && disabled.api.runtime.corsOrigins).toEqual([]);
    const both = read(base('servers: { s: { url: "http://h:1", protocol: sse } }\nx-wso2-transports: [http]\nx-gateway: { transports: [https] }'));
    expect(both.ok && both.api.runtime.transports).toEqual({ http: false, https: true });
  });

  it('warns when a newer AsyncAPI version is read as the one it knows', () => {
    const result = read(`asyncapi: 3.1.0
info: { title: Feed, version: 1.0.0 }
x-context: /feed
servers: { s: { host: "h:1", protocol: sse } }
channels: { a: { address: /a } }
operations: { r: { action: receive, channel: { $ref: "#/channels/a" } } }
`);
    expect(result.ok && result.warnings).toEqual([{ path: ['asyncapi'], message: 'AsyncAPI 3.1.0 is read as 3.0: fields added since are ignored.' }]);
  });

  it('keeps a channel both ways, with a warning that its publish side is left out', () => {
    const result = read(base('servers: { s: { url: "http://h:1", protocol: sse } }').replace('/a: { subscribe:', '/a: { publish: {}, subscribe:'));
    expect(result.ok && result.api.topics).toEqual([{ path: '/a' }]);
    expect(result.ok && result.warnings[0]?.message).toMatch(/only its subscribe side becomes a topic/);
  });

  it.each([
    ['/stocks/1.0.0', '1.0.0', '/stocks'],
    ['/1.0.0/stocks', '1.0.0', '/{version}/stocks'],
    ['/stocks/', '1.0.0', '/stocks'],
    ['/a/1.0.0/b', '1.0.0', '/a/{version}/b'],
  ])('x-wso2-basePath %s with version %s is the context %s', (basePath, version, context) => {
    expect(contextFromBasePath(basePath, version)).toBe(context);
  });
});
