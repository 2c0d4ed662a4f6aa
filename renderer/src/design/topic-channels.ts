import { isRecord, templateParams } from '../../../shared/asyncapi/plain-data.ts';
import type { DocTree } from './doc-tree.ts';
import { operationsOf, pointerOf } from './topic-refs.ts';

/**
 * Topics as channels, in both dialects (the shapes WSO2 API Manager exports, see
 * shared/asyncapi/build-v2.ts and build-v3.ts):
 *  - 2.x: `channels: { "/prices": { subscribe: { message } } }` — the key is the path;
 *  - 3.0: `channels: { prices: { address: /prices, messages } }` plus
 *         `operations: { receive-prices: { action: receive, channel: { $ref } } }`.
 */
const EVENT_MESSAGE = { name: 'event', summary: 'A Server-Sent Event; its data is the payload.', payload: { type: 'string' } };

export function addTopic(tree: DocTree, doc: Record<string, unknown>, spec: 2 | 3, path: string): void {
  const channels = isRecord(doc.channels) ? doc.channels : {};
  const params = templateParams(path);
  const id = uniqueName(slug(path), Object.keys(channels));
  if (spec === 2) {
    if (path in channels) return;
    tree.set(['channels', path], {
      ...(params.length ? { parameters: Object.fromEntries(params.map((p) => [p, { description: '', schema: { type: 'string' } }])) } : {}),
      subscribe: { operationId: `receive-${id}`, message: { ...EVENT_MESSAGE } },
    });
    return;
  }
  tree.set(['channels', id], {
    address: path,
    ...(params.length ? { parameters: Object.fromEntries(params.map((p) => [p, { description: '' }])) } : {}),
    messages: { event: { ...EVENT_MESSAGE } },
  });
  const operations = isRecord(doc.operations) ? Object.keys(doc.operations) : [];
  const ref = pointerOf(['channels', id]);
  tree.set(['operations', uniqueName(`receive-${id}`, operations)], { action: 'receive', channel: { $ref: ref }, messages: [{ $ref: `${ref}/messages/event` }] });
}

export function removeTopic(tree: DocTree, doc: Record<string, unknown>, spec: 2 | 3, key: string): void {
  if (spec === 3) for (const op of operationsOf(doc, key)) tree.delete(['operations', op]);
  tree.delete(['channels', key]);
}

/** 2.x renames the channel key in place; 3.0 changes the `address` and keeps the key, so `$ref`s still hold. */
export function renameTopic(tree: DocTree, doc: Record<string, unknown>, spec: 2 | 3, key: string, path: string): void {
  if (spec === 3) {
    tree.set(['channels', key, 'address'], path);
    return;
  }
  const channels = isRecord(doc.channels) ? doc.channels : {};
  if (key === path || path in channels) return;
  tree.renameKey(['channels'], key, path);
}

/** `/prices/{symbol}` -> `prices-symbol`; `/*` -> `all`. */
export function slug(path: string): string {
  return (
    path
      .replace(/\{([^}]+)\}/g, '$1')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || (path.endsWith('*') ? 'all' : 'root')
  );
}

export function uniqueName(base: string, taken: string[]): string {
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base}-${n}`;
  return name;
}
