import { describe, expect, it } from 'vitest';
import { readSseApi } from '../../../shared/asyncapi/read-sse-api.ts';
import { parseDocumentText } from '../../../shared/asyncapi/document-text.ts';
import { applyEdit, type DesignEdit } from './design-edits.ts';
import { readDesign } from './read-design.ts';

const V3 = `# Stock prices for the trading desk
asyncapi: 3.0.0
info:
  title: Stock Ticker # shown in the portal
  version: 1.0.0
x-context: /stocks
servers:
  production:
    host: localhost:8080
    protocol: sse

channels:
  prices:
    address: /prices
    # one event per tick
    messages:
      event:
        name: tick
        payload:
          type: string
operations:
  receive-prices:
    action: receive
    channel:
      $ref: '#/channels/prices'
`;

const V2 = `asyncapi: 2.6.0
info:
  title: Stock Ticker
  version: '1.0.0' # quoted on purpose
x-context: /stocks
servers:
  production:
    url: http://localhost:8080
    protocol: sse
channels:
  # the only topic
  /prices:
    subscribe:
      message:
        $ref: '#/components/messages/tick'
components:
  messages:
    tick:
      name: tick
      payload:
        type: string
`;

const edit = (text: string, ...edits: DesignEdit[]) => edits.reduce((t, e) => applyEdit(t, 'yaml', e), text);
const api = (text: string) => {
  const result = readSseApi(parseDocumentText(text).data);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.value;
};
const model = (text: string, fileName?: string) => {
  const reading = readDesign(text, fileName);
  if (!reading.ok) throw new Error(reading.problem.message);
  return reading.model;
};

describe('form edit -> document text', () => {
  it('changes only the edited value and keeps every comment (3.0)', () => {
    const next = edit(V3, { kind: 'name', value: 'Price Feed' }, { kind: 'context', value: '/feed' });
    expect(next).toContain('title: Price Feed # shown in the portal');
    expect(next).toContain('# Stock prices for the trading desk');
    expect(next).toContain('    # one event per tick');
    expect(next.split('\n').length).toBe(V3.split('\n').length);
    expect(api(next)).toMatchObject({ name: 'Price Feed', context: '/feed' });
  });

  it('keeps comments and quoting in a 2.x document', () => {
    const next = edit(V2, { kind: 'version', value: '2.0.0' });
    expect(next).toContain("version: '2.0.0' # quoted on purpose");
    expect(next).toContain('  # the only topic');
  });

  it('adds, renames and removes 3.0 topics with their receive operations', () => {
    let next = edit(V3, { kind: 'addTopic', path: '/prices/{symbol}' });
    expect(api(next).topics.map((t) => t.path)).toEqual(['/prices', '/prices/{symbol}']);
    expect(next).toContain('action: receive');
    expect(next).toContain("$ref: '#/channels/prices-symbol'");
    next = edit(next, { kind: 'topicPath', key: 'prices-symbol', path: '/quotes/{ticker}' }, { kind: 'paramDescription', key: 'prices-symbol', name: 'ticker', value: 'Stock symbol' });
    const m = model(next);
    expect(m.topics[1]).toMatchObject({ key: 'prices-symbol', path: '/quotes/{ticker}', parameters: [{ name: 'ticker', description: 'Stock symbol' }] });
    next = edit(next, { kind: 'removeTopic', key: 'prices-symbol' });
    expect(next).not.toContain('prices-symbol');
    expect(api(next).topics).toHaveLength(1);
  });

  it('renames a 2.x channel key in place and keeps its subscribe operation', () => {
    const next = edit(V2, { kind: 'topicPath', key: '/prices', path: '/quotes/{symbol}' }, { kind: 'backendPath', key: '/quotes/{symbol}', value: '/v1/{symbol}' });
    expect(next).toContain('  # the only topic\n  /quotes/{symbol}:');
    expect(api(next).topics).toEqual([{ path: '/quotes/{symbol}', backendPath: '/v1/{symbol}' }]);
    expect(model(next).topics[0]?.parameters).toEqual([{ name: 'symbol', description: '' }]);
  });

  it('edits the message where its $ref points', () => {
    const next = edit(V2, { kind: 'messageName', key: '/prices', value: 'quote' }, { kind: 'payload', key: '/prices', value: { type: 'object', properties: { price: { type: 'number' } } } });
    expect(next).toContain("$ref: '#/components/messages/tick'");
    expect(model(next).topics[0]?.message).toMatchObject({ at: ['components', 'messages', 'tick'], name: 'quote' });
    expect(JSON.parse(model(next).topics[0]?.message.payload ?? '')).toEqual({ type: 'object', properties: { price: { type: 'number' } } });
  });

  it('writes examples as message examples and removes them when empty', () => {
    const next = edit(V3, { kind: 'examples', key: 'prices', value: ['42.1', '42.3'] });
    expect(JSON.parse(model(next).topics[0]?.message.examples ?? '')).toEqual(['42.1', '42.3']);
    expect(edit(next, { kind: 'examples', key: 'prices', value: [] })).not.toContain('examples');
  });

  it('splits a 3.0 endpoint into host, pathname and scheme', () => {
    const next = edit(V3, { kind: 'endpoint', value: 'https://feed.example.com:8443/sse' });
    expect(next).toContain('host: feed.example.com:8443');
    expect(next).toContain('pathname: /sse');
    expect(api(next).endpoint).toBe('https://feed.example.com:8443/sse');
    expect(model(next).endpoint).toBe('https://feed.example.com:8443/sse');
  });

  it('edits JSON documents as JSON with their indentation', () => {
    const json = JSON.stringify({ asyncapi: '2.6.0', info: { title: 'A', version: '1' }, servers: { p: { url: 'http://h:1', protocol: 'sse' } }, channels: { '/a': { subscribe: {} } } }, null, 4) + '\n';
    const next = applyEdit(json, 'json', { kind: 'name', value: 'B' });
    expect(next).toBe(json.replace('"title": "A"', '"title": "B"'));
    expect(model(applyEdit(json, 'json', { kind: 'topicPath', key: '/a', path: '/b' }), 'x.json').topics[0]?.path).toBe('/b');
  });
});

describe('document text -> forms', () => {
  it('reads a 3.0 document', () => {
    expect(model(V3)).toMatchObject({ spec: 3, name: 'Stock Ticker', version: '1.0.0', context: '/stocks', endpoint: 'http://localhost:8080', topics: [{ key: 'prices', path: '/prices', message: { name: 'tick' } }] });
  });

  it('reads a 2.x document, following message $refs', () => {
    expect(model(V2)).toMatchObject({ spec: 2, version: '1.0.0', endpoint: 'http://localhost:8080', topics: [{ key: '/prices', path: '/prices', message: { name: 'tick' } }] });
  });

  it('reads the context from WSO2 x-wso2-basePath when there is no x-context', () => {
    expect(model(V2.replace('x-context: /stocks', 'x-wso2-basePath: /stocks/1.0.0'))).toMatchObject({ context: '/stocks', contextSource: 'x-wso2-basePath' });
  });

  it('refuses text that does not parse, with the line and column', () => {
    const reading = readDesign(V3.replace('  version: 1.0.0', '  version: [1.0.0'));
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
  });

  it('refuses documents that are not AsyncAPI 2 or 3', () => {
    const reading = readDesign('asyncapi: 1.2.0\ninfo: {}\n');
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.problem).toMatchObject({ line: 1, message: expect.stringMatching(/not supported/) });
  });
});
