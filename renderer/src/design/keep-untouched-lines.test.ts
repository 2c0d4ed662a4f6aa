import { describe, expect, it } from 'vitest';
import { applyEdit } from './design-edits.ts';
import { keepUntouchedLines, matchLines } from './keep-untouched-lines.ts';

// Written the way people write YAML, not the way the `yaml` printer does.
const AUTHORED = `asyncapi: 3.0.0
info:
  title: Stock Ticker
  version: 1.0.0
  description: >-
    Live prices
    for the trading desk
x-context: /stocks
channels:
  prices:
    address: /prices/{symbol}
    description: Prices: every tick
    parameters:
      symbol:
        description: A ticker
    messages:
      event:
        name: tick
        payload:
          type: object
          required: [symbol, price]
          properties:
            symbol: {type: string}
            price: { type: number }
operations:
  receive-prices:
    action: receive
    channel:
      $ref: '#/channels/prices'
`.replace('description: Prices: every tick', "description: 'Prices: every tick'");

describe('a form edit changes only the lines it touches', () => {
  it('keeps flow lists, flow maps and folded text elsewhere as the author wrote them', () => {
    const after = applyEdit(AUTHORED, 'yaml', { kind: 'name', value: 'Price Feed' });
    expect(after).toBe(AUTHORED.replace('title: Stock Ticker', 'title: Price Feed'));
  });

  it('keeps descriptions unquoted and unfolded: plain over two lines, single-quoted, with a colon', () => {
    const doc = `asyncapi: 3.0.0
info:
  title: Feed
  version: 1.0.0
  description: Live prices
    for the desk
channels:
  prices:
    address: /prices
    description: 'ticks, one per trade'
    messages:
      event:
        name: tick
        summary: "Prices: the last trade"
`;
    const after = applyEdit(doc, 'yaml', { kind: 'version', value: '1.1.0' });
    expect(after).toBe(doc.replace('version: 1.0.0', 'version: 1.1.0'));
  });

  it('adds a topic without reprinting the others', () => {
    const after = applyEdit(AUTHORED, 'yaml', { kind: 'addTopic', path: '/news' });
    const removed = AUTHORED.split('\n').filter((line) => !after.split('\n').includes(line));
    expect(removed).toEqual([]);
    expect(after).toContain('required: [symbol, price]');
    expect(after).toContain('address: /news');
  });

  it('edits a parameter description and the event name, nothing else', () => {
    let after = applyEdit(AUTHORED, 'yaml', { kind: 'paramDescription', key: 'prices', name: 'symbol', value: 'The ticker, e.g. ACME' });
    after = applyEdit(after, 'yaml', { kind: 'messageName', key: 'prices', value: 'price' });
    expect(after).toBe(AUTHORED.replace('description: A ticker', 'description: The ticker, e.g. ACME').replace('name: tick', 'name: price'));
  });

  it('keeps a JSON document\'s inline arrays when another field changes', () => {
    const json = '{\n  "asyncapi": "3.0.0",\n  "tags": ["x", "y"],\n  "info": { "title": "A", "version": "1" },\n  "x-context": "/old"\n}\n';
    const after = applyEdit(json, 'json', { kind: 'context', value: '/a' });
    expect(after).toBe(json.replace('/old', '/a'));
  });
});

describe('keepUntouchedLines', () => {
  it('returns the original when the edit changed nothing', () => {
    expect(keepUntouchedLines('a: [1]\n', 'a: [ 1 ]\n', 'a: [ 1 ]\n')).toBe('a: [1]\n');
  });

  it('takes the printed lines only where the edit is', () => {
    expect(keepUntouchedLines('a: [1]\nb: 2\nc: {x: 1}\n', 'a: [ 1 ]\nb: 2\nc: { x: 1 }\n', 'a: [ 1 ]\nb: 3\nc: { x: 1 }\n')).toBe('a: [1]\nb: 3\nc: {x: 1}\n');
  });

  it('matches lines like a shortest edit script', () => {
    expect(matchLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e'])).toEqual([
      [0, 0],
      [2, 2],
      [3, 3],
    ]);
    expect(matchLines(['x', 'a', 'b'], ['a', 'b', 'y'])).toEqual([
      [1, 0],
      [2, 1],
    ]);
  });
});
