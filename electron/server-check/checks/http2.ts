import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/**
 * HTTP/2: offered, and several event streams multiplexed on one connection. It matters to browsers:
 * over HTTP/1.1 they allow 6 connections per host across all tabs, so the 7th EventSource waits.
 * Browsers speak HTTP/2 only over TLS, so a plain http: URL without h2c is not a fault.
 */
export function http2Check(e: RunEvidence): CheckResult {
  const base = { id: 'http2' as const, title: 'HTTP/2' };
  const h = e.http2;
  if (!h) return { ...base, status: 'unknown', summary: 'not probed', evidence: [] };
  const figures = { ...h };
  if (!h.available) {
    if (e.url.protocol === 'http:') return { ...base, status: 'unknown', summary: `no h2c on this plain http: URL (${h.detail}); browsers use HTTP/2 only over TLS: check the https URL users reach`, evidence: [h.detail], figures };
    return { ...base, status: 'warn', summary: `no HTTP/2 (${h.detail}): browsers allow 6 HTTP/1.1 connections per host across tabs, the 7th EventSource waits`, evidence: [h.detail], figures };
  }
  if (h.streamsOk < h.streamsAsked) return { ...base, status: 'warn', summary: `HTTP/2 offered, but only ${h.streamsOk} of ${h.streamsAsked} streams on one connection answered with events`, evidence: [h.detail], figures };
  return { ...base, status: 'pass', summary: `HTTP/2: ${h.streamsOk} event streams multiplexed on one connection`, evidence: [h.detail], figures };
}
