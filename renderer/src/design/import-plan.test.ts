import { describe, expect, it } from 'vitest';
import { planImport } from './import-plan.ts';
import { checkFileName, documentFileName, newDocumentText } from './new-document.ts';
import { readDesign } from './read-design.ts';

describe('new documents and imports', () => {
  const draft = { name: 'Price Feed', context: '/feed', version: '1.0.0', endpoint: 'http://127.0.0.1:8080/', topics: ['/*'] };

  it('makes 3.0 and 2.6 documents the forms can read', () => {
    for (const [asyncapi, spec] of [['3.0', 3], ['2.6', 2]] as const) {
      const reading = readDesign(newDocumentText(draft, asyncapi));
      expect(reading.ok && reading.model).toMatchObject({ spec, name: 'Price Feed', context: '/feed', endpoint: 'http://127.0.0.1:8080', topics: [{ path: '/*' }] });
    }
  });

  it('names files like the host does and checks names the host would refuse', () => {
    expect(documentFileName('Price Feed', '1.0.0')).toBe('price-feed-1.0.0.asyncapi.yaml');
    expect(checkFileName('price-feed.json')).toBeUndefined();
    expect(checkFileName('../x.yaml')).toMatch(/letters, digits/);
    expect(checkFileName('x.txt')).toMatch(/\.yaml/);
  });

  it('keeps an importable document as written', () => {
    const text = newDocumentText(draft, '2.6');
    const plan = planImport(text, 'feed.yaml');
    expect(plan).toMatchObject({ ok: true, text, fileName: 'price-feed-1.0.0.asyncapi.yaml' });
  });

  it('refuses a document without a backend server, as validate and export do (nothing is regenerated)', () => {
    const text = 'asyncapi: 2.6.0\ninfo:\n  title: Bare\n  version: "1"\nchannels:\n  /x:\n    subscribe:\n      message:\n        payload: { type: string }\n';
    const plan = planImport(text);
    expect(!plan.ok && plan.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^The document has no servers\. SSE Studio accepts a server with "protocol: sse"/)]);
  });

  it('refuses what cannot be an SSE API, with line and column', () => {
    const plan = planImport('asyncapi: 3.0.0\ninfo:\n  title: A\n  version: "1"\nchannels: {}\n');
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problems.find((p) => /channel/.test(p.message))).toMatchObject({ line: 5 });
  });
});
