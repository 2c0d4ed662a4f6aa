import type { Server } from 'node:net';
import { baseUrl, listen } from '../../host/listen.ts';
import { createCleartextListener } from './cleartext-listener.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { createTlsListener } from './tls-listener.ts';
import type { TlsMaterial } from './tls-material.ts';
import type { GatewayHandler } from './types.ts';

export interface GatewayListenersOptions {
  host: string;
  /** HTTP/1.1 + h2c (prior knowledge) port; 0 picks a free one, `null` turns the listener off. */
  httpPort: number | null;
  /** HTTPS (h2 via ALPN + HTTP/1.1) port; needs `tls`. */
  httpsPort: number | null;
  tls?: TlsMaterial;
  handler: GatewayHandler;
  /** Cap on request headers in bytes: HTTP/1.1 answers 431, HTTP/2 resets the stream. Default 16 KB. */
  maxHeaderSize?: number;
  /** HTTP/2 sessions with no open stream are closed after this long; default SESSION_IDLE_MS (30 s). */
  sessionIdleMs?: number;
}

export interface GatewayListeners {
  httpUrl: string | undefined;
  httpsUrl: string | undefined;
  /** Closes every connection and HTTP/2 session (open SSE streams included) and frees the ports. */
  stop(): Promise<void>;
}

const DEFAULT_MAX_HEADER_SIZE = 16 * 1024;

export async function startGatewayListeners(options: GatewayListenersOptions): Promise<GatewayListeners> {
  const { host, httpPort, httpsPort, tls, handler } = options;
  if (httpsPort !== null && !tls) throw new Error('startGatewayListeners: an HTTPS port needs `tls` material');
  const maxHeaderSize = options.maxHeaderSize ?? DEFAULT_MAX_HEADER_SIZE;
  const sessionIdleMs = options.sessionIdleMs;
  const tracker = new ConnectionTracker();
  const listening: Server[] = [];

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // close() stops accepting and resolves once the last connection is gone; we end them now.
      const closed = listening.map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
      tracker.destroyAll();
      await Promise.all(closed);
    })();
    return stopping;
  };

  let httpUrl: string | undefined;
  let httpsUrl: string | undefined;
  try {
    if (httpPort !== null) {
      const server = createCleartextListener({ handler, tracker, maxHeaderSize, ...(sessionIdleMs !== undefined ? { sessionIdleMs } : {}) });
      const { port } = await listen(server, 'Gateway (HTTP)', host, httpPort);
      listening.push(server);
      httpUrl = baseUrl('http', host, port);
    }
    if (httpsPort !== null && tls) {
      const server = createTlsListener({ handler, tracker, maxHeaderSize, tls, ...(sessionIdleMs !== undefined ? { sessionIdleMs } : {}) });
      const { port } = await listen(server, 'Gateway (HTTPS)', host, httpsPort);
      listening.push(server);
      httpsUrl = baseUrl('https', host, port);
    }
  } catch (err) {
    // Both or neither: a half-started gateway would hold a port nobody can see.
    await stop();
    throw err;
  }
  return { httpUrl, httpsUrl, stop };
}
