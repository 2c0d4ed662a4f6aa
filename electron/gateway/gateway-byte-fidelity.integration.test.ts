import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { Gateway } from './gateway.ts';
import { defaultRuntime, type UpstreamMode } from '../../shared/model/runtime.ts';
import { startScriptedBackend, sseHeaders, type ScriptedBackend } from '../../test/support/scripted-backend.ts';
import { captureBytes, firstDifference } from '../../test/support/byte-capture.ts';

/**
 * The gateway cuts the backend's stream into events (for replay and fan-out) but must hand every
 * byte on unchanged: line ends, BOM, comments, fields it does not know, values a client ignores.
 * Each case is written by a backend that then keeps the stream open (as real SSE APIs do), and the
 * client reads until it has as many bytes as the backend wrote.
 */
interface StreamCase {
  name: string;
  bytes: Buffer;
  /** Write one byte per write(), a turn of the event loop apart, instead of all at once. */
  perByte?: boolean;
}

const text = (s: string) => Buffer.from(s, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const KITCHEN_SINK = Buffer.concat([
  BOM,
  text(': opening comment\r\n\r\nid: 1\r\nevent: tick\rdata: a\ndata: b\r\n\nfoo: bar\nretry: abc\ndata:c\n\nid: ü-€-😀\ndata: é\r\r:\n\n'),
]);

const CASES: StreamCase[] = [
  { name: 'LF line ends', bytes: text('id: 1\nevent: tick\ndata: one\n\nid: 2\ndata: two\n\n') },
  { name: 'CRLF line ends', bytes: text('id: 1\r\nevent: tick\r\ndata: one\r\n\r\nid: 2\r\ndata: two\r\n\r\n') },
  { name: 'CR-only line ends', bytes: text('id: 1\revent: tick\rdata: one\r\rid: 2\rdata: two\r\r') },
  { name: 'mixed line ends', bytes: text('id: 1\r\ndata: a\rdata: b\n\r\nid: 2\ndata: c\r\r\nid: 3\r\ndata: d\n\n') },
  { name: 'UTF-8 BOM at the start', bytes: Buffer.concat([BOM, text('id: 1\ndata: after a BOM\n\n')]) },
  { name: 'comments (alone, empty, inside an event)', bytes: text(': hello\n\n:\n\nid: 1\n: inside an event\ndata: x\n\n') },
  { name: 'multi-line data (with an empty data line)', bytes: text('data: line one\ndata: line two\ndata:\ndata: line four\n\n') },
  { name: 'unknown fields', bytes: text('foo: bar\nid: 1\nx-custom\nDATA: upper case is not data\ndata: d\n\n') },
  { name: 'retry with bogus values', bytes: text('retry: abc\n\nretry: -5\n\nretry: 1.5\n\nid: 1\ndata: r\n\n') },
  { name: 'id with NUL', bytes: text('id: a\0b\ndata: n\n\n') },
  { name: 'empty id (resets the last event ID)', bytes: text('id: 1\ndata: a\n\nid\ndata: b\n\nid:\ndata: c\n\n') },
  { name: 'data without a space after the colon', bytes: text('data:nospace\nid:7\nevent:tick\n\n') },
  { name: 'multibyte UTF-8', bytes: text('id: 1\ndata: héllo € 😀 日本\n\n') },
  { name: '1 MB event', bytes: text(`id: big\ndata: ${'x'.repeat(1024 * 1024)}\n\nid: after\ndata: small\n\n`) },
  { name: 'every byte a separate write (BOM, all line ends, comments, unknown fields)', bytes: KITCHEN_SINK, perByte: true },
  { name: 'CRLF, every byte a separate write (the CR and LF of a blank line arrive apart)', bytes: text('id: 1\r\ndata: one\r\n\r\n'), perByte: true },
];

let gateway: Gateway;
let backend: ScriptedBackend;

/** Writes `bytes` one byte at a time, yielding to the event loop between writes. */
function writeByteByByte(res: ServerResponse, bytes: Buffer): void {
  let i = 0;
  const next = () => {
    if (res.destroyed || i >= bytes.length) return;
    res.write(bytes.subarray(i, i + 1));
    i++;
    setImmediate(next);
  };
  next();
}

beforeAll(async () => {
  backend = await startScriptedBackend((req, res) => {
    const index = Number(/^\/case\/(\d+)$/.exec(req.url ?? '')?.[1]);
    const streamCase = CASES[index];
    if (!streamCase) {
      res.writeHead(404).end();
      return;
    }
    sseHeaders(res);
    if (streamCase.perByte) writeByteByByte(res, streamCase.bytes);
    else res.write(streamCase.bytes);
    // ...and the stream stays open.
  });
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  // Nothing of the gateway's own on the wire: no heartbeat comments, no retry line.
  const runtime = (upstream: UpstreamMode) => ({ ...defaultRuntime(), upstream, heartbeatSeconds: 0, lingerSeconds: 0 });
  gateway.deploy({ id: 'per-client.yaml', name: 'Per client', basePath: '/per-client/1.0.0', endpoint: backend.url, topics: [{ path: '/*' }], runtime: runtime('per-client') });
  gateway.deploy({ id: 'shared.yaml', name: 'Shared', basePath: '/shared/1.0.0', endpoint: backend.url, topics: [{ path: '/*' }], runtime: runtime('shared') });
});
afterAll(async () => {
  await gateway.stop();
  await backend.close();
});

describe.each<{ mode: UpstreamMode; basePath: string }>([
  { mode: 'per-client', basePath: '/per-client/1.0.0' },
  { mode: 'shared', basePath: '/shared/1.0.0' },
])('$mode upstream: the client reads exactly the bytes the backend wrote', ({ basePath }) => {
  it.each(CASES.map((c, index) => ({ ...c, index })))('$name', async ({ bytes, index, perByte }) => {
    // In shared mode this client is the stream's one subscriber from the start: the upstream opens for it.
    const { status, body, timedOut } = await captureBytes(`${gateway.url}${basePath}/case/${index}`, bytes.length, { timeoutMs: perByte ? 10_000 : 3000 });
    expect(status).toBe(200);
    expect(firstDifference(bytes, body), timedOut ? 'the client waited in vain for the rest of the bytes' : 'the client got other bytes').toBeUndefined();
  });
});
