import type { ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { startScriptedBackend, sseHeaders, type ScriptedBackend } from '../../../test/support/scripted-backend.ts';

/**
 * Small SSE backends on 127.0.0.1 that each break one rule on purpose, for the check suite's
 * integration tests. Each ticks one global sequence every `intervalMs` whether or not anyone
 * listens; the data is JSON carrying the send time, `{"n":..,"time":<epoch ms>}`. Apart from the rule
 * each breaks, they honour Last-Event-ID only where named (`honours-last-event-id`, `buffers`).
 */
export type Misbehaviour = 'honours-last-event-id' | 'ignores-last-event-id' | 'replays-from-start' | 'buffers' | 'gzip' | 'no-ids' | 'no-keep-alive' | 'endless-event';

export interface RuleBreakingBackend extends ScriptedBackend {
  close(): Promise<void>;
}

export async function startRuleBreakingBackend(kind: Misbehaviour, intervalMs = 40): Promise<RuleBreakingBackend> {
  let n = 0;
  const frames: string[] = [];
  const open = new Set<{ res: ServerResponse; write: (text: string) => void }>();
  const frame = (i: number) => (frames[i] ??= `${kind === 'no-ids' ? '' : `id: ${i}\n`}event: tick\ndata: {"n":${i},"time":${Date.now()}}\n\n`);
  const backend = await startScriptedBackend((req, res) => {
    if (kind === 'gzip') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'content-encoding': 'gzip' });
      res.flushHeaders();
      // Compressed without a flush per event, as a compressing proxy does: events wait in zlib.
      const gzip = zlib.createGzip();
      gzip.pipe(res);
      const client = { res, write: (t: string) => void gzip.write(t) };
      open.add(client);
      res.on('close', () => {
        open.delete(client);
        gzip.destroy();
      });
      return;
    }
    sseHeaders(res);
    if (kind === 'endless-event') {
      // One event that never ends: data lines, 64 KiB every 5 ms, and never the blank line.
      const line = `data: ${'x'.repeat(1017)}\n`.repeat(64);
      res.write('id: 1\nevent: tick\n');
      const pump = setInterval(() => res.write(line), 5);
      res.on('close', () => clearInterval(pump));
      return;
    }
    const client = { res, write: (t: string) => void res.write(t) };
    if (kind === 'no-keep-alive') {
      // One event, then silence for good: no heartbeat comments.
      res.write(frame(Math.max(1, n)));
      res.on('close', () => undefined);
      return;
    }
    const lastEventId = req.headers['last-event-id'];
    const from = lastEventId ? Number(lastEventId) : NaN;
    if ((kind === 'honours-last-event-id' || kind === 'buffers') && Number.isInteger(from)) for (let i = from + 1; i <= n; i++) res.write(frame(i));
    if (kind === 'replays-from-start') for (let i = 1; i <= n; i++) res.write(frame(i));
    open.add(client);
    res.on('close', () => open.delete(client));
  });
  let pending = '';
  const timer = setInterval(() => {
    n++;
    const latest = frame(n);
    if (kind === 'buffers') {
      pending += latest;
      return;
    }
    for (const c of open) c.write(latest);
  }, intervalMs);
  // The buffering one lets events out every 600 ms, in one write, as a buffering proxy does.
  const flush = kind === 'buffers' ? setInterval(() => {
    for (const c of open) c.write(pending);
    pending = '';
  }, 600) : undefined;
  return {
    ...backend,
    close: async () => {
      clearInterval(timer);
      clearInterval(flush);
      await backend.close();
    },
  };
}
