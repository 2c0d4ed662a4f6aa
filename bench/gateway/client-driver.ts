import net from 'node:net';
import { announceReady, serveRpc } from './rpc.ts';
import { SseResponseScanner } from './sse-scanner.ts';
import { createHistogram, record } from './histogram.ts';

/**
 * A load-generator process: many SSE clients on raw sockets. Each checks that ids arrive in order
 * without holes; latency is (read time − the backend's send time), both CLOCK_MONOTONIC in µs
 * (process.hrtime: one clock for every process on the machine; see backend.ts).
 * Only counters run in the hot path; results are handed over between measurement windows.
 */
export interface ConnectResult {
  connected: number;
  failed: number;
  errors: string[];
  ms: number;
}
export interface WindowResult {
  clients: number;
  open: number;
  /** Expected ids (startId..endId) that some client never got, summed over clients. */
  missing: number;
  /** Ids at or below one the client already had (duplicates or reordering), summed. */
  outOfOrder: number;
  clientsWithGaps: number;
  unreadable: number;
  /** Clients whose connection ended during the run. */
  disconnected: number;
  histogram: Uint32Array;
  waitedMs: number;
}
export interface ReplayResult {
  ok: boolean;
  ms: number;
  headMs: number;
  firstEventMs: number;
  received: number;
  firstId: number;
  lastId: number;
  error?: string;
}

interface Client {
  socket: net.Socket;
  lastId: number;
  inWindow: number;
  outOfOrder: number;
  open: boolean;
}

const clients: Client[] = [];
let nowMicros = 0;
let startId = Number.POSITIVE_INFINITY;
let histogram = createHistogram();
let unreadable = 0;
let disconnected = 0;
let timing = false;
let timedEvents = 0;
let timedFrom = 0;

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

function request(port: number, path: string, extra = ''): string {
  return `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n${extra}\r\n`;
}

function onEvent(c: Client, id: number, sent: number): void {
  if (timing) timedEvents++;
  if (id < 0 || sent < 0) {
    unreadable++;
    return;
  }
  if (id <= c.lastId) {
    if (id >= startId) c.outOfOrder++;
    return;
  }
  c.lastId = id;
  if (id >= startId) {
    c.inWindow++;
    record(histogram, nowMicros - sent);
  }
}

function openClient(port: number, path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    const c: Client = { socket, lastId: 0, inWindow: 0, outOfOrder: 0, open: false };
    let settled = false;
    const settle = (error?: string) => {
      if (settled) return;
      settled = true;
      resolve(error);
    };
    const scanner = new SseResponseScanner({
      onHead: (status) => {
        if (status !== 200) {
          socket.destroy();
          return settle(`HTTP ${status}`);
        }
        c.open = true;
        clients.push(c);
        settle();
      },
      onEvent: (id, sent) => onEvent(c, id, sent),
    });
    socket.on('connect', () => socket.write(request(port, path)));
    socket.on('data', (chunk: Buffer) => {
      nowMicros = monotonicMicros();
      scanner.feed(chunk);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => settle(err.code ?? err.message));
    socket.on('close', () => {
      if (c.open) disconnected++;
      c.open = false;
      settle('closed before the response head');
    });
  });
}

async function connect(p: { port: number; path: string; count: number; concurrency: number }): Promise<ConnectResult> {
  const started = performance.now();
  let next = 0;
  let connected = 0;
  let failed = 0;
  const errors = new Map<string, number>();
  const worker = async () => {
    while (next < p.count) {
      next++;
      const error = await openClient(p.port, p.path);
      if (error === undefined) connected++;
      else {
        failed++;
        errors.set(error, (errors.get(error) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(p.concurrency, p.count) }, worker));
  return { connected, failed, errors: [...errors].map(([e, n]) => `${n}× ${e}`), ms: performance.now() - started };
}

async function finish(p: { endId: number; graceMs: number }): Promise<WindowResult> {
  const started = performance.now();
  const behind = () => clients.some((c) => c.open && c.lastId < p.endId);
  while (behind() && performance.now() - started < p.graceMs) await new Promise((r) => setTimeout(r, 20));
  const expected = Math.max(0, p.endId - startId + 1);
  let missing = 0;
  let outOfOrder = 0;
  let clientsWithGaps = 0;
  for (const c of clients) {
    const m = Math.max(0, expected - c.inWindow);
    missing += m;
    outOfOrder += c.outOfOrder;
    if (m > 0 || c.outOfOrder > 0) clientsWithGaps++;
  }
  return {
    clients: clients.length,
    open: clients.filter((c) => c.open).length,
    missing,
    outOfOrder,
    clientsWithGaps,
    unreadable,
    disconnected,
    histogram,
    waitedMs: performance.now() - started,
  };
}

function replay(p: { port: number; path: string; lastEventId: number; expect: number; timeoutMs: number }): Promise<ReplayResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const result: ReplayResult = { ok: false, ms: Number.NaN, headMs: Number.NaN, firstEventMs: Number.NaN, received: 0, firstId: -1, lastId: -1 };
    let expectedId = p.lastEventId + 1;
    const socket = net.connect({ host: '127.0.0.1', port: p.port, noDelay: true });
    let finished = false;
    const done = (error?: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (error !== undefined && result.error === undefined) result.error = error;
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(`timed out after ${p.timeoutMs} ms with ${result.received} events`), p.timeoutMs);
    const scanner = new SseResponseScanner({
      onHead: (status) => {
        result.headMs = performance.now() - t0;
        if (status !== 200) done(`HTTP ${status}`);
      },
      onEvent: (id) => {
        if (result.received === 0) {
          result.firstEventMs = performance.now() - t0;
          result.firstId = id;
        }
        result.received++;
        result.lastId = id;
        if (id !== expectedId) return done(`expected id ${expectedId}, got ${id}`);
        expectedId++;
        if (result.received === p.expect) {
          result.ms = performance.now() - t0;
          result.ok = true;
          done();
        }
      },
    });
    socket.on('connect', () => socket.write(request(p.port, p.path, `Last-Event-ID: ${p.lastEventId}\r\n`)));
    socket.on('data', (chunk: Buffer) => scanner.feed(chunk));
    socket.on('error', (err) => done(err.message));
    socket.on('close', () => done('connection closed'));
  });
}

async function closeAll(): Promise<{ closed: number }> {
  const closing = clients.map((c) => new Promise<void>((resolve) => (c.socket.destroyed ? resolve() : c.socket.once('close', () => resolve()))));
  for (const c of clients) {
    c.open = false;
    c.socket.destroy();
  }
  await Promise.all(closing);
  const closed = clients.length;
  clients.length = 0;
  return { closed };
}

const handlers = {
  connect,
  /** From now on, ids ≥ startId count for gaps and latency. */
  window: (p: { startId: number }) => {
    startId = p.startId;
    histogram = createHistogram();
    unreadable = 0;
    disconnected = 0;
    for (const c of clients) {
      c.inWindow = 0;
      c.outOfOrder = 0;
    }
  },
  measureStart: () => {
    timedEvents = 0;
    timedFrom = performance.now();
    timing = true;
  },
  measureStop: () => {
    timing = false;
    return { events: timedEvents, elapsedMs: performance.now() - timedFrom };
  },
  finish,
  replay,
  status: () => ({ clients: clients.length, open: clients.filter((c) => c.open).length }),
  closeAll,
};
export type DriverApi = typeof handlers;

serveRpc(handlers, async () => {
  await closeAll();
});
announceReady({});
