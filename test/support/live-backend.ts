import type { ServerResponse } from 'node:http';
import { startScriptedBackend, sseHeaders, type ScriptedBackend } from './scripted-backend.ts';

/**
 * A live SSE source like a real one: one global sequence ticking whether or not anyone listens;
 * each connection gets the events from the moment it connects. It may honour Last-Event-ID (send
 * what was missed from its own memory first) or ignore it, as many real backends do.
 */
export interface LiveBackend extends ScriptedBackend {
  /** The last id produced so far. */
  current(): number;
  /**
   * Cuts every open connection (a backend-side drop). With `downMs`, the backend then stays down that
   * long (new connections are reset) while its sequence keeps ticking, so what it produces meanwhile
   * is certainly missed by everyone who was connected.
   */
  dropAll(downMs?: number): void;
  stop(): void;
}

export async function startLiveBackend(options: {
  intervalMs: number;
  honourLastEventId: boolean;
  /** Resume inclusively: resend the Last-Event-ID event itself too (an off-by-one backend). */
  resendLastEventId?: boolean;
  payload?: (n: number) => string;
}): Promise<LiveBackend> {
  let n = 0;
  const open = new Set<ServerResponse>();
  // Frames are built once, when produced, so a resend carries the original data (and send time).
  const produced: string[] = [];
  const frame = (i: number) => (produced[i] ??= `id: ${i}\nevent: tick\ndata: ${options.payload ? options.payload(i) : `{"n":${i}}`}\n\n`);
  let downUntil = 0;
  const backend = await startScriptedBackend((req, res) => {
    if (Date.now() < downUntil) {
      req.socket.destroy();
      return;
    }
    sseHeaders(res);
    const from = Number(req.headers['last-event-id']);
    if (options.honourLastEventId && Number.isInteger(from)) for (let i = options.resendLastEventId ? Math.max(from, 1) : from + 1; i <= n; i++) res.write(frame(i));
    open.add(res);
    res.on('close', () => open.delete(res));
  });
  const timer = setInterval(() => {
    n++;
    const latest = frame(n); // made now, even with nobody listening, so a resend is the same bytes
    for (const res of open) res.write(latest);
  }, options.intervalMs);
  return {
    ...backend,
    current: () => n,
    dropAll: (downMs = 0) => {
      downUntil = Date.now() + downMs;
      for (const res of open) res.destroy();
      open.clear();
    },
    stop: () => clearInterval(timer),
    close: async () => {
      clearInterval(timer);
      await backend.close();
    },
  };
}
