import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docsGatewayFor } from './docs-gateway.ts';
import type { DocsGateway } from './docs-model.ts';
import { docsSourceFromText } from './docs-source.ts';
import { renderHtmlDocs } from './render-html-docs.ts';

const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const CLEAN_3_0 = {
  asyncapi: '3.0.0',
  info: { title: 'Quotes & <Prices>', version: '2.1.0', description: `Live quotes. ${HOSTILE}` },
  channels: {
    prices: {
      address: '/prices/{symbol}',
      description: 'One symbol.',
      parameters: { symbol: { description: 'The stock symbol.', enum: ['ACME', 'GLOBEX'] } },
      messages: { price: { $ref: '#/components/messages/Price' } },
    },
  },
  components: {
    messages: {
      Price: { name: 'price', summary: 'A quote.', payload: { $ref: '#/components/schemas/Price' }, examples: [{ name: 'acme', payload: { symbol: 'ACME', price: 101.25 } }] },
    },
    schemas: {
      Price: { type: 'object', required: ['symbol'], properties: { symbol: { type: 'string', description: HOSTILE }, price: { type: 'number' } } },
    },
    securitySchemes: { apiKey: { type: 'httpApiKey', in: 'header', name: 'X-API-Key' } },
  },
};

const GATEWAY: DocsGateway = {
  routes: [{ path: '/prices/{symbol}', httpUrl: 'http://127.0.0.1:8280/quotes/2.1.0/prices/{symbol}', httpsUrl: 'https://127.0.0.1:8243/quotes/2.1.0/prices/{symbol}', backendUrl: 'http://127.0.0.1:8080/prices/{symbol}' }],
  security: { type: 'apiKey', in: 'header', name: 'X-API-Key', keys: ['k-very-secret-1', 'k-very-secret-2'] },
  replay: { maxEvents: 500, maxAgeSeconds: 600, retryMs: 2000 },
};

describe('renderHtmlDocs', () => {
  const html = renderHtmlDocs(CLEAN_3_0, GATEWAY);

  it('prints the URLs, the parameter, the message, its resolved payload schema and its example', () => {
    expect(html).toContain('http://127.0.0.1:8280/quotes/2.1.0/prices/{symbol}');
    expect(html).toContain('https://127.0.0.1:8243/quotes/2.1.0/prices/{symbol}');
    expect(html).toContain('http://127.0.0.1:8080/prices/{symbol}');
    expect(html).toContain('The stock symbol.');
    expect(html).toContain('event: price');
    expect(html).toMatch(/<pre data-payload-schema>[^<]*&quot;required&quot;: \[\s*&quot;symbol&quot;/);
    expect(html).toMatch(/<pre data-example>[^<]*&quot;price&quot;: 101.25/);
  });

  it('escapes everything it prints: a script or an event handler in the document stays text', () => {
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('Quotes &amp; &lt;Prices&gt;');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('names the security but never prints a key: snippets carry a placeholder', () => {
    expect(html).not.toContain('k-very-secret');
    expect(html).toContain('X-API-Key');
    expect(html).toContain('&lt;api key&gt;');
  });

  it('loads nothing from anywhere: no src, href or url() reaches outside the page', () => {
    expect(html).not.toMatch(/<[a-z][^>]*\s(src|href|action)\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
  });

  it('says how to reconnect when the gateway replays, and not when it does not', () => {
    expect(html).toContain('Last-Event-ID');
    expect(html).toContain('the last 500 events, at most 10 minutes old');
    expect(html).toContain('retry: 2000');
    const { replay: _replay, ...noReplay } = GATEWAY;
    expect(renderHtmlDocs(CLEAN_3_0, noReplay)).not.toContain('How to reconnect');
  });

  it('makes an example from the schema when the document has none', () => {
    const doc = structuredClone(CLEAN_3_0) as unknown as { components: { messages: { Price: Record<string, unknown> } } };
    delete doc.components.messages.Price.examples;
    const out = renderHtmlDocs(doc, GATEWAY);
    expect(out).toContain('Example (made from the schema)');
    expect(out).toMatch(/<pre data-example>[^<]*&quot;symbol&quot;: &quot;string&quot;/);
  });

  it('reads a 2.6 document: oneOf messages under subscribe, parameters with schemas (gitter-streaming)', () => {
    const text = readFileSync(new URL('../../test/fixtures/docs/gitter-streaming-2.6.yml', import.meta.url), 'utf8');
    const source = docsSourceFromText(text, 'gitter-streaming-2.6.yml');
    expect(source.ok).toBe(true);
    if (!source.ok) return;
    const out = renderHtmlDocs(source.cleanDocument, docsGatewayFor(source.api, { http: 'http://127.0.0.1:8280', https: null }));
    expect(out).toContain('/rooms/{roomId}/{resource}');
    expect(out).toContain('http://127.0.0.1:8280/gitter-streaming-api/1.0.0/rooms/{roomId}/{resource}');
    expect(out).toContain('https://stream.gitter.im/v1/rooms/{roomId}/{resource}');
    // The clean export keeps the document's own texts, messages and schemas.
    expect(out).toContain('Id of the Gitter room.');
    expect(out).toContain('data-message="chatMessage"');
    expect(out).toContain('data-message="heartbeat"');
    expect(out).toContain('fromUser.username');
  });

  it('renders Markdown in the API, channel, message and parameter descriptions, with no markup or link of the document\'s own', () => {
    const doc = structuredClone(CLEAN_3_0) as unknown as { info: Record<string, unknown>; channels: { prices: Record<string, unknown> & { parameters: { symbol: Record<string, unknown> } } }; components: { messages: { Price: Record<string, unknown> } } };
    doc.info.description = 'Live **quotes**. See [the desk](https://example.com/desk).';
    doc.channels.prices.description = '- one *symbol*\n- [run me](javascript:alert(1))';
    doc.channels.prices.parameters.symbol.description = 'The `symbol`, e.g. <b onclick=alert(1)>ACME</b>.';
    doc.components.messages.Price.description = `A **quote**. ${HOSTILE}`;
    const out = renderHtmlDocs(doc, GATEWAY);
    expect(out).toContain('<div class="md"><p>Live <strong>quotes</strong>. See <a href="https://example.com/desk" target="_blank" rel="noopener noreferrer">the desk</a>.</p></div>');
    expect(out).toContain('<div class="md"><ul><li>one <em>symbol</em></li><li>run me</li></ul></div>');
    expect(out).toContain('<td><div class="md"><p>The <code>symbol</code>, e.g. &lt;b onclick=alert(1)&gt;ACME&lt;/b&gt;.</p></div></td>');
    expect(out).toContain('<p>A <strong>quote</strong>. &lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(out).not.toMatch(/javascript:|<b\s|<img|<script>window/i);
    expect(out.match(/<a\s/g)).toHaveLength(1);
  });

  it('survives a recursive schema and junk where objects belong', () => {
    const doc = {
      asyncapi: '3.0.0',
      info: { title: 'Tree', version: '1' },
      channels: { tree: { address: '/tree', messages: { node: { payload: { $ref: '#/components/schemas/Node' } } } }, junk: 42 },
      components: { schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
    };
    const out = renderHtmlDocs(doc, { routes: [], security: { type: 'none' } });
    expect(out).toContain('event: node');
    expect(out).toContain('#/components/schemas/Node');
    expect(renderHtmlDocs(null, { routes: [], security: { type: 'none' } })).toContain('Untitled API');
  });
});

describe('docs from an API with secrets', () => {
  it('the stock-ticker with an API key and Basic users: neither a key nor a password is in the page', () => {
    const text = readFileSync(new URL('../../examples/stock-ticker/stock-ticker.asyncapi.yaml', import.meta.url), 'utf8');
    for (const security of ['{ type: apiKey, in: header, name: X-API-Key, keys: [stock-key-SECRET-1] }', '{ type: basic, users: [{ username: alice, password: pw-SECRET-2 }] }']) {
      const source = docsSourceFromText(text.replace('x-context: /stocks', `x-context: /stocks\nx-gateway:\n  security: ${security}`), 'stock-ticker.asyncapi.yaml');
      expect(source.ok).toBe(true);
      if (!source.ok) return;
      expect(source.api.runtime.security.type).not.toBe('none');
      const out = renderHtmlDocs(source.cleanDocument, docsGatewayFor(source.api, { http: 'http://127.0.0.1:8280', https: 'https://127.0.0.1:8243' }));
      expect(out).not.toMatch(/SECRET/);
      expect(out).toContain('http://127.0.0.1:8280/stocks/1.0.0/prices');
      // The Price schema (a $ref into components) resolved, and an example from its property examples.
      expect(out).toContain('event: price');
      expect(out).toMatch(/<td class="mono">time<\/td><td class="mono">string<\/td><td>yes<\/td><td class="text">format date-time/);
      expect(out).toMatch(/<pre data-example>[^<]*&quot;symbol&quot;: &quot;ACME&quot;/);
    }
  });
});
