import { describe, expect, it } from 'vitest';
import { mockClashes } from './mock-clashes.ts';
import type { MockApi } from './mock-routes.ts';

const api = (id: string, name: string, topics: string[]): MockApi => ({ id, name, endpoint: 'http://127.0.0.1:8080', topics: topics.map((path) => ({ path })) });

describe('mockClashes', () => {
  it('names both APIs when they mock the same topic path, whatever their parameter names', () => {
    const clashes = mockClashes([
      { api: api('a.yaml', 'Stock Ticker', ['/prices', '/prices/{symbol}']), prefix: '' },
      { api: api('b.yaml', 'Hotel Feed', ['/prices/{s}']), prefix: '' },
    ]);
    expect(clashes.map((c) => c.apiId)).toEqual(['a.yaml', 'b.yaml']);
    expect(clashes[0]?.message).toMatch(/^"Stock Ticker" and "Hotel Feed" both mock \/prices\/\{symbol\} on the mock backend\. .* reaches "Stock Ticker" only/);
    expect(clashes[1]?.message).toMatch(/^"Hotel Feed" and "Stock Ticker" both mock \/prices\/\{s\}/);
  });

  it('sees no clash between different paths or different endpoint base paths', () => {
    expect(mockClashes([
      { api: api('a.yaml', 'A', ['/prices/{symbol}']), prefix: '' },
      { api: api('b.yaml', 'B', ['/quotes/{symbol}']), prefix: '' },
      { api: api('c.yaml', 'C', ['/prices/{symbol}']), prefix: '/v2' },
      { api: api('d.yaml', 'D', ['/*']), prefix: '' },
      { api: api('e.yaml', 'E', ['/*']), prefix: '' },
    ])).toEqual([]);
  });
});
