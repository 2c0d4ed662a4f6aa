import { isRecord, templateParams } from '../../../shared/asyncapi/plain-data.ts';
import { openTree, type DocPath, type DocTree } from './doc-tree.ts';
import { writeEndpoint } from './endpoint-server.ts';
import { addTopic, removeTopic, renameTopic } from './topic-channels.ts';
import { resolveLocalRef, v3MessageOf } from './topic-refs.ts';

/** One change made in the Design forms. Topics are named by their channel key. */
export type DesignEdit =
  | { kind: 'name' | 'version' | 'description' | 'context' | 'endpoint'; value: string }
  | { kind: 'addTopic'; path: string }
  | { kind: 'removeTopic'; key: string }
  | { kind: 'topicPath'; key: string; path: string }
  | { kind: 'topicDescription' | 'backendPath' | 'messageName'; key: string; value: string }
  | { kind: 'paramDescription'; key: string; name: string; value: string }
  /** A parsed JSON Schema, or undefined to remove the payload. */
  | { kind: 'payload'; key: string; value: unknown }
  /** Example payloads, or an empty list to remove them. */
  | { kind: 'examples'; key: string; value: unknown[] }
  /** One `x-mock` setting of the topic (e.g. ['rate'], ['burst', 'events']); undefined removes it (and an emptied block). */
  | { kind: 'mock'; key: string; setting: string[]; value: unknown };

/**
 * Applies a form edit to the document text and returns the new text: only the nodes the edit is
 * about change, so comments, key order and formatting elsewhere stay as the user wrote them.
 */
export function applyEdit(text: string, format: 'yaml' | 'json', edit: DesignEdit): string {
  return applyDesignEdit(text, format, edit).text;
}

/** As applyEdit, and says when a 2.x channel key changed with its path (later edits must use the new key). */
export function applyDesignEdit(text: string, format: 'yaml' | 'json', edit: DesignEdit): { text: string; renamed?: { from: string; to: string } } {
  const tree = openTree(text, format);
  const doc = tree.data();
  if (!isRecord(doc)) return { text };
  const spec = String(doc.asyncapi ?? '').startsWith('3') ? 3 : 2;
  editTree(tree, doc, spec, edit);
  const renamed = edit.kind === 'topicPath' && spec === 2 && edit.key !== edit.path && tree.has(['channels', edit.path]) && !tree.has(['channels', edit.key]);
  return renamed ? { text: tree.toString(), renamed: { from: edit.key, to: edit.path } } : { text: tree.toString() };
}

function editTree(tree: DocTree, doc: Record<string, unknown>, spec: 2 | 3, edit: DesignEdit): void {
  switch (edit.kind) {
    case 'name':
      return tree.set(['info', 'title'], edit.value);
    case 'version':
      return tree.set(['info', 'version'], edit.value);
    case 'description':
      return optional(tree, ['info', 'description'], edit.value);
    case 'context':
      // Our x-context wins over WSO2's x-wso2-basePath when both are there (read-identity.ts).
      return tree.set(['x-context'], edit.value);
    case 'endpoint':
      return writeEndpoint(tree, doc, spec, edit.value);
    case 'addTopic':
      return addTopic(tree, doc, spec, edit.path);
    case 'removeTopic':
      return removeTopic(tree, doc, spec, edit.key);
    case 'topicPath':
      renameTopic(tree, doc, spec, edit.key, edit.path);
      return syncParameters(tree, spec, spec === 2 ? edit.path : edit.key, edit.path);
    case 'topicDescription':
      return optional(tree, ['channels', edit.key, 'description'], edit.value);
    case 'backendPath':
      return optional(tree, ['channels', edit.key, 'x-backend-path'], edit.value);
    case 'paramDescription':
      return tree.set(['channels', edit.key, 'parameters', edit.name, 'description'], edit.value);
    case 'messageName':
      return tree.set([...messageAt(tree, doc, spec, edit.key), 'name'], edit.value);
    case 'payload':
      if (edit.value === undefined) return tree.delete([...messageAt(tree, doc, spec, edit.key), 'payload']);
      return tree.set([...messageAt(tree, doc, spec, edit.key), 'payload'], edit.value);
    case 'mock':
      return editMock(tree, edit.key, edit.setting, edit.value);
    case 'examples':
      if (edit.value.length === 0) return tree.delete([...messageAt(tree, doc, spec, edit.key), 'examples']);
      return tree.set([...messageAt(tree, doc, spec, edit.key), 'examples'], edit.value.map((payload) => ({ payload })));
  }
}

/** An empty optional text field is removed rather than written as "". */
function optional(tree: DocTree, path: DocPath, value: string): void {
  if (value === '') tree.delete(path);
  else tree.set(path, value);
}

/** Where the topic's message is written; a topic without one gets an `event` message. */
function messageAt(tree: DocTree, doc: Record<string, unknown>, spec: 2 | 3, key: string): DocPath {
  if (spec === 3) {
    const found = v3MessageOf(doc, key);
    if (found) return found;
    tree.set(['channels', key, 'messages', 'event'], { name: 'event' });
    return ['channels', key, 'messages', 'event'];
  }
  const base: DocPath = ['channels', key, 'subscribe', 'message'];
  const message = tree.get(base);
  if (isRecord(message) && Array.isArray(message.oneOf) && message.oneOf.length) return resolveLocalRef(doc, [...base, 'oneOf', 0]) ?? [...base, 'oneOf', 0];
  const found = resolveLocalRef(doc, base);
  if (found) return found;
  tree.set(base, { name: 'event' });
  return base;
}

/**
 * A channel declares each `{name}` of its path as a parameter (AsyncAPI requires it): new names
 * are added, names no longer in the path removed, and a renamed one keeps its description.
 */
function syncParameters(tree: DocTree, spec: 2 | 3, key: string, path: string): void {
  const at: DocPath = ['channels', key, 'parameters'];
  const wanted = templateParams(path);
  const current = tree.get(at);
  const have = isRecord(current) ? Object.keys(current) : [];
  const missing = wanted.filter((n) => !have.includes(n));
  const extra = have.filter((n) => !wanted.includes(n));
  if (missing.length === 1 && extra.length === 1) {
    tree.renameKey(at, extra[0] as string, missing[0] as string);
    return;
  }
  for (const name of extra) tree.delete([...at, name]);
  for (const name of missing) tree.set([...at, name], spec === 2 ? { description: '', schema: { type: 'string' } } : { description: '' });
  const after = tree.get(at);
  if (isRecord(after) && Object.keys(after).length === 0) tree.delete(at);
}

/** Sets or removes one x-mock setting; a block left empty (burst, then x-mock itself) is removed. */
function editMock(tree: DocTree, key: string, setting: string[], value: unknown): void {
  const block: DocPath = ['channels', key, 'x-mock'];
  if (value !== undefined) return tree.set([...block, ...setting], value);
  tree.delete([...block, ...setting]);
  for (let depth = setting.length - 1; depth >= 0; depth--) {
    const at = [...block, ...setting.slice(0, depth)];
    const left = tree.get(at);
    if (isRecord(left) && Object.keys(left).length === 0) tree.delete(at);
  }
}
