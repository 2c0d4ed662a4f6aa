/**
 * `sse-studio check --url`: the verdict of each conformance check on one SSE endpoint. Each check
 * is PASS, WARN (works, but will hurt someone: a proxy, a browser, a reconnect), FAIL (breaks a
 * promise of the SSE spec or loses events) or UNKNOWN (could not be judged in this run, with why).
 * Evidence is what was seen, in words a tester can act on.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export type CheckId = 'response' | 'delivery' | 'framing' | 'ids' | 'resume' | 'retry' | 'keep-alive' | 'http2' | 'cors' | 'stop';

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** One line. */
  summary: string;
  /** What was seen, one fact a line. */
  evidence: string[];
  /** Machine-readable figures for --json (counts, times in ms). */
  figures?: Record<string, unknown>;
}

export interface ServerCheckOptions {
  url: string;
  headers: Record<string, string>;
  http2: boolean;
  /** Accept any TLS certificate (self-signed servers). */
  insecure: boolean;
  /** How long the whole run may take, in seconds; it stops by itself. */
  durationSeconds: number;
  /** Forced client drops for the resume check. */
  drops: number;
  /** Origin for the CORS check (none: not checked). */
  origin: string | undefined;
  /** Hosts requests may go to (host or host:port); the URL's host is always allowed. */
  allowHosts: string[];
}

export interface ServerCheckReport {
  url: string;
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
  counts: Record<CheckStatus, number>;
  /** true when no check failed. */
  ok: boolean;
}

export function countStatuses(checks: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, unknown: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}
