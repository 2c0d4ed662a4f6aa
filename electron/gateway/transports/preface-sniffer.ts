import type { Socket } from 'node:net';

/** RFC 9113 §3.4: every HTTP/2 connection starts with these 24 bytes; no HTTP/1.x request can. */
export const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

export type PrefaceVerdict = 'h2c' | 'http1' | 'need-more';

/** Decides from the first bytes of a connection; answers as soon as one byte differs from the preface. */
export function prefaceVerdict(head: Uint8Array): PrefaceVerdict {
  const n = Math.min(head.length, HTTP2_PREFACE.length);
  for (let i = 0; i < n; i++) if (head[i] !== HTTP2_PREFACE[i]) return 'http1';
  return n === HTTP2_PREFACE.length ? 'h2c' : 'need-more';
}

/**
 * Reads just enough of a new connection to tell h2c (prior knowledge) from HTTP/1.x, puts the bytes
 * back and hands the socket on. The preface may arrive split across packets, so bytes are buffered
 * until the verdict is certain. A connection that says nothing within `idleMs` is closed: no server
 * owns it yet, so nothing else would ever time it out.
 */
export function routeByPreface(socket: Socket, route: (socket: Socket, protocol: 'h2c' | 'http1') => void, idleMs = 30_000): void {
  const chunks: Buffer[] = [];
  let length = 0;

  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
    const head = chunks.length === 1 ? chunk : Buffer.concat(chunks, length);
    const verdict = prefaceVerdict(head);
    if (verdict === 'need-more') return;
    detach();
    // Pause before unshift: with no 'data' listener left a flowing socket would read the bytes out
    // to nobody. The caller decides when the socket flows again (see cleartext-listener.ts).
    socket.pause();
    socket.unshift(head);
    route(socket, verdict);
  };
  const onEarlyEnd = () => socket.destroy();
  const onIdle = () => socket.destroy();
  const onError = () => socket.destroy();
  function detach() {
    socket.off('data', onData);
    socket.off('end', onEarlyEnd);
    socket.off('timeout', onIdle);
    socket.off('error', onError);
    socket.setTimeout(0);
  }

  socket.on('data', onData);
  socket.once('end', onEarlyEnd);
  socket.once('timeout', onIdle);
  // Until a server owns the socket a reset would otherwise be an uncaught 'error'.
  socket.on('error', onError);
  socket.setTimeout(idleMs);
}
