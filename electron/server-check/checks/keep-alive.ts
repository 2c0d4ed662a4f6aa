import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/**
 * Keep-alive: the longest time without a byte, against common idle timeouts of proxies and load
 * balancers (30 s, 60 s: nginx proxy_read_timeout and AWS ALB, 100 s: Cloudflare). `:` comments
 * sent while no event is due keep the connection busy.
 */
const IDLE_TIMEOUTS_S = [30, 60, 100];
const BUSY_MS = 5_000;

export function keepAliveCheck(e: RunEvidence): CheckResult {
  const base = { id: 'keep-alive' as const, title: 'Keep-alive' };
  const c = e.observe.capture;
  if (!c) return { ...base, status: 'unknown', summary: 'no stream to watch', evidence: [] };
  const silence = c.longestSilenceMs();
  const comments = c.comments.count;
  const seconds = (silence / 1000).toFixed(1);
  const figures = { longestSilenceMs: silence, comments, watchedMs: e.watchedMs };
  const evidence = [`longest silence ${seconds} s in ${(e.watchedMs / 1000).toFixed(1)} s watched`, `${comments} comment line${comments === 1 ? '' : 's'} (:)`];
  const cut = IDLE_TIMEOUTS_S.filter((t) => silence >= t * 1000);
  if (cut.length) return { ...base, status: 'fail', summary: `silent for ${seconds} s: an idle timeout of ${cut.map((t) => `${t} s`).join(' or ')} cuts the stream; send a ":" comment every 15 s`, evidence, figures };
  if (comments > 0) return { ...base, status: 'pass', summary: `heartbeat comments seen; longest silence ${seconds} s, under the usual idle timeouts (${IDLE_TIMEOUTS_S.join(', ')} s)`, evidence, figures };
  // In a short run, silence for half of it already says the stream idles.
  if (silence < Math.min(BUSY_MS, e.watchedMs / 2)) return { ...base, status: 'pass', summary: `events kept the connection busy (longest silence ${seconds} s); no heartbeat comments, so a pause in events of 30 s+ would be cut`, evidence, figures };
  return { ...base, status: 'warn', summary: `no heartbeat: silent for ${seconds} s without a ":" comment; proxies cut idle streams after ${IDLE_TIMEOUTS_S.join(', ')} s`, evidence, figures };
}
