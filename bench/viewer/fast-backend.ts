import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fast SSE source for the viewer benchmark, on 127.0.0.1. `GET /ticks/N` streams `event: tick`
 * with ids 1, 2, 3 ... and a small JSON payload ({ n, sentAt, note }) at N events a second, on a fixed
 * schedule from the moment the stream opens: a 5 ms timer writes the events that are due as one
 * chunk. It counts what it wrote per rate, which is the benchmark's "offered".
 */
export interface FastBackend {
  url: string;
  /** Events written on the streams of this rate since start. */
  offered(rate: number): number;
  /** Ends every open stream (the gateway may keep a backend stream open after its client left). */
  endStreams(): void;
  close(): Promise<void>;
}

const TICK_MS = 5;

export async function startFastBackend(): Promise<FastBackend> {
  const offered = new Map<number, number>();
  const streams = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://backend');
    const rate = Number(/^\/ticks\/(\d+)$/.exec(url.pathname)?.[1]);
    if (!rate) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    streams.add(res);
    const start = performance.now();
    let sent = 0;
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - start) * rate) / 1000) - sent;
      if (due <= 0) return;
      let text = '';
      const sentAt = Date.now();
      for (let i = 0; i < due; i++) {
        const n = ++sent;
        text += `id: ${n}\nevent: tick\ndata: {"n":${n},"sentAt":${sentAt},"note":"a small event of the viewer benchmark"}\n\n`;
      }
      offered.set(rate, (offered.get(rate) ?? 0) + due);
      res.write(text);
    }, TICK_MS);
    req.on('close', () => {
      clearInterval(timer);
      streams.delete(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    offered: (rate) => offered.get(rate) ?? 0,
    endStreams: () => {
      for (const res of streams) res.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of streams) res.destroy();
        server.close(() => resolve());
      }),
  };
}
