import type { ResumeProbeResult } from './resume-probe.ts';
import type { StreamCapture } from './stream-capture.ts';
import type { ServerCheckOptions } from './types.ts';

/** What one run gathered; each check reads what it needs from here (checks do no I/O). */
export interface RunEvidence {
  url: URL;
  options: ServerCheckOptions;
  /** The undisturbed connection held for the whole run (the ground truth). */
  observe: { capture: StreamCapture | undefined; status: number | undefined; headers: Record<string, string>; httpVersion: string | undefined; redirects: string[]; error: string | undefined };
  /**
   * When no headers came in time: the same request asking for no compression (Accept-Encoding:
   * identity), to tell compression in the path from a server that is just slow to answer.
   */
  identityProbe?: { answeredMs: number | undefined; status: number | undefined; error: string | undefined };
  /** How long the undisturbed connection was watched. */
  watchedMs: number;
  resume: ResumeProbeResult | undefined;
  http2: Http2Evidence | undefined;
  cors: CorsEvidence | undefined;
}

export interface Http2Evidence {
  available: boolean;
  /** Streams opened at once on one connection, and how many answered 200 with bytes. */
  streamsAsked: number;
  streamsOk: number;
  detail: string;
}

export interface CorsEvidence {
  origin: string;
  status: number | undefined;
  allowOrigin: string | undefined;
  allowCredentials: string | undefined;
  error: string | undefined;
}
