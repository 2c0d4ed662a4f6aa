import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A live SSE source that can go away and come back on the same port: one global id sequence
 * ticking whether or not anyone listens (so events produced while it is unreachable are lost at the
 * source), honouring Last-Event-ID from its own memory or ignoring it. It records which ids it
 * handed to the kernel on at least one connection, so a soak can tell "never reached the gateway" from "reached it".
 */
export interface OutageBackend {
  url: string;
  /** The last id produced so far. */
  current(): number;
  /** Ids handed to the kernel on at least one connection, whatever its path. */
  delivered: Set<number>;
  /** The same, for the connections to one path (one gateway stream). */
  deliveredTo(path: string): ReadonlySet<number>;
  /** Connections opened so far. */
  connections(): number;
  /** Cuts every open connection (a backend-side drop); the server keeps accepting. */
  dropAll(): void;
  /** Stops listening and cuts every connection: new connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** While set, new requests get this status (e.g. 503) instead of a stream. */
  answerWith(status: number | undefined): void;
  setHonourLastEventId(honour: boolean): void;
  close(): Promise<void>;
}

export async function startOutageBackend(options: { intervalMs: number; honourLastEventId: boolean; payload?: (n: number) => string }): Promise<OutageBackend> {
  let n = 0;
  let honour = options.honourLastEventId;
  let status: number | undefined;
  let opened = 0;
  const open = new Set<http.ServerResponse>();
  const sockets = new Set<Socket>();
  const delivered = new Set<number>();
  const deliveredByPath = new Map<string, Set<number>>();
  const pathOf = new WeakMap<http.ServerResponse, string>();
  // Frames are built once, when produced, so a resend carries the original bytes.
  const produced: string[] = [];
  const frame = (i: number) => (produced[i] ??= `id: ${i}\nevent: tick\ndata: ${options.payload ? options.payload(i) : `{"n":${i}}`}\n\n`);

  /** Writes a frame; it counts as delivered once handed to the kernel (a write cut by a drop is not). */
  const send = (res: http.ServerResponse, i: number) => {
    res.write(frame(i), (err) => {
      if (err) return;
      delivered.add(i);
      const path = pathOf.get(res) ?? '';
      let set = deliveredByPath.get(path);
      if (!set) deliveredByPath.set(path, (set = new Set()));
      set.add(i);
    });
  };

  const server = http.createServer((req, res) => {
    if (status !== undefined) {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(`answering ${status}\n`);
      return;
    }
    opened++;
    pathOf.set(res, (req.url ?? '').split('?')[0] as string);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    const from = Number(req.headers['last-event-id']);
    if (honour && req.headers['last-event-id'] !== undefined && Number.isInteger(from)) {
      for (let i = Math.max(from + 1, 1); i <= n; i++) send(res, i);
    }
    open.add(res);
    res.on('close', () => open.delete(res));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const timer = setInterval(() => {
    n++;
    for (const res of open) send(res, n);
  }, options.intervalMs);

  const cutAll = () => {
    for (const res of open) res.destroy();
    open.clear();
  };
  const down = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    cutAll();
    for (const s of sockets) s.destroy();
    await closed;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    current: () => n,
    delivered,
    deliveredTo: (path) => deliveredByPath.get(path) ?? new Set(),
    connections: () => opened,
    dropAll: cutAll,
    down,
    up: () => new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    }),
    answerWith: (s) => {
      status = s;
    },
    setHonourLastEventId: (h) => {
      honour = h;
    },
    close: async () => {
      clearInterval(timer);
      if (server.listening) await down();
    },
  };
}
