import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { announceReady, serveRpc } from './rpc.ts';

/**
 * The reference SSE backend (a child process). Every connection gets the same numbered stream:
 * `id: n` and a data line that starts with the send time in ms with µs precision, padded to about
 * `eventBytes`. The time is CLOCK_MONOTONIC (process.hrtime), which every process on the machine
 * shares. Wall-clock time (performance.timeOrigin + performance.now()) was tried first, but this VM
 * steps its wall clock by a few ms now and then, and timeOrigin is fixed when a process starts, so
 * two processes started a moment apart could disagree by ~4 ms. Events follow a fixed schedule (`rate` per second from the moment the rate
 * is set); a 10 ms timer writes the events that are due as one batch, to every connection.
 *
 * Usage: backend.ts <eventBytes> [--resume]
 *
 * With --resume it keeps the last 10,000 events and answers a Last-Event-ID with the ones after it
 * before live ones (what `sse-studio check --url` expects of a well-behaved server); without it, as
 * in the benchmark, every connection starts live.
 */
export interface BackendReady {
  port: number;
}
export interface BackendStats {
  connections: number;
  eventsSent: number;
  /** Largest write backlog seen on one connection: a reader (proxy) that could not keep up. */
  maxBacklogBytes: number;
}

const TICK_MS = 10;
const eventBytes = Number(process.argv[2] ?? 200);
const pad = 'x'.repeat(Math.max(0, eventBytes - 40));
const resume = process.argv.includes('--resume');
const HISTORY = 10_000;
const history: string[] = [];
let historyFirstId = 1;

const streams = new Set<http.ServerResponse>();
let nextId = 1;
let rate = 0;
let scheduleStart = 0;
let scheduled = 0;
let eventsSent = 0;
let maxBacklogBytes = 0;
let timer: NodeJS.Timeout | undefined;

function tick(): void {
  const due = Math.floor(((performance.now() - scheduleStart) * rate) / 1000) - scheduled;
  if (due <= 0) return;
  scheduled += due;
  const sentAt = monotonicMs().toFixed(3);
  let text = '';
  for (let i = 0; i < due; i++) {
    const frame = `id: ${nextId++}\ndata: ${sentAt} ${pad}\n\n`;
    text += frame;
    if (resume) history.push(frame);
  }
  if (history.length > HISTORY) {
    historyFirstId += history.length - HISTORY;
    history.splice(0, history.length - HISTORY);
  }
  eventsSent += due;
  const batch = Buffer.from(text, 'latin1');
  for (const res of streams) {
    res.write(batch);
    if (res.writableLength > maxBacklogBytes) maxBacklogBytes = res.writableLength;
  }
}

/** CLOCK_MONOTONIC in ms (µs precision), the same clock in every process of this machine. */
function monotonicMs(): number {
  return Number(process.hrtime.bigint() / 1000n) / 1000;
}

function setRate(perSecond: number): void {
  clearInterval(timer);
  timer = undefined;
  rate = perSecond;
  scheduleStart = performance.now();
  scheduled = 0;
  if (rate > 0) timer = setInterval(tick, TICK_MS);
}

const server = http.createServer({ noDelay: true }, (req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  const lastEventId = req.headers['last-event-id'];
  const from = lastEventId ? Number(lastEventId) : NaN;
  if (resume && Number.isInteger(from)) res.write(history.slice(Math.max(0, from + 1 - historyFirstId)).join(''));
  streams.add(res);
  res.on('close', () => streams.delete(res));
});
server.listen(0, '127.0.0.1', () => {
  announceReady({ port: (server.address() as AddressInfo).port } satisfies BackendReady);
});

const handlers = {
  setRate: (p: { rate: number }) => {
    setRate(p.rate);
    return { nextId };
  },
  /** Stops the schedule; answers the last id sent. */
  pause: () => {
    setRate(0);
    return { lastId: nextId - 1 };
  },
  nextId: () => ({ nextId }),
  stats: (): BackendStats => ({ connections: streams.size, eventsSent, maxBacklogBytes }),
  resetStats: () => {
    maxBacklogBytes = 0;
  },
};
export type BackendApi = typeof handlers;

serveRpc(handlers, async () => {
  setRate(0);
  for (const res of streams) res.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
