import { isRecord, recordEntries } from './plain-data.ts';
import type { Report } from './read-identity.ts';
import { resolvePointer } from './read-refs.ts';

/**
 * HTTP bindings as AsyncAPI 3.0 validates them (http binding 0.3.0), from what 2.x documents
 * commonly hold (binding 0.1.0), keeping their content:
 *  - an operation binding's `type: request|response` goes (3.0 says it with the action), named in a warning;
 *  - a message binding given as `http: { $ref }` to a bindings object is inlined (3.0 allows no
 *    reference there), and `headers` written as plain values become a schema of `const`s, as the
 *    spec's own 3.0 Gitter example does.
 */
export function upgradeHttpBindings(doc: Record<string, unknown>, warn: Report): void {
  for (const [key, op] of recordEntries(doc.operations)) {
    const http = isRecord(op.bindings) && isRecord(op.bindings.http) ? op.bindings.http : undefined;
    if (http?.type !== undefined) {
      warn(['channels'], `Operation "${key}": the 2.x http binding "type: ${String(http.type)}" has no 3.0 counterpart (the operation's action says it) and is left out.`);
      delete http.type;
    }
  }
  const messages = [
    ...recordEntries(doc.channels).flatMap(([, c]) => recordEntries(c.messages).map(([, m]) => m)),
    ...recordEntries(isRecord(doc.components) ? doc.components.messages : undefined).map(([, m]) => m),
  ];
  for (const message of messages) if (isRecord(message.bindings)) message.bindings = messageBindings(doc, message.bindings);
  const components = isRecord(doc.components) ? doc.components : undefined;
  if (components && isRecord(components.messageBindings)) {
    components.messageBindings = Object.fromEntries(Object.entries(components.messageBindings).map(([k, b]) => [k, isRecord(b) ? messageBindings(doc, b) : b]));
  }
}

function messageBindings(doc: Record<string, unknown>, bindings: Record<string, unknown>): Record<string, unknown> {
  let http = bindings.http;
  if (isRecord(http) && typeof http.$ref === 'string') {
    const target = resolvePointer(doc, http.$ref);
    http = isRecord(target) && isRecord(target.http) ? target.http : target;
  }
  if (!isRecord(http)) return bindings;
  const headers = http.headers;
  const isSchema = isRecord(headers) && (headers.type !== undefined || headers.properties !== undefined || headers.$ref !== undefined);
  const upgraded = isRecord(headers) && !isSchema
    ? { ...http, headers: { type: 'object', properties: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, { type: typeof value === 'number' ? 'number' : 'string', const: value }])) } }
    : { ...http };
  return { ...bindings, http: upgraded };
}
