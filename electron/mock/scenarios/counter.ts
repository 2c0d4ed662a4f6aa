import type { Scenario } from '../scenario.ts';

/** `event: count`, data = the sequence number: the easiest stream to check for gaps by eye. */
export function counter(): Scenario {
  return { rate: 5, next: (seq) => ({ event: 'count', data: String(seq) }) };
}

/** `event: tick`, data = the current time, once a second. */
export function clock(): Scenario {
  return { rate: 1, next: (_seq, now) => ({ event: 'tick', data: new Date(now).toISOString() }) };
}
