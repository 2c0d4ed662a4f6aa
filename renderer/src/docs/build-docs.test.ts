import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocs, htmlDocsFile } from './build-docs.ts';

const STOCK_TICKER = readFileSync(new URL('../../../examples/stock-ticker/stock-ticker.asyncapi.yaml', import.meta.url), 'utf8');
const LISTENERS = { http: 'http://127.0.0.1:8280', https: 'https://127.0.0.1:8243' };

describe('buildDocs', () => {
  it('reads the editor text as docs with the gateway URLs, the backend in use for the saved endpoint', () => {
    const built = buildDocs(STOCK_TICKER, 'stock-ticker.asyncapi.yaml', LISTENERS, { declared: 'http://127.0.0.1:8080', inUse: 'http://127.0.0.1:41000' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.model.topics.map((t) => [t.path, t.httpUrl, t.backendUrl])).toEqual([
      ['/prices', 'http://127.0.0.1:8280/stocks/1.0.0/prices', 'http://127.0.0.1:41000/prices'],
      ['/prices/{symbol}', 'http://127.0.0.1:8280/stocks/1.0.0/prices/{symbol}', 'http://127.0.0.1:41000/prices/{symbol}'],
    ]);
  });

  it('gives the problems of a text that does not read as an SSE API', () => {
    const built = buildDocs(STOCK_TICKER.replace('channels:', 'channels: [\n'), 'stock-ticker.asyncapi.yaml', LISTENERS);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems[0]?.line).toBeGreaterThan(0);
  });

  it('names the HTML file after the API and keeps the secret out', () => {
    const text = STOCK_TICKER.replace('x-context: /stocks', 'x-context: /stocks\nx-gateway:\n  security: { type: basic, users: [{ username: ops, password: hunter2-SECRET }] }');
    const file = htmlDocsFile(text, 'stock-ticker.asyncapi.yaml', LISTENERS, 'SSE Studio test');
    expect(file.ok).toBe(true);
    if (!file.ok) return;
    expect(file.name).toBe('stock-ticker-1.0.0.docs.html');
    expect(file.html).toContain('HTTP Basic');
    expect(file.html).not.toContain('hunter2');
  });
});
