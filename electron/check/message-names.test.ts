import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { declaredEventNames } from './message-names.ts';

describe('declared event names', () => {
  it('reads the stock-ticker example (AsyncAPI 3.0 channel messages)', async () => {
    const text = await fs.readFile(path.join(import.meta.dirname, '../../examples/stock-ticker/stock-ticker.asyncapi.yaml'), 'utf8');
    expect(declaredEventNames(text, '/prices')).toEqual(['price']);
    expect(declaredEventNames(text, '/prices/{symbol}')).toEqual(['price']);
    expect(declaredEventNames(text, '/nope')).toBeUndefined();
  });

  it('follows $refs and falls back to the message key (3.0)', () => {
    const text = `channels:\n  feed:\n    address: /feed\n    messages:\n      tick: { $ref: '#/components/messages/Tick' }\n      other: {}\ncomponents:\n  messages:\n    Tick: { name: tick }\n`;
    expect(declaredEventNames(text, '/feed')).toEqual(['tick', 'other']);
  });

  it('reads 2.x subscribe messages, oneOf included', () => {
    const text = JSON.stringify({ channels: { '/a': { subscribe: { message: { oneOf: [{ name: 'x' }, { $ref: '#/components/messages/Y' }] } } } }, components: { messages: { Y: { name: 'y' } } } });
    expect(declaredEventNames(text, '/a')).toEqual(['x', 'y']);
    expect(declaredEventNames(JSON.stringify({ channels: { '/b': { subscribe: {} } } }), '/b')).toBeUndefined();
  });
});
