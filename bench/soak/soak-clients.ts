import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { EventSource, type FetchLike } from 'eventsource';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { SseSubscriber } from '../../electron/viewer/sse-subscriber.ts';
import { resolveChromium } from '../../e2e/browser-path.ts';

/**
 * The three subscribers the soak drives, behind one small surface: Chromium's own EventSource (in a
 * page), the `eventsource` package, and the viewer's host-side subscriber. Each records the numeric
 * lastEventId of every `tick` event in arrival order, and whether it gave up for good.
 */
export type ClientKind = 'chromium' | 'eventsource' | 'viewer';
export const CLIENT_KINDS: readonly ClientKind[] = ['chromium', 'eventsource', 'viewer'];

export interface SoakClient {
  readonly kind: ClientKind;
  /** Ids received so far, in order (read from the page for Chromium). */
  ids(): Promise<number[]>;
  /** `: gap:` notices seen (only the viewer can see comments). */
  gaps(): string[];
  /** True when the client stopped reconnecting (a failed connection, per the EventSource rules). */
  gaveUp(): Promise<boolean>;
  /** A client-side drop: the client loses its connection and reconnects by itself with Last-Event-ID. */
  drop(): Promise<void>;
  close(): Promise<void>;
}

// ---- the `eventsource` package ------------------------------------------------------------------

/** The package cannot drop its own connection; a fetch wrapper ends the body as a network drop would. */
export function eventsourceClient(url: string): SoakClient {
  const ids: number[] = [];
  let endCurrent: (() => void) | undefined;
  const dropping: FetchLike = async (input, init) => {
    const res = await fetch(input, init);
    if (!res.body) return res;
    const reader = res.body.getReader();
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
      pull: async (c) => {
        try {
          const { done, value } = await reader.read();
          if (done) c.close();
          else c.enqueue(value);
        } catch (err) {
          c.error(err);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    endCurrent = () => {
      try {
        controller.close();
      } catch {
        // already closed
      }
      reader.cancel().catch(() => undefined);
    };
    return new Response(body, { status: res.status, headers: res.headers });
  };
  const source = new EventSource(url, { fetch: dropping });
  source.addEventListener('tick', (e) => ids.push(Number((e as MessageEvent).lastEventId)));
  return {
    kind: 'eventsource',
    ids: async () => ids,
    gaps: () => [],
    gaveUp: async () => source.readyState === source.CLOSED,
    drop: async () => endCurrent?.(),
    close: async () => source.close(),
  };
}

// ---- the viewer's subscriber --------------------------------------------------------------------

export function viewerClient(url: string): SoakClient {
  const ids: number[] = [];
  const gaps: string[] = [];
  let failed = false;
  const sub = new SseSubscriber(new URL(url), {
    onEvent: (e) => {
      if (e.type === 'tick') ids.push(Number(e.lastEventId));
    },
    onTimeline: (entry) => {
      if (entry.gap) gaps.push(entry.detail);
      if (entry.state === 'failed') failed = true;
    },
  });
  sub.start();
  return {
    kind: 'viewer',
    ids: async () => ids,
    gaps: () => gaps,
    gaveUp: async () => failed,
    drop: async () => void sub.dropConnection(),
    close: async () => sub.close(),
  };
}

// ---- Chromium's EventSource ---------------------------------------------------------------------

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_FLAGS });
}

interface PageLog {
  ids: number[];
  closed: boolean;
}
type PageGlobals = { EventSource: new (url: string) => { readyState: number; addEventListener(t: string, l: (e: { lastEventId: string }) => void): void; close(): void }; soak: PageLog; soakSource: { close(): void } };

/**
 * A TCP relay in front of the gateway for one page: a client-side drop cuts the page's connections
 * there, which Chromium sees as a network error (its offline emulation leaves an open EventSource
 * connection alone), so it reconnects with Last-Event-ID as after a real network drop.
 */
async function startRelay(gatewayUrl: string): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const target = new URL(gatewayUrl);
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port), target.hostname);
    const pair: [net.Socket, net.Socket] = [inbound, outbound];
    pairs.add(pair);
    inbound.pipe(outbound);
    outbound.pipe(inbound);
    const end = () => {
      pairs.delete(pair);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', end).on('close', end);
    outbound.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cut: () => {
      for (const [inbound, outbound] of pairs) {
        inbound.destroy();
        outbound.destroy();
      }
    },
    close: () => new Promise<void>((resolve) => {
      for (const [inbound, outbound] of pairs) {
        inbound.destroy();
        outbound.destroy();
      }
      server.close(() => resolve());
    }),
  };
}

/**
 * One page per client, in its own context, talking to the gateway through its own relay. The
 * page's origin is the relay's, so the stream is same-origin and needs no CORS.
 */
export async function chromiumClient(browser: Browser, gatewayUrl: string, url: string): Promise<SoakClient> {
  const relay = await startRelay(gatewayUrl);
  const context: BrowserContext = await browser.newContext();
  const page: Page = await context.newPage();
  await page.route(`${relay.url}/_soak_page`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>soak</title>' }));
  await page.goto(`${relay.url}/_soak_page`);
  await page.evaluate((streamUrl) => {
    const g = globalThis as unknown as PageGlobals;
    const log: PageLog = { ids: [], closed: false };
    const source = new g.EventSource(streamUrl);
    source.addEventListener('tick', (e) => log.ids.push(Number(e.lastEventId)));
    source.addEventListener('error', () => {
      if (source.readyState === 2) log.closed = true;
    });
    g.soak = log;
    g.soakSource = source;
  }, url.replace(gatewayUrl, relay.url));
  const read = () => page.evaluate(() => (globalThis as unknown as PageGlobals).soak);
  return {
    kind: 'chromium',
    ids: async () => (await read()).ids,
    gaps: () => [],
    gaveUp: async () => (await read()).closed,
    drop: async () => relay.cut(),
    close: async () => {
      await page.evaluate(() => (globalThis as unknown as PageGlobals).soakSource.close()).catch(() => undefined);
      await context.close();
      await relay.close();
    },
  };
}
