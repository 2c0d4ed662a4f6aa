import type { ViewerEvent } from '../../../../shared/api/contract.ts';
import type { MockMessage } from '../../../../shared/model/mock.ts';
import { checkSchema } from './schema-check.ts';

/**
 * The contract check: does a received event fit one of its topic's AsyncAPI messages? The event
 * name must be a message's `name` (a message without a name leaves the name open), and the data
 * must fit that message's payload schema — read as JSON when it looks like JSON, else as the string
 * it is on the wire (SSE data is text: a `type: string` payload accepts any data). Reasons are short
 * sentences for the event's detail pane.
 */
export type EventCheck = (event: Pick<ViewerEvent, 'type' | 'data'>) => string[] | undefined;

/** Data longer than this is not checked (a 1 MiB event would stall the page at every arrival). */
export const MAX_CHECKED_CHARS = 256 * 1024;

/** The messages of a topic (by its path as written, `/prices/{symbol}`), from readMock(doc).messages. */
export function messagesFor(messages: Readonly<Record<string, MockMessage[]>>, topic: string): MockMessage[] {
  return messages[topic] ?? [];
}

/** A check for one topic's events, or undefined when the topic has no messages to check against. */
export function createEventCheck(messages: readonly MockMessage[], topic: string): EventCheck | undefined {
  if (messages.length === 0) return undefined;
  const names = [...new Set(messages.flatMap((m) => (m.eventName === undefined ? [] : [m.eventName])))];
  return (event) => {
    const candidates = messages.filter((m) => m.eventName === undefined || m.eventName === event.type);
    if (candidates.length === 0) return [`event "${event.type}" is not a message of ${topic} (expected ${names.map((n) => `"${n}"`).join(' or ')})`];
    const withSchema = candidates.filter((m) => m.payloadSchema !== undefined);
    if (withSchema.length < candidates.length) return undefined; // a message that fits without a schema
    if (event.data.length > MAX_CHECKED_CHARS) return undefined;
    const { value, json } = readData(event.data);
    let first: string[] | undefined;
    for (const message of withSchema) {
      const options = { ...(message.schemaRefs ? { refs: message.schemaRefs } : {}), maxIssues: 5 };
      const issues = checkSchema(value, message.payloadSchema, options);
      if (issues.length === 0) return undefined;
      // JSON-looking text may still be meant as text (`type: string`): the data as sent counts too.
      if (json && checkSchema(event.data, message.payloadSchema, options).length === 0) return undefined;
      first ??= issues.map((i) => `${i.path}: ${i.message}`);
    }
    if (!json && first?.[0]?.startsWith('payload: expected')) return [`data is not JSON (${first[0].replace(/^payload: /, '')})`];
    return first;
  };
}

function readData(data: string): { value: unknown; json: boolean } {
  const trimmed = data.trim();
  // Only things that look like JSON are parsed: a bare word is a string payload, not an error.
  if (/^[{["\d-]|^(true|false|null)$/.test(trimmed)) {
    try {
      return { value: JSON.parse(trimmed), json: true };
    } catch {
      return { value: data, json: false };
    }
  }
  return { value: data, json: false };
}
