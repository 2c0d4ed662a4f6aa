import type { StudioHandlers } from '../../shared/api/contract.ts';
import { SERVER_CHECK_API_LIMITS, type ServerCheckRun } from '../../shared/model/server-check.ts';
import { ok } from '../../shared/result.ts';
import { runServerCheck } from './run-server-check.ts';

/**
 * The Studio API for the "Check a server" page: the same suite as `check --url`, run in the host
 * (one run at a time; a new one stops the old), its progress line and report read by polling.
 */
export type ServerCheckMethods = 'server.check.start' | 'server.check.status' | 'server.check.stop';

export function serverCheckHandlers(): Pick<StudioHandlers, ServerCheckMethods> {
  let run: ServerCheckRun | undefined;
  let abort: AbortController | undefined;
  let nextId = 1;
  return {
    'server.check.start': async (p) => {
      abort?.abort();
      const controller = new AbortController();
      abort = controller;
      const durationSeconds = p.durationSeconds ?? SERVER_CHECK_API_LIMITS.durationSeconds.default;
      const current: ServerCheckRun = { runId: nextId++, url: p.url, running: true, progress: 'starting', startedAt: Date.now(), durationSeconds, report: null, error: null };
      run = current;
      const options = {
        url: p.url,
        headers: p.headers ?? {},
        http2: p.http2 === true,
        insecure: p.insecure === true,
        durationSeconds,
        drops: p.drops ?? SERVER_CHECK_API_LIMITS.drops.default,
        origin: p.origin ? new URL(p.origin).origin : undefined,
        allowHosts: p.allowHosts ?? [],
      };
      runServerCheck(options, (text) => (current.progress = text), controller.signal).then(
        (report) => {
          current.report = report;
          current.progress = controller.signal.aborted ? 'stopped early: the report covers what was seen' : 'done';
        },
        (err: Error) => (current.error = err.message),
      ).finally(() => (current.running = false));
      return ok({ ...current });
    },
    'server.check.status': async () => ok(run ? { ...run } : null),
    'server.check.stop': async () => {
      abort?.abort();
      return ok(run ? { ...run } : null);
    },
  };
}
