import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/** CORS for `--origin`: may a page at that origin read the stream with EventSource? */
export function corsCheck(e: RunEvidence): CheckResult {
  const base = { id: 'cors' as const, title: 'CORS' };
  const c = e.cors;
  if (!c) return { ...base, status: 'unknown', summary: 'not checked: give --origin https://your.app to check a page there may read the stream', evidence: [] };
  if (c.error !== undefined || c.status === undefined) return { ...base, status: 'unknown', summary: `the request with Origin: ${c.origin} failed: ${c.error}`, evidence: [] };
  const evidence = [`Origin: ${c.origin} -> ${c.status}, Access-Control-Allow-Origin: ${c.allowOrigin ?? '(none)'}${c.allowCredentials ? `, Access-Control-Allow-Credentials: ${c.allowCredentials}` : ''}`];
  const figures = { ...c };
  if (c.allowOrigin === undefined) return { ...base, status: 'fail', summary: `no Access-Control-Allow-Origin for ${c.origin}: a page there cannot read the stream`, evidence, figures };
  if (c.allowOrigin === '*') return { ...base, status: 'pass', summary: `any origin may read the stream (*); pages using withCredentials need the exact origin instead`, evidence, figures };
  if (c.allowOrigin === c.origin) return { ...base, status: 'pass', summary: `${c.origin} may read the stream`, evidence, figures };
  return { ...base, status: 'fail', summary: `Access-Control-Allow-Origin is ${c.allowOrigin}, not ${c.origin}: a page there cannot read the stream`, evidence, figures };
}
