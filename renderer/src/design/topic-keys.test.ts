import { describe, expect, it } from 'vitest';
import { applyDesignEdit, type DesignEdit } from './design-edits.ts';
import { readDesign } from './read-design.ts';
import { TopicKeys } from './topic-keys.ts';

const V2 = 'asyncapi: 2.6.0\ninfo:\n  title: A\n  version: "1"\nchannels:\n  /p:\n    subscribe:\n      message:\n        payload: { type: string }\n';

describe('typing a 2.x topic path faster than the forms re-read it', () => {
  it('applies every keystroke to the renamed channel, none lost', () => {
    const keys = new TopicKeys();
    let text = V2;
    // The form still knows the topic by its first key, "/p", for every keystroke.
    for (const path of ['/pr', '/pri', '/pric', '/price', '/prices']) {
      const edit = keys.resolve({ kind: 'topicPath', key: '/p', path });
      const result = applyDesignEdit(text, 'yaml', edit);
      keys.applied(edit, result.renamed);
      text = result.text;
    }
    const edit: DesignEdit = keys.resolve({ kind: 'backendPath', key: '/p', value: '/v1/prices' });
    text = applyDesignEdit(text, 'yaml', edit).text;
    const reading = readDesign(text);
    expect(reading.ok && reading.model.topics).toMatchObject([{ key: '/prices', path: '/prices', backendPath: '/v1/prices' }]);
    expect(keys.current('/prices')).toBe('/prices');
  });

  it('forgets an alias when its key exists again', () => {
    const keys = new TopicKeys();
    keys.applied({ kind: 'topicPath', key: '/a', path: '/b' }, { from: '/a', to: '/b' });
    expect(keys.current('/a')).toBe('/b');
    keys.applied({ kind: 'addTopic', path: '/a' }, undefined);
    expect(keys.current('/a')).toBe('/a');
  });
});
