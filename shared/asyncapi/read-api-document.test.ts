import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { contextFromBasePath } from './read-identity.ts';
import { readApiDocument } from './read-api-document.ts';

const read = (yaml: string) => readApiDocument(parse(yaml));
const base = (extra: string) => `asyncapi: 2.6.0
info: { title: Feed, version: 1.0.0 }
x-context: /feed
${extra}
channels:
  /a: { subscribe: { message: { payload: { type: string } } } }
`;

describe('readApiDocument', () => {
  it('reads a 3.x document written from the application side (send) or the client side (receive)', () => {
    const doc = (action: string) => `asyncapi: 3.0.0
info: { title: Feed, version: 1.0.0 }
servers: { s: { host: h:1, protocol: sse } }
channels:
  a: { address: /a, messages: { m: { payload: { type: string } } } }
operations:
  opA: { action: ${action}, channel: { $ref: '#/channels/a' } }
`;
    for (const action of ['send', 'receive']) {
      const result = read(doc(action));
      expect(result.ok && result.api.topics.map((t) => t.path), action).toEqual(['/a']);
    }
  });

  it('refuses a document with no SSE or HTTP server, naming the protocols found and what is accepted', () => {
    const result = read(base('servers: { broker: { url: "mqtt://h:1", protocol: mqtt }, ws: { url: "wss://h", protocol: wss } }'));
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([
      'No server speaks SSE or HTTP: found mqtt ("broker"), wss ("ws"). SSE Studio accepts a server with "protocol: sse", or "http"/"https" (read as SSE), whose URL is the backend endpoint, e.g. servers: { production: { url: "http://localhost:8080", protocol: sse } }.',
    ]);
  });

  it('warns when an accepted document looks like a WebSocket or REST API', () => {
    const result = read(`asyncapi: 2.6.0
info: { title: Feed, version: 1.0.0 }
servers: { api: { url: "https://h", protocol: https }, live: { url: "wss://h", protocol: wss } }
channels:
  /a: { subscribe: { bindings: { http: { type: request, method: POST } }, message: { payload: { type: string } } } }
`);
    expect(result.ok && result.warnings.map((w) => w.path.join('.'))).toEqual(['info.title', 'servers.live', 'servers.live.protocol', 'channels./a.subscribe.bindings.http.method']);
  });

  it('refuses a local $ref that points at nothing, at the $ref', () => {
    const result = read(base(`servers: { s: { url: "http://h:1", protocol: sse } }
components: { messages: { m: { payload: { $ref: "#/components/schemas/Missing" } } } }`));
    expect(!result.ok && result.problems.map((p) => p.path.join('.'))).toEqual(['components.messages.m.payload.$ref']);
  });

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

  it('reads 3.1 like 3.0 (it only adds ROS 2 bindings), and warns when a newer version is read as one it knows', () => {
    const doc = (version: string) => `asyncapi: ${version}
info: { title: Feed, version: 1.0.0 }
x-context: /feed
servers: { s: { host: "h:1", protocol: sse } }
channels: { a: { address: /a } }
operations: { r: { action: receive, channel: { $ref: "#/channels/a" } } }
`;
    expect(read(doc('3.1.0'))).toMatchObject({ ok: true, warnings: [] });
    expect(read(doc('3.2.0')).warnings).toEqual([{ path: ['asyncapi'], message: 'AsyncAPI 3.2.0 is read as 3.1: fields added since are ignored.' }]);
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
