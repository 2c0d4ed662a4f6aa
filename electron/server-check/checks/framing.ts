import type { RunEvidence } from '../evidence.ts';
import type { CheckResult } from '../types.ts';

/**
 * Framing: the stream parses cleanly with eventsource-parser, and its raw bytes hold nothing a
 * browser would read differently from what the server meant. FAIL: a BOM after the start, bytes
 * that are not UTF-8, two events merged for want of a blank line (data changes or events vanish).
 * WARN: CR-only line ends (legal, but many hand-written clients split on LF), `retry:` values that
 * are not numbers (ignored), fields no client knows. The check's own memory caps show here too: one
 * event past 4 MiB without a blank line FAILs, a connection past its 64 MiB budget WARNs.
 */
export function framingCheck(e: RunEvidence): CheckResult {
  const base = { id: 'framing' as const, title: 'Framing' };
  const c = e.observe.capture;
  if (!c) return { ...base, status: 'unknown', summary: 'no stream to parse', evidence: [] };
  const b = c.bytes();
  const fails: string[] = [];
  const warns: string[] = [];
  if (b.midStreamBom.count) fails.push(`${b.midStreamBom.count} UTF-8 BOM${b.midStreamBom.count === 1 ? '' : 's'} after the start (first at byte ${b.midStreamBom.firstOffset}): only one at the very start is stripped, later ones end up in a field name or the data`);
  if (b.invalidUtf8.count) fails.push(`bytes that are not UTF-8 (first in the chunk at byte ${b.invalidUtf8.firstOffset}): browsers turn them into U+FFFD, the data changes`);
  if (b.mergedEvents.count) fails.push(`${b.mergedEvents.count} time${b.mergedEvents.count === 1 ? '' : 's'} ${b.mergedEvents.example}: events without a blank line merge into one`);
  if (b.crOnlyLines) warns.push(`${b.crOnlyLines} lines end with CR alone: legal SSE, but clients that split on LF only read them wrong; end lines with LF`);
  if (b.badRetryCount) warns.push(`${b.badRetryCount} retry: value${b.badRetryCount === 1 ? '' : 's'} not a number (${b.badRetry.map((r) => JSON.stringify(r)).join(', ')}): clients ignore them`);
  const limit = c.limit();
  if (limit) (limit.kind === 'event' ? fails : warns).push(`the check ${limit.reason}`);
  const unknownFields = c.parseErrors.filter((p) => p.startsWith('unknown-field'));
  if (unknownFields.length) warns.push(`fields no client knows: ${unknownFields.slice(0, 3).join('; ')}`);
  const evidence = [`${b.bytes} bytes, ${b.lines} lines, ${c.eventCount()} events, ${c.comments.count} comment${c.comments.count === 1 ? "" : "s"}`, ...fails, ...warns];
  const status = fails.length ? 'fail' : warns.length ? 'warn' : 'pass';
  return { ...base, status, summary: fails[0] ?? warns[0] ?? 'parses cleanly: UTF-8, LF line ends, blank line after every event', evidence, figures: { ...b } };
}
