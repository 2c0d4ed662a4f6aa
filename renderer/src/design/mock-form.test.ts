import { describe, expect, it } from 'vitest';
import { applyEdit } from './design-edits.ts';
import { checkMockSetting, mockText, mockValue } from './mock-form.ts';
import { readDesign } from './read-design.ts';

const DOC = `asyncapi: 3.0.0
info:
  title: Feed
  version: 1.0.0
channels:
  prices:
    address: /prices
    x-mock:
      scenario: stock-ticker # the built-in ticker
      rate: 2
`;

describe('the x-mock form', () => {
  it('reads the block as written and writes one setting at a time', () => {
    const reading = readDesign(DOC);
    const mock = reading.ok ? reading.model.topics[0]?.mock : undefined;
    expect(mockText(mock, ['rate'])).toBe('2');
    expect(mockText(mock, ['burst', 'events'])).toBe('');
    const withBurst = [
      { kind: 'mock', key: 'prices', setting: ['rate'], value: undefined },
      { kind: 'mock', key: 'prices', setting: ['burst', 'events'], value: 10 },
      { kind: 'mock', key: 'prices', setting: ['burst', 'everyMs'], value: 2000 },
      { kind: 'mock', key: 'prices', setting: ['ids'], value: 'uuid' },
    ] as const;
    const text = withBurst.reduce((t, e) => applyEdit(t, 'yaml', { ...e, setting: [...e.setting] }), DOC);
    expect(text).toBe(DOC.replace('      rate: 2\n', '      burst:\n        events: 10\n        everyMs: 2000\n      ids: uuid\n'));
  });

  it('removes an emptied block, and the x-mock block when nothing is left', () => {
    let text = applyEdit(DOC, 'yaml', { kind: 'mock', key: 'prices', setting: ['rate'], value: undefined });
    text = applyEdit(text, 'yaml', { kind: 'mock', key: 'prices', setting: ['scenario'], value: undefined });
    expect(text).not.toContain('x-mock');
    expect(text).toContain('address: /prices');
  });

  it('refuses what the mock would refuse, with its message', () => {
    expect(checkMockSetting(undefined, ['rate'], '5000')).toMatch(/0.1 to 1000/);
    expect(checkMockSetting(undefined, ['rate'], 'fast')).toMatch(/events per second/);
    expect(checkMockSetting(undefined, ['rate'], '2.5')).toBeUndefined();
    expect(checkMockSetting(undefined, ['burst', 'events'], '10')).toBeUndefined();
    expect(checkMockSetting(undefined, ['backlog'], '-1')).toMatch(/backlog/);
    expect(checkMockSetting(undefined, ['event'], '')).toBeUndefined();
    expect(mockValue(['retryMs'], ' 1500 ')).toBe(1500);
    expect(mockValue(['event'], 'price')).toBe('price');
  });
});
