import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/**
 * Stop: EventSource stops for good only on a 204 (or another non-200 answer); a stream that just
 * ends makes it reconnect. The check cannot make a server want to stop, so it reports what it saw.
 */
export function stopCheck(e: RunEvidence): CheckResult {
  const base = { id: 'stop' as const, title: 'Stop (204)' };
  const statuses = [e.observe.status, ...(e.resume?.refused.map((r) => r.status) ?? [])];
  const ended = e.observe.capture?.endedBy() === 'server';
  const evidence = ended ? ['the server ended the stream during the run: EventSource reconnects after that, it does not stop'] : [];
  if (statuses.includes(204)) return { ...base, status: 'pass', summary: 'the server answered 204 No Content: EventSource stops and does not reconnect', evidence };
  return {
    ...base,
    status: 'unknown',
    summary: 'the server never asked clients to stop in this run; to stop them for good it must answer 204 (ending the stream only makes them reconnect)',
    evidence,
  };
}
