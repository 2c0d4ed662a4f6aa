import type { Socket } from 'node:net';
import type { Http2Session } from 'node:http2';

/**
 * Every open socket and HTTP/2 session of the gateway's listeners. SSE responses never end and
 * never go idle, so server.close() alone would wait forever: stop() must end them itself.
 */
export class ConnectionTracker {
  private readonly sockets = new Set<Socket>();
  private readonly sessions = new Set<Http2Session>();

  addSocket(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  addSession(session: Http2Session): void {
    this.sessions.add(session);
    session.once('close', () => this.sessions.delete(session));
  }

  get size(): number {
    return this.sockets.size + this.sessions.size;
  }

  /** Ends everything now. Sessions first, so their streams close as streams and not as socket errors. */
  destroyAll(): void {
    for (const session of this.sessions) session.destroy();
    for (const socket of this.sockets) socket.destroy();
  }
}
