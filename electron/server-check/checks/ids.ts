import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/**
 * Ids on the undisturbed connection: present (without them a reconnecting client has no
 * Last-Event-ID to send), unique (a repeated id confuses every resume) and, where numeric,
 * increasing (resume logic on both sides usually compares them).
 */
const NUMERIC = /^\d{1,15}$/;

export function idsCheck(e: RunEvidence): CheckResult {
  const base = { id: 'ids' as const, title: 'Event ids' };
  const c = e.observe.capture;
  if (!c || c.events.length === 0) return { ...base, status: 'unknown', summary: 'no events to look at', evidence: [] };
  const withId = c.events.filter((ev) => ev.id !== undefined && ev.id !== '');
  const ids = withId.map((ev) => ev.id as string);
  const figures = { events: c.events.length, withId: withId.length, duplicates: 0, backwards: 0, numeric: ids.length > 0 && ids.every((id) => NUMERIC.test(id)) };
  if (withId.length === 0) return { ...base, status: 'warn', summary: 'no event carries an id: a client that reconnects cannot resume (no Last-Event-ID to send)', evidence: [`${c.events.length} events, none with id:`], figures };
  const evidence = [`${withId.length} of ${c.events.length} events carry an id (first ${ids[0]}, last ${ids[ids.length - 1]})`];
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const id of ids) {
    if (seen.has(id) && dupes.length < 10) dupes.push(id);
    if (seen.has(id)) figures.duplicates++;
    seen.add(id);
  }
  const backwards: string[] = [];
  if (figures.numeric) for (let i = 1; i < ids.length; i++) if (Number(ids[i]) <= Number(ids[i - 1])) {
    figures.backwards++;
    if (backwards.length < 5) backwards.push(`${ids[i - 1]} then ${ids[i]}`);
  }
  if (figures.duplicates) return { ...base, status: 'fail', summary: `${figures.duplicates} repeated ids on one connection (${dupes.join(', ')}): a resume cannot tell which one was meant`, evidence, figures };
  if (backwards.length) return { ...base, status: 'warn', summary: `numeric ids go backwards (${backwards.join('; ')}): resume logic that compares ids will misread them`, evidence, figures };
  if (withId.length < c.events.length) return { ...base, status: 'warn', summary: `${c.events.length - withId.length} events without an id: a reconnect after one resumes from the id before it`, evidence, figures };
  return { ...base, status: 'pass', summary: `every event has a unique id${figures.numeric ? ', increasing' : ''}`, evidence, figures };
}
