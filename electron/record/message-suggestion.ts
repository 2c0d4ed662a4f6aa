import { createCompoundSchema } from 'genson-js';
import { stringify } from 'yaml';
import type { RecordedEvent } from './recording-file.ts';

/**
 * What a recording suggests for the topic's AsyncAPI messages: per event name, a few example
 * payloads and a payload schema inferred from all of its JSON data (genson-js). Only for events whose
 * data is JSON; `record` prints it as YAML to paste under the channel's messages.
 */
export interface MessageSuggestion {
  /** The event name (`message` when the events had none). */
  name: string;
  payload: unknown;
  examples: unknown[];
  samples: number;
}

const MAX_SAMPLES = 500;
const MAX_EXAMPLES = 3;

export function suggestMessages(events: readonly RecordedEvent[]): MessageSuggestion[] {
  const byName = new Map<string, unknown[]>();
  for (const e of events) {
    let value: unknown;
    try {
      value = JSON.parse(e.data);
    } catch {
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const name = e.event ?? 'message';
    const list = byName.get(name) ?? [];
    if (list.length < MAX_SAMPLES) list.push(value);
    byName.set(name, list);
  }
  return [...byName].map(([name, values]) => {
    const examples: unknown[] = [];
    const seen = new Set<string>();
    for (const v of values) {
      const key = JSON.stringify(v);
      if (seen.has(key)) continue;
      seen.add(key);
      examples.push(v);
      if (examples.length >= MAX_EXAMPLES) break;
    }
    return { name, payload: createCompoundSchema(values), examples, samples: values.length };
  });
}

/** The suggestions as AsyncAPI 3.0 `messages` YAML (2.x: use one as `subscribe.message`). */
export function suggestionYaml(suggestions: readonly MessageSuggestion[]): string {
  const messages: Record<string, unknown> = {};
  for (const s of suggestions) messages[s.name] = { name: s.name, payload: s.payload, examples: s.examples.map((payload) => ({ payload })) };
  return stringify({ messages }, { lineWidth: 0 });
}
