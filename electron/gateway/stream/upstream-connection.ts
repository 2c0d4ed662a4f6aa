import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { createEventFramer } from './event-framer.ts';
import { createBlockReader, type BlockMeaning } from './block-reader.ts';

/**
 * One HTTP(S) request to the backend. A `200 text/event-stream` answer is cut into blocks (raw
 * bytes + meaning); any other answer is handed over as is (status, headers, body), because the
 * EventSource rules give those a meaning of their own (204 stops the client, others fail it).
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
const httpAgent = new http.Agent({ keepAlive: false });
const httpsAgent = new https.Agent({ keepAlive: false });

export interface UpstreamConnection {
  close(): void;
}

export function connectUpstream(url: URL, lastEventId: string | undefined, maxEventBytes: number, callbacks: UpstreamCallbacks): UpstreamConnection {
  const headers: Record<string, string> = { accept: 'text/event-stream', 'cache-control': 'no-cache' };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const secure = url.protocol === 'https:';
  let done = false;
  const closed = (kind: 'refused' | 'ended' | 'broken', detail: string, trailing: Buffer = Buffer.alloc(0)) => {
    if (done) return;
    done = true;
    callbacks.onClosed({ kind, detail, trailing });
  };

  const req = (secure ? https : http).request(url, { method: 'GET', headers, agent: secure ? httpsAgent : httpAgent });
  let answered = false;
  req.on('response', (res) => {
    answered = true;
    const isStream = res.statusCode === 200 && /^text\/event-stream\b/i.test(res.headers['content-type'] ?? '');
    if (!isStream) {
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_ANSWER_BODY) parts.push(chunk.subarray(0, MAX_ANSWER_BODY - size));
        size += chunk.length;
      });
      res.on('end', () => {
        if (done) return;
        done = true;
        callbacks.onAnswer(res.statusCode ?? 502, res.headers, Buffer.concat(parts));
      });
      res.on('error', () => closed('broken', 'the backend answer broke off'));
      return;
    }
    res.socket.setNoDelay(true);
    callbacks.onStream(res.headers);
    const read = createBlockReader();
    let receivedAt = 0;
    const framer = createEventFramer(
      { onBlock: (block) => callbacks.onBlock(block, read(block), receivedAt), onOversize: (n) => callbacks.onOversize(n) },
      maxEventBytes,
    );
    res.on('data', (chunk: Buffer) => {
      if (done) return;
      receivedAt = performance.now();
      framer.push(chunk);
      callbacks.onReadEnd?.();
    });
    res.on('end', () => closed('ended', 'the backend ended the stream', framer.takeRest()));
    res.on('error', (err: NodeJS.ErrnoException) => closed('broken', `the backend connection broke (${err.code ?? err.message})`, framer.takeRest()));
    res.on('aborted', () => closed('broken', 'the backend connection was cut', framer.takeRest()));
  });
  req.on('error', (err: NodeJS.ErrnoException) => {
    if (answered) return closed('broken', `the backend connection broke (${err.code ?? err.message})`);
    const why = err.code === 'ECONNREFUSED' ? 'refused the connection' : err.code === 'ENOTFOUND' ? 'has an unknown host name' : `failed (${err.code ?? err.message})`;
    closed('refused', `the backend ${url.origin} ${why}`);
  });
  req.end();

  return {
    close() {
      done = true;
      req.destroy();
    },
  };
}
