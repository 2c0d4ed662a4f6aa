import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/** `retry:` sent or not, and what a browser does after a drop because of it. */
export function retryCheck(e: RunEvidence): CheckResult {
  const base = { id: 'retry' as const, title: 'Retry' };
  const c = e.observe.capture;
  if (!c) return { ...base, status: 'unknown', summary: 'no stream to look at', evidence: [] };
  const bad = c.bytes().badRetryCount;
  const values = c.retries;
  if (values.length === 0) {
    const summary = bad ? `only retry fields that are not numbers (${bad}): browsers ignore them and wait their default (about 3 s in Chrome, 5 s in Firefox)` : 'no retry field: browsers wait their default before reconnecting (about 3 s in Chrome, 5 s in Firefox)';
    return { ...base, status: bad ? 'warn' : 'pass', summary, evidence: [summary], figures: { retryMs: null } };
  }
  const last = values[values.length - 1] as number;
  const evidence = [`retry: ${values.slice(0, 5).join(', ')}${values.length > 5 ? ` ... (${values.length} in all)` : ''}`];
  const advice = last < 500 ? ': very short, clients hammer the server when it is down' : last > 60_000 ? ': clients stay away over a minute after every drop' : '';
  return { ...base, status: advice ? 'warn' : 'pass', summary: `retry: ${last}: browsers wait ${last >= 1000 ? `${last / 1000} s` : `${last} ms`} before reconnecting${advice}`, evidence, figures: { retryMs: last } };
}
