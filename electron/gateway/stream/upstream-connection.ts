import net from 'node:net';
import tls from 'node:tls';
import type { IncomingHttpHeaders } from 'node:http';
import { createEventFramer } from './event-framer.ts';
import { createBlockReader, type BlockMeaning } from './block-reader.ts';
import { createResponseReader } from './http1-response-reader.ts';
import { upstreamRequestHead } from './upstream-request.ts';

/**
 * One HTTP(S) request to the backend. A `200 text/event-stream` answer is cut into blocks (raw
 * bytes + meaning); any other answer is handed over as is (status, headers, body), because the
 * EventSource rules give those a meaning of their own (204 stops the client, others fail it).
 *
 * The request is written and the response read on a plain socket (see http1-response-reader.ts
 * for why). Plain TCP reads go into one buffer shared by every upstream (`onread`): the bytes are
 * handled before the next read, and only what is kept is copied.
 */
export interface UpstreamCallbacks {
  onStream(headers: IncomingHttpHeaders): void;
  onBlock(block: Buffer, meaning: BlockMeaning, receivedAt: number): void;
  /** The blocks of one read from the backend have all been given: a good moment to write them out together. */
  onReadEnd?(): void;
  onOversize(droppedBytes: number): void;
  /** A non-stream answer: status, headers and (up to 64 KB of) body. */
  onAnswer(status: number, headers: IncomingHttpHeaders, body: Buffer): void;
  /** The connection failed before an answer, or a stream ended/broke. */
  onClosed(reason: { kind: 'refused' | 'ended' | 'broken'; detail: string; trailing: Buffer }): void;
}

const MAX_ANSWER_BODY = 64 * 1024;
const readBuffer = Buffer.allocUnsafe(64 * 1024);

function copyOf(bytes: Buffer, start: number, end: number): Buffer {
  const copy = Buffer.allocUnsafe(end - start);
  bytes.copy(copy, 0, start, end);
  return copy;
}

export interface UpstreamConnection {
  close(): void;
}

export function connectUpstream(url: URL, lastEventId: string | undefined, maxEventBytes: number, callbacks: UpstreamCallbacks): UpstreamConnection {
  let done = false;
  let answered = false;
  let streaming = false;
  let answerParts: Buffer[] = [];
  let answerSize = 0;
  let answerHead: { status: number; headers: IncomingHttpHeaders } | undefined;
  let receivedAt = 0;
  const read = createBlockReader();
  const framer = createEventFramer({ onBlock: (block, meaning) => callbacks.onBlock(block, meaning ?? read(block), receivedAt), onOversize: (n) => callbacks.onOversize(n) }, maxEventBytes);

  const closed = (kind: 'refused' | 'ended' | 'broken', detail: string) => {
    if (done) return;
    done = true;
    socket.destroy();
    callbacks.onClosed({ kind, detail, trailing: streaming ? framer.takeRest() : Buffer.alloc(0) });
  };

  /** Hands over a complete non-stream answer. */
  const answer = () => {
    if (done || !answerHead) return;
    done = true;
    socket.destroy();
    const body = Buffer.concat(answerParts);
    answerParts = [];
    callbacks.onAnswer(answerHead.status, answerHead.headers, body);
  };

  const response = createResponseReader({
    onHead(status, headers) {
      answered = true;
      if (status === 200 && /^text\/event-stream\b/i.test(headers['content-type'] ?? '')) {
        streaming = true;
        callbacks.onStream(headers);
      } else answerHead = { status, headers };
    },
    onBody(bytes, start, end) {
      if (done) return;
      if (streaming) framer.push(copyOf(bytes, start, end)); // `bytes` may be the shared read buffer
      else {
        if (answerSize < MAX_ANSWER_BODY) answerParts.push(copyOf(bytes, start, Math.min(end, start + MAX_ANSWER_BODY - answerSize)));
        answerSize += end - start;
      }
    },
    onEnd() {
      if (streaming) closed('ended', 'the backend ended the stream');
      else answer();
    },
    onError(detail) {
      if (answered) closed('broken', detail);
      else closed('refused', `the backend ${url.origin} ${detail}`);
    },
  });

  const onBytes = (bytes: Buffer) => {
    if (done) return;
    receivedAt = performance.now();
    response.feed(bytes);
    if (streaming && !done) callbacks.onReadEnd?.();
  };

  const secure = url.protocol === 'https:';
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const port = Number(url.port) || (secure ? 443 : 80);
  const socket: net.Socket = secure
    ? tls.connect({ host, port, ...(net.isIP(host) ? {} : { servername: host }) })
    : net.connect({
        host,
        port,
        onread: {
          buffer: readBuffer,
          callback: (n: number, buf: Uint8Array) => {
            onBytes((buf as Buffer).subarray(0, n));
            return true;
          },
        },
      } as net.NetConnectOpts);
  if (secure) socket.on('data', onBytes);
  socket.setNoDelay(true);
  socket.on(secure ? 'secureConnect' : 'connect', () => {
    if (!done) socket.write(upstreamRequestHead(url, lastEventId));
  });
  socket.on('error', (err: NodeJS.ErrnoException) => {
    if (answered) return closed('broken', streaming ? `the backend connection broke (${err.code ?? err.message})` : 'the backend answer broke off');
    const why = err.code === 'ECONNREFUSED' ? 'refused the connection' : err.code === 'ENOTFOUND' ? 'has an unknown host name' : `failed (${err.code ?? err.message})`;
    closed('refused', `the backend ${url.origin} ${why}`);
  });
  socket.on('close', () => {
    if (done) return;
    if (response.endsBody()) return streaming ? closed('ended', 'the backend ended the stream') : answer();
    if (!answered) return closed('refused', `the backend ${url.origin} failed (it closed the connection before answering)`);
    closed('broken', streaming ? 'the backend connection was cut' : 'the backend answer broke off');
  });

  return {
    close() {
      done = true;
      socket.destroy();
    },
  };
}
