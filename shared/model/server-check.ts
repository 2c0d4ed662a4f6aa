import { fail, ok, type Result } from '../result.ts';

/**
 * The conformance run against any SSE URL (`sse-studio check --url`, the "Check a server" page):
 * each check is PASS, WARN (works, but will hurt someone: a proxy, a browser, a reconnect), FAIL
 * (breaks a promise of the SSE spec or loses events) or UNKNOWN (could not be judged in this run,
 * with why), with the evidence seen. The suite itself runs in the host (electron/server-check).
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

// ---- over the Studio API ---------------------------------------------------------------------

/** `server.check.start` params: the URL and the options of `check --url` (defaults as there). */
export interface ServerCheckRequest {
  url: string;
  headers?: Record<string, string>;
  http2?: boolean;
  insecure?: boolean;
  durationSeconds?: number;
  drops?: number;
  origin?: string;
  allowHosts?: string[];
}

/** A run on the host: its progress line while it runs, then its report. */
export interface ServerCheckRun {
  runId: number;
  url: string;
  running: boolean;
  /** What it is doing now (the CLI's progress line). */
  progress: string;
  startedAt: number;
  durationSeconds: number;
  report: ServerCheckReport | null;
  error: string | null;
}

export const SERVER_CHECK_API_LIMITS = { durationSeconds: { min: 2, max: 600, default: 20 }, drops: { min: 1, max: 20, default: 5 } } as const;

/** Checks `server.check.start` params field by field, so a wrong one gets a message that says what fits. */
export function checkServerCheckRequest(params: Record<string, unknown>): Result<ServerCheckRequest> {
  const known = ['url', 'headers', 'http2', 'insecure', 'durationSeconds', 'drops', 'origin', 'allowHosts'];
  const extra = Object.keys(params).find((k) => !known.includes(k));
  if (extra) return fail('bad_params', `Unknown parameter "${extra}".`);
  const { url, headers, http2, insecure, durationSeconds, drops, origin, allowHosts } = params;
  if (typeof url !== 'string' || !/^https?:\/\/[^/\s]+/i.test(url)) return fail('bad_params', '"url" must be an http:// or https:// URL.', [{ field: 'url', message: 'Give the event stream, e.g. https://api.example.com/events.' }]);
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Array.isArray(headers) || !Object.values(headers).every((v) => typeof v === 'string'))) {
    return fail('bad_params', '"headers" must be an object of header names to string values when given.');
  }
  for (const [key, value] of Object.entries({ http2, insecure })) if (value !== undefined && typeof value !== 'boolean') return fail('bad_params', `"${key}" must be true or false when given.`);
  for (const [key, value] of Object.entries({ durationSeconds, drops })) {
    const limits = SERVER_CHECK_API_LIMITS[key as 'durationSeconds' | 'drops'];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < limits.min || value > limits.max)) {
      return fail('bad_params', `"${key}" must be a whole number from ${limits.min} to ${limits.max} when given.`, [{ field: key, message: `From ${limits.min} to ${limits.max}.` }]);
    }
  }
  if (origin !== undefined && (typeof origin !== 'string' || !/^https?:\/\/[^/\s]+$/i.test(origin.replace(/\/$/, '')))) return fail('bad_params', '"origin" must be an origin such as https://app.example.com when given.', [{ field: 'origin', message: 'An origin: scheme, host and port, no path.' }]);
  if (allowHosts !== undefined && !(Array.isArray(allowHosts) && allowHosts.every((h) => typeof h === 'string'))) return fail('bad_params', '"allowHosts" must be a list of host names when given.');
  return ok(params as unknown as ServerCheckRequest);
}
