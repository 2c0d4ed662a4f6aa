import type http from 'node:http';
import type { Socket } from 'node:net';
import { listen } from '../host/listen.ts';

/**
 * The mock's listening socket and its connections, with a restart: close the listener and cut
 * every connection (clients see connection refused), then listen again on the same port after
 * `downMs`. If the port was taken meanwhile, it retries until it gets it back or is stopped.
 */
export type ListenerState = 'stopped' | 'listening' | 'restarting';

const RELISTEN_RETRY_MS = 250;

export class MockListener {
  private readonly sockets = new Set<Socket>();
  private boundPort: number | undefined;
  private relisten: NodeJS.Timeout | undefined;
  state: ListenerState = 'stopped';
  /** When a restart is due to bring the listener back (ms since the epoch). */
  backAt: number | null = null;
  lastError: string | undefined;

  constructor(
    private readonly server: http.Server,
    private readonly host: string,
    private readonly port: number,
  ) {
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get boundTo(): number | undefined {
    return this.boundPort;
  }

  async start(): Promise<number> {
    const info = await listen(this.server, 'Mock backend', this.host, this.boundPort ?? this.port);
    this.boundPort = info.port;
    this.state = 'listening';
    this.backAt = null;
    return info.port;
  }

  /** Stops listening and destroys every connection; resolves once the port is free. */
  async close(): Promise<void> {
    clearTimeout(this.relisten);
    this.relisten = undefined;
    this.state = 'stopped';
    this.backAt = null;
    await this.closeServer();
  }

  /** Goes down now (resolves when down) and comes back after `downMs` on the same port; false when not listening. */
  async restart(downMs: number): Promise<boolean> {
    if (this.state !== 'listening') return false;
    this.state = 'restarting';
    this.backAt = Date.now() + downMs;
    await this.closeServer();
    const attempt = () => {
      this.relisten = undefined;
      if (this.state !== 'restarting') return;
      this.start().catch((err: Error) => {
        this.lastError = err.message;
        if (this.state === 'restarting') this.relisten = setTimeout(attempt, RELISTEN_RETRY_MS);
      });
    };
    this.relisten = setTimeout(attempt, downMs);
    return true;
  }

  private closeServer(): Promise<void> {
    if (!this.server.listening) {
      for (const socket of this.sockets) socket.destroy();
      return Promise.resolve();
    }
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    return closed;
  }
}
