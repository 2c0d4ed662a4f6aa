import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { MockStream, type Scenario } from './mock-stream.ts';
import { STOCK_SYMBOLS, stockTicker } from './scenarios/stock-ticker.ts';
import { clock, counter } from './scenarios/counter.ts';
import { baseUrl, listen } from '../host/listen.ts';

/**
 * The mock SSE backend (port 8080 by default, the endpoint the WSO2 docs use). Built-in streams:
 *   /prices            stock ticker, all symbols       /prices/{symbol}  one symbol
 *   /counter           event: count, data = id          /clock            event: tick, once a second
 * `?rate=N` sets events per second (0.1 to 1000). Last-Event-ID resumes from the stream's history.
 */
export const MOCK_STREAMS = ['/prices', ...STOCK_SYMBOLS.map((s) => `/prices/${s}`), '/counter', '/clock'];

const SCENARIOS: Record<string, () => Scenario> = { prices: () => stockTicker(), counter, clock };
const MIN_RATE = 0.1;
const MAX_RATE = 1000;

export interface MockBackendOptions {
  host: string;
  port: number;
}

export class MockBackend {
  private readonly streams = new Map<string, MockStream>();
  private readonly sockets = new Set<Socket>();
  private readonly server: http.Server;
  private address: { host: string; port: number } | undefined;

  constructor(private readonly options: MockBackendOptions) {
    this.server = http.createServer({ noDelay: true }, (req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<string> {
    const info = await listen(this.server, 'Mock backend', this.options.host, this.options.port);
    this.address = { host: this.options.host, port: info.port };
    return this.url as string;
  }

  get url(): string | undefined {
    return this.address && baseUrl('http', this.address.host, this.address.port);
  }

  async stop(): Promise<void> {
    for (const stream of this.streams.values()) stream.stop();
    this.streams.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://mock');
    res.setHeader('access-control-allow-origin', '*');
    const [name, symbol, ...rest] = url.pathname.split('/').filter(Boolean);
    const make = name ? SCENARIOS[name] : undefined;
    const symbolOk = symbol === undefined || (name === 'prices' && (STOCK_SYMBOLS as readonly string[]).includes(symbol));
    if (!make || !symbolOk || rest.length) {
      const body = `The mock backend has no stream at ${url.pathname}. Streams: ${MOCK_STREAMS.join(', ')} (add ?rate=N for N events/s).\n`;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
      return;
    }
    const rateParam = url.searchParams.get('rate');
    const scenario = make();
    const rate = rateParam === null ? scenario.rate : Number(rateParam);
    if (!Number.isFinite(rate) || rate < MIN_RATE || rate > MAX_RATE) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`rate must be a number of events per second between ${MIN_RATE} and ${MAX_RATE} (got ${rateParam}).\n`);
      return;
    }
    const key = `${name}@${rate}`;
    let stream = this.streams.get(key);
    if (!stream) {
      stream = new MockStream(scenario, rate);
      this.streams.set(key, stream);
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    const lastEventId = req.headers['last-event-id'];
    stream.subscribe(res, Array.isArray(lastEventId) ? lastEventId[0] : lastEventId, symbol ? (k) => k === symbol : undefined);
  }
}
