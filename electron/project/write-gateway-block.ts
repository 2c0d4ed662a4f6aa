import type { Document } from 'yaml';

/**
 * Puts an `x-gateway` block into a parsed document with the smallest edit: keys whose value did not
 * change keep their node (comments, order, quoting), changed ones are set in place, keys the block no
 * longer has are removed, mappings are merged key by key. An empty block removes `x-gateway`.
 * (Replacing the whole node would drop every comment the user wrote inside it.)
 */
export function writeGatewayBlock(doc: Document, block: Record<string, unknown>): void {
  if (Object.keys(block).length === 0) {
    doc.deleteIn(['x-gateway']);
    return;
  }
  const current: unknown = doc.toJS()?.['x-gateway'];
  if (!isRecord(current)) {
    doc.setIn(['x-gateway'], doc.createNode(block));
    return;
  }
  merge(doc, ['x-gateway'], current, block);
}

function merge(doc: Document, path: string[], current: Record<string, unknown>, next: Record<string, unknown>): void {
  for (const key of Object.keys(current)) if (!Object.hasOwn(next, key)) doc.deleteIn([...path, key]);
  for (const [key, value] of Object.entries(next)) {
    const before = current[key];
    if (JSON.stringify(before) === JSON.stringify(value)) continue;
    if (isRecord(before) && isRecord(value)) merge(doc, [...path, key], before, value);
    else doc.setIn([...path, key], doc.createNode(value));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
