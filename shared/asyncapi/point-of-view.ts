import { renameKeys } from './doc-refs.ts';
import { isRecord, recordEntries } from './plain-data.ts';
import { pointOfView3, type PointOfView } from './read-channels.ts';

/**
 * Writes a 3.x document from the given point of view: when it takes the other one, every
 * operation's action flips (send <-> receive: the same flow seen from the other end), and
 * operation names that start with the old action follow (`receivePrices` -> `sendPrices`).
 */
export function setPointOfView(doc: Record<string, unknown>, pov: PointOfView): void {
  if (!isRecord(doc.operations) || pointOfView3(doc) === pov) return;
  const names = new Map<string, string>();
  const used = new Set(Object.keys(doc.operations));
  for (const [key, op] of recordEntries(doc.operations)) {
    const from = op.action === 'send' ? 'send' : op.action === 'receive' ? 'receive' : undefined;
    if (!from) continue;
    const to = from === 'send' ? 'receive' : 'send';
    op.action = to;
    if (!key.startsWith(from)) continue;
    const renamed = to + key.slice(from.length);
    if (used.has(renamed)) continue;
    used.add(renamed);
    names.set(key, renamed);
  }
  renameKeys(doc, 'operations', names);
}
