import type { Http2Session, Settings } from 'node:http2';

/**
 * Limits every HTTP/2 session of the gateway (h2c and TLS alike), so a client cannot hold memory
 * without doing anything a subscriber does:
 *  - SETTINGS_MAX_CONCURRENT_STREAMS (RFC 9113 §6.5.2): Node's default is effectively unlimited;
 *    256 streams is plenty for one client (a browser opens one per EventSource).
 *  - an idle timeout for sessions with no open stream: a connection that sends the preface and
 *    then nothing, or whose last stream closed, is closed after `idleMs`. Sessions with an open
 *    SSE stream are never timed out here (heartbeats keep them busy, and an idle topic is fine).
 */
export const MAX_CONCURRENT_STREAMS = 256;
export const SESSION_IDLE_MS = 30_000;
/** After a GOAWAY, a session that does not finish on its own is destroyed. */
const CLOSE_GRACE_MS = 1000;

export function http2Settings(maxHeaderListSize: number): Settings {
  return { maxHeaderListSize, maxConcurrentStreams: MAX_CONCURRENT_STREAMS };
}

/** Closes `session` whenever it has had no open stream for `idleMs`. */
export function closeWhenIdle(session: Http2Session, idleMs = SESSION_IDLE_MS): void {
  let open = 0;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (open > 0 || session.closed || session.destroyed) return;
      session.close();
      setTimeout(() => session.destroy(), CLOSE_GRACE_MS).unref();
    }, idleMs);
    timer.unref();
  };
  session.on('stream', (stream) => {
    open++;
    clearTimeout(timer);
    stream.once('close', () => {
      open--;
      if (open === 0) arm();
    });
  });
  session.once('close', () => clearTimeout(timer));
  arm();
}
