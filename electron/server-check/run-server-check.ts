import { corsCheck } from './checks/cors.ts';
import { deliveryCheck } from './checks/delivery.ts';
import { framingCheck } from './checks/framing.ts';
import { http2Check } from './checks/http2.ts';
import { idsCheck } from './checks/ids.ts';
import { keepAliveCheck } from './checks/keep-alive.ts';
import { responseCheck } from './checks/response.ts';
import { resumeCheck } from './checks/resume.ts';
import { retryCheck } from './checks/retry.ts';
import { stopCheck } from './checks/stop.ts';
import type { RunEvidence } from './evidence.ts';
import { headersForHop } from './credential-headers.ts';
import { createHostAllowlist } from './host-allowlist.ts';
import { openFollowing } from './open-following.ts';
import { openStream } from './open-stream.ts';
import { probeCors } from './probe-cors.ts';
import { probeHttp2 } from './probe-http2.ts';
import { runResumeProbe } from './resume-probe.ts';
import { captureStream } from './stream-capture.ts';
import { countStatuses, type ServerCheckOptions, type ServerCheckReport } from './types.ts';

/**
 * One bounded conformance run against an SSE URL. For `durationSeconds` it holds one undisturbed
 * connection (the ground truth: response, delivery, framing, ids, retry, keep-alive) while a second
 * one is dropped and resumed `drops` times; then short HTTP/2 and CORS probes. It stops by itself
 * and sends nothing to hosts outside the allowlist.
 */
export interface ServerCheckProgress {
  (text: string): void;
}

const ANSWER_TIMEOUT_MS = 10_000;
const PROBE_TIMEOUT_MS = 3_000;
const H2_STREAMS = 3;

export async function runServerCheck(options: ServerCheckOptions, progress: ServerCheckProgress = () => undefined, signal?: AbortSignal): Promise<ServerCheckReport> {
  const started = Date.now();
  const url = new URL(options.url);
  const allowlist = createHostAllowlist(url, options.allowHosts);
  const deadline = started + options.durationSeconds * 1000;
  const openOptions = { headers: options.headers, http2: options.http2, insecure: options.insecure, timeoutMs: Math.min(ANSWER_TIMEOUT_MS, options.durationSeconds * 1000) };
  const evidence: RunEvidence = {
    url,
    options,
    observe: { capture: undefined, status: undefined, headers: {}, httpVersion: undefined, redirects: [], error: undefined },
    watchedMs: 0,
    resume: undefined,
    http2: undefined,
    cors: undefined,
  };

  progress(`connecting to ${url.href}`);
  let target = url;
  let headers = options.headers;
  try {
    const opened = await openFollowing(url, openOptions, allowlist);
    target = opened.finalUrl;
    // Later requests go straight to where the redirects led: login headers only if that is still the user's origin.
    headers = headersForHop(options.headers, target, url).headers;
    const a = opened.answer;
    evidence.observe = { ...evidence.observe, status: a.status, headers: a.headers, httpVersion: a.httpVersion, redirects: opened.redirects };
    if (a.status === 200) evidence.observe.capture = captureStream(a);
    else a.close();
  } catch (err) {
    evidence.observe.error = (err as Error).message;
  }

  if (evidence.observe.error?.startsWith('no answer within') && !Object.keys(options.headers).some((h) => h.toLowerCase() === 'accept-encoding')) {
    progress('no headers yet: asking again without compression');
    evidence.identityProbe = await probeIdentity(target, { ...options, headers }, PROBE_TIMEOUT_MS);
  }

  const capture = evidence.observe.capture;
  if (capture) {
    const watchStart = capture.answer.answeredAt;
    const ticker = setInterval(() => {
      const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      progress(`watching: ${capture.eventCount()} events, ${evidence.resume ? 'resume done' : 'dropping and resuming'}, ${left} s left`);
    }, 250);
    const abort = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
    const probe = runResumeProbe({ url: target, options: { ...openOptions, headers }, allowlist, drops: options.drops, truth: capture, deadline, signal }).then((r) => (evidence.resume = r));
    await Promise.race([Promise.all([probe, waitUntil(deadline, capture)]), abort]);
    clearInterval(ticker);
    capture.close();
    evidence.watchedMs = (capture.endedAt() ?? Date.now()) - watchStart;
    await Promise.race([probe, new Promise((r) => setTimeout(r, 100))]);
  }

  if (!signal?.aborted && evidence.observe.status !== undefined) {
    progress('probing HTTP/2 and CORS');
    const [h2, cors] = await Promise.all([
      probeHttp2(target, headers, options.insecure, H2_STREAMS, PROBE_TIMEOUT_MS),
      options.origin ? probeCors(target, options.origin, headers, options.http2, options.insecure, PROBE_TIMEOUT_MS) : Promise.resolve(undefined),
    ]);
    evidence.http2 = h2;
    evidence.cors = cors;
  }

  const checks = [responseCheck, deliveryCheck, framingCheck, idsCheck, resumeCheck, retryCheck, keepAliveCheck, http2Check, corsCheck, stopCheck].map((check) => check(evidence));
  const counts = countStatuses(checks);
  return { url: url.href, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, checks, counts, ok: counts.fail === 0 };
}

async function probeIdentity(url: URL, options: ServerCheckOptions, timeoutMs: number): Promise<NonNullable<RunEvidence['identityProbe']>> {
  try {
    const a = await openStream(url, { headers: { ...options.headers, 'accept-encoding': 'identity' }, http2: options.http2, insecure: options.insecure, timeoutMs });
    a.close();
    return { answeredMs: a.answeredAt - a.requestedAt, status: a.status, error: undefined };
  } catch (err) {
    return { answeredMs: undefined, status: undefined, error: (err as Error).message };
  }
}

/** Until the deadline, or until the server ends the stream. */
function waitUntil(deadline: number, capture: { endedAt(): number | undefined }): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (Date.now() >= deadline || capture.endedAt() !== undefined) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
  });
}
