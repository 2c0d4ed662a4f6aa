import http from 'node:http';
import { createParser } from 'eventsource-parser';
import { memory } from '../gateway/proc-stats.ts';

/**
 * The hostile flood of issue 9: many GETs for distinct paths (long symbols, `rate=1000`), each
 * closed after its first bytes, while one normal subscriber listens on the same `serve`. Measures
 * the serving process from outside (/proc/<pid>/status: VmRSS sampled, VmHWM at the end) and
 * what the normal subscriber received. Only 127.0.0.1 is ever a target.
 */
export interface FloodPhase {
  name: string;
  /** The i-th hostile URL. */
  url(i: number): string;
  requests: number;
}

export interface FloodOptions {
  pid: number;
  /** A normal stream on the same serve (numbered ids): it must keep receiving. */
  steadyUrl: string;
  phases: FloodPhase[];
  concurrency: number;
  /** Gives up on a request that has sent nothing after this long. */
  requestTimeoutMs?: number;
  /** The steady stream's events counted after the flood, to show it still flows. */
  settleMs?: number;
}

export interface PhaseResult {
  name: string;
  requests: number;
  statuses: Record<string, number>;
  ms: number;
  rssAfterMb: number;
}

export interface FloodResult {
  phases: PhaseResult[];
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  hwmMb: number;
  steady: { events: number; duringFlood: number; afterFlood: number; gaps: number; ended: boolean };
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** One hostile request: read the first bytes (or the status line of a refusal), then hang up. */
function hitAndRun(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      const done = () => {
        clearTimeout(timer);
        req.destroy();
        resolve(String(res.statusCode));
      };
      res.once('data', done);
      res.once('end', done);
      res.once('error', done);
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('timeout');
    }, timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(err.code ?? 'error');
    });
  });
}

/** A normal subscriber counting events and id gaps until stopped. */
function steadySubscriber(url: string) {
  const state = { events: 0, gaps: 0, ended: false, lastId: undefined as number | undefined };
  const parser = createParser({
    onEvent(e) {
      state.events++;
      const id = Number(e.id);
      if (Number.isInteger(id) && state.lastId !== undefined && id !== state.lastId + 1) state.gaps++;
      if (Number.isInteger(id)) state.lastId = id;
    },
  });
  const req = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => parser.feed(chunk));
    res.on('close', () => (state.ended = true));
  });
  req.on('error', () => (state.ended = true));
  return { state, stop: () => req.destroy() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFlood(options: FloodOptions): Promise<FloodResult> {
  const { pid, concurrency } = options;
  const timeoutMs = options.requestTimeoutMs ?? 5000;
  const steady = steadySubscriber(options.steadyUrl);
  const until = Date.now() + 10_000;
  while (steady.state.events < 3 && Date.now() < until) await sleep(20);

  const before = memory(pid);
  let peakKb = before.rssKb;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, memory(pid).rssKb)), 50);
  const beforeFlood = steady.state.events;
  const phases: PhaseResult[] = [];
  try {
    for (const phase of options.phases) {
      const started = Date.now();
      const statuses: Record<string, number> = {};
      let next = 0;
      const worker = async () => {
        while (next < phase.requests) {
          const status = await hitAndRun(phase.url(next++), timeoutMs);
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      phases.push({ name: phase.name, requests: phase.requests, statuses, ms: Date.now() - started, rssAfterMb: mb(memory(pid).rssKb) });
    }
    const duringFlood = steady.state.events - beforeFlood;
    const afterStart = steady.state.events;
    await sleep(options.settleMs ?? 2000);
    peakKb = Math.max(peakKb, memory(pid).rssKb);
    const end = memory(pid);
    return {
      phases,
      rssBeforeMb: mb(before.rssKb),
      rssPeakMb: mb(peakKb),
      rssAfterMb: mb(end.rssKb),
      hwmMb: mb(end.hwmKb),
      steady: { events: steady.state.events, duringFlood, afterFlood: steady.state.events - afterStart, gaps: steady.state.gaps, ended: steady.state.ended },
    };
  } finally {
    clearInterval(sampler);
    steady.stop();
  }
}

/** The phases of the flood, against the gateway and the mock of one serve. */
export function standardPhases(urls: { gateway: string; mock: string }, requests: number, symbolBytes = 15_000): FloodPhase[] {
  const junk = (i: number) => `${i}-`.padEnd(symbolBytes, 'X');
  const id = (i: number) => `id-${i}-`.padEnd(120, 'y');
  return [
    { name: `gateway /stocks/1.0.0/prices/<${symbolBytes} B symbol>?rate=1000`, requests, url: (i) => `${urls.gateway}/stocks/1.0.0/prices/${junk(i)}?rate=1000` },
    { name: `mock /prices/<${symbolBytes} B symbol>?rate=1000`, requests, url: (i) => `${urls.mock}/prices/${junk(i)}?rate=1000` },
    { name: 'gateway /items/1.0.0/items/<120 B id>?rate=1000 (any id is valid)', requests, url: (i) => `${urls.gateway}/items/1.0.0/items/${id(i)}?rate=1000` },
    { name: 'gateway /items/1.0.0/items/<120 B id> (default rate)', requests, url: (i) => `${urls.gateway}/items/1.0.0/items/${id(requests + i)}` },
  ];
}
