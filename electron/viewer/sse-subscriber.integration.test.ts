import { afterEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { SseSubscriber, type SubscriberOptions, type TimelineEntry } from './sse-subscriber.ts';
import type { ReceivedEvent } from './received-event.ts';
import type { SubscriptionState } from '../../shared/api/contract.ts';
import { sleep, startScriptedBackend, sseHeaders, waitFor, type ScriptedBackend } from '../../test/support/scripted-backend.ts';

let backend: ScriptedBackend | undefined;
let subscriber: SseSubscriber | undefined;
afterEach(async () => {
  subscriber?.close();
  await backend?.close();
  backend = subscriber = undefined;
});

function record(url: string, options: SubscriberOptions = {}) {
  const states: Array<{ state: SubscriptionState; detail: string }> = [];
  const timeline: TimelineEntry[] = [];
  const events: ReceivedEvent[] = [];
  subscriber = new SseSubscriber(new URL(url), { onState: (state, detail) => states.push({ state, detail }), onTimeline: (t) => timeline.push(t), onEvent: (e) => events.push(e) }, options);
  subscriber.start();
  return { states, timeline, events };
}

/** Answers each request with `frames(n)` (n = 0 for the first request), then ends the response. */
async function serveFrames(frames: (n: number, res: ServerResponse) => string | Array<string | Buffer>, keepOpen = false) {
  let n = 0;
  return startScriptedBackend((_req, res) => {
    sseHeaders(res);
    const out = frames(n++, res);
    for (const part of Array.isArray(out) ? out : [out]) res.write(part);
    if (!keepOpen) res.end();
  });
}

describe('viewer subscriber (WHATWG EventSource rules)', () => {
  it('reconnects after a drop, after the retry delay, sending the last event id', async () => {
    backend = await startScriptedBackend((req, res) => {
      sseHeaders(res);
      const from = Number(req.headers['last-event-id'] ?? 0);
      res.write('retry: 30\n\n');
      for (let n = from + 1; n <= from + 2; n++) res.write(`id: ${n}\ndata: ${n}\n\n`);
      if (from === 0) setTimeout(() => res.destroy(), 10);
    });
    const { states, events } = record(backend.url);
    await waitFor(() => events.length >= 4, 'events across a reconnect');
    expect(events.map((e) => e.data)).toEqual(['1', '2', '3', '4']);
    expect(backend.requests[1]?.headers['last-event-id']).toBe('2');
    expect(states.map((s) => s.state)).toEqual(['connecting', 'open', 'waiting', 'connecting', 'open']);
    expect(states[2]?.detail).toMatch(/reconnecting in 30 ms/);
    expect(states[3]?.detail).toBe('reconnecting with Last-Event-ID 2');
  });

  it('keeps a reconnection timeline with times: connecting, open, error, waiting N ms, reconnecting with Last-Event-ID, open', async () => {
    backend = await serveFrames((n) => (n === 0 ? 'retry: 40\n\nid: 7\ndata: x\n\n' : ':\n\n'), false);
    const started = Date.now();
    const { timeline } = record(backend.url);
    await waitFor(() => timeline.filter((t) => t.state === 'open').length === 2, 'the second open');
    expect(timeline.slice(0, 6).map((t) => t.state)).toEqual(['connecting', 'open', 'error', 'waiting', 'reconnecting', 'open']);
    const [connecting, open, error, waiting, reconnecting, reopened] = timeline;
    expect(connecting?.detail).toBe(`connecting to ${backend.url}/`);
    expect(open).toMatchObject({ connection: 1, detail: 'HTTP/1.1 200 text/event-stream' });
    expect(error).toMatchObject({ detail: 'the server closed the stream', dropped: 'server-closed', connection: 1 });
    expect(waiting).toMatchObject({ delayMs: 40, detail: 'the server closed the stream; reconnecting in 40 ms' });
    expect(reconnecting).toMatchObject({ lastEventId: '7', detail: 'reconnecting with Last-Event-ID 7' });
    expect(reopened).toMatchObject({ connection: 2, lastEventId: '7' });
    expect(connecting!.at).toBeGreaterThanOrEqual(started);
    expect(reconnecting!.at - waiting!.at).toBeGreaterThanOrEqual(35);
  });

  it('sends an initial Last-Event-ID and extra headers when given them', async () => {
    backend = await startScriptedBackend((_req, res) => sseHeaders(res));
    record(backend.url, { lastEventId: '17', headers: { Authorization: 'Bearer t0k3n', 'x-api-key': 'k' } });
    await waitFor(() => backend!.requests.length === 1, 'the request');
    expect(backend.requests[0]?.headers).toMatchObject({ 'last-event-id': '17', authorization: 'Bearer t0k3n', 'x-api-key': 'k', accept: 'text/event-stream' });
  });

  it('stops for good on 204 No Content', async () => {
    backend = await startScriptedBackend((_req, res) => res.writeHead(204).end());
    const { states } = record(backend.url);
    await waitFor(() => states.some((s) => s.state === 'failed'), 'failed state');
    expect(states.at(-1)?.detail).toMatch(/204/);
    await sleep(1200);
    expect(backend.requests).toHaveLength(1);
  });

  it.each([
    [500, 'text/event-stream', /HTTP 500/],
    [200, 'application/json', /HTTP 200 application\/json: nope/],
    [200, 'text/event-streamed', /HTTP 200 text\/event-streamed/],
  ])('fails without retrying on status %i with %s', async (status, type, detail) => {
    backend = await startScriptedBackend((_req, res) => res.writeHead(status, { 'content-type': type }).end('nope'));
    const { states } = record(backend.url);
    await waitFor(() => states.some((s) => s.state === 'failed'), 'failed state');
    expect(states.at(-1)?.detail).toMatch(detail);
    await sleep(1100);
    expect(backend.requests).toHaveLength(1);
  });

  it('fails on a non-stream answer whose body never ends', async () => {
    backend = await startScriptedBackend((_req, res) => res.writeHead(401, { 'content-type': 'text/plain' }).write('Unauthorized: no key'));
    const { states } = record(backend.url);
    await waitFor(() => states.some((s) => s.state === 'failed'), 'failed state');
    expect(states.at(-1)?.detail).toMatch(/^HTTP 401 text\/plain: Unauthorized: no key/);
  });

  it('accepts a content type with parameters, and follows a redirect', async () => {
    backend = await startScriptedBackend((req, res) => {
      if (req.url === '/old') return res.writeHead(307, { location: '/new' }).end();
      res.writeHead(200, { 'content-type': 'Text/Event-Stream; charset=utf-8' });
      res.write('data: moved\n\n');
    });
    const { events } = record(backend.url + '/old');
    await waitFor(() => events.length === 1, 'the event');
    expect(events[0]?.data).toBe('moved');
    expect(backend.requests.map((r) => r.path)).toEqual(['/old', '/new']);
  });

  it('reconnects after a connection refused (a network error), using the retry delay', async () => {
    backend = await startScriptedBackend((_req, res) => sseHeaders(res));
    const url = backend.url;
    await backend.close();
    backend = undefined;
    const { timeline } = record(url, { retryMs: 20 });
    await waitFor(() => timeline.filter((t) => t.state === 'reconnecting').length >= 2, 'two reconnects');
    expect(timeline[1]).toMatchObject({ state: 'error', detail: 'connection failed (ECONNREFUSED)' });
    expect(timeline[1]?.dropped).toBeUndefined();
  });

  it('uses the retry field from the stream (digits only) for the reconnection time', async () => {
    backend = await serveFrames((n) => (n === 0 ? 'retry: 25\n\nretry: 1e3\n\ndata: a\n\n' : ''));
    const { timeline } = record(backend.url);
    await waitFor(() => timeline.some((t) => t.state === 'reconnecting'), 'the reconnect');
    expect(timeline.find((t) => t.state === 'waiting')?.delayMs).toBe(25);
  });

  it('drops a leading BOM on every connection', async () => {
    backend = await serveFrames((n) => [Buffer.from([0xef, 0xbb, 0xbf]), `id: ${n + 1}\ndata: bom ${n}\n\n`]);
    const { events } = record(backend.url, { retryMs: 10 });
    await waitFor(() => events.length >= 2, 'two connections');
    expect(events.slice(0, 2).map((e) => e.data)).toEqual(['bom 0', 'bom 1']);
    expect(events[0]?.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  // A CRLF split after its CR: the event is complete at the CR (eventsource-parser dispatches it
  // then), so its frame ends there and the lone LF that follows belongs to no event.
  it('reads CR, LF and CRLF line ends, with a CRLF split across chunks, keeping each raw frame', async () => {
    // Written 30 ms apart so each arrives as its own chunk.
    const chunks = ['id: 1\rdata: cr\r\r', 'id: 2\r\ndata: crlf\r\n\r', '\nid: 3\ndata: lf\ndata: two\n\n'];
    backend = await startScriptedBackend((_req, res) => {
      sseHeaders(res);
      chunks.forEach((chunk, i) => setTimeout(() => res.write(chunk), 30 * i));
    });
    const { events } = record(backend.url);
    await waitFor(() => events.length === 3, 'three events');
    expect(events.map((e) => [e.id, e.data])).toEqual([
      ['1', 'cr'],
      ['2', 'crlf'],
      ['3', 'lf\ntwo'],
    ]);
    expect(events.map((e) => e.raw.toString())).toEqual(['id: 1\rdata: cr\r\r', 'id: 2\r\ndata: crlf\r\n\r', 'id: 3\ndata: lf\ndata: two\n\n']);
    expect(events[1]?.size).toBe(Buffer.byteLength('id: 2\r\ndata: crlf\r\n\r'));
  });

  it('ignores an id with NUL: the last event id stays what it was', async () => {
    backend = await serveFrames((n) => (n === 0 ? 'id: 1\ndata: a\n\nid: x\0y\ndata: b\n\n' : ''));
    const { events } = record(backend.url, { retryMs: 10 });
    await waitFor(() => backend!.requests.length >= 2, 'the reconnect');
    expect(events.slice(0, 2).map((e) => [e.id, e.lastEventId])).toEqual([
      ['1', '1'],
      [undefined, '1'],
    ]);
    expect(backend.requests[1]?.headers['last-event-id']).toBe('1');
  });

  it('an empty id resets the last event id: the reconnect sends no Last-Event-ID', async () => {
    backend = await serveFrames((n) => (n === 0 ? 'id: 5\ndata: a\n\nid:\ndata: b\n\n' : ''));
    const { events, timeline } = record(backend.url, { retryMs: 10 });
    await waitFor(() => backend!.requests.length >= 2, 'the reconnect');
    expect(events.slice(0, 2).map((e) => [e.id, e.lastEventId])).toEqual([
      ['5', '5'],
      ['', ''],
    ]);
    expect(backend.requests[1]?.headers['last-event-id']).toBeUndefined();
    expect(timeline.find((t) => t.state === 'reconnecting')?.detail).toBe('reconnecting without Last-Event-ID');
  });

  it('an id in a block without data still sets the last event id', async () => {
    backend = await serveFrames((n) => (n === 0 ? 'id: 1\ndata: a\n\nid: 9\n\n' : ''));
    record(backend.url, { retryMs: 10 });
    await waitFor(() => backend!.requests.length >= 2, 'the reconnect');
    expect(backend.requests[1]?.headers['last-event-id']).toBe('9');
  });

  it('gives each event its size, type, receive time, bounded raw bytes and latency from a `time` or `sentAt` field', async () => {
    const sentAt = Date.now() - 250;
    const big = 'x'.repeat(100);
    backend = await serveFrames(() => [`event: price\ndata: {"time":"${new Date(sentAt).toISOString()}"}\n\n`, `data: {"sentAt":${sentAt}}\n\n`, `data: ${big}\n\n`], true);
    const before = Date.now();
    const { events } = record(backend.url, { maxRawBytes: 32 });
    await waitFor(() => events.length === 3, 'three events');
    const [price, plain, large] = events;
    expect(price).toMatchObject({ type: 'price', sentAt, connection: 1 });
    expect(price!.latencyMs).toBeGreaterThanOrEqual(250);
    expect(plain).toMatchObject({ type: 'message', sentAt });
    expect(large).toMatchObject({ size: 6 + 100 + 2, rawTruncated: true });
    expect(large!.latencyMs).toBeUndefined();
    expect(large!.raw).toEqual(Buffer.from(`data: ${big}`.slice(0, 32)));
    expect(price!.receivedAt).toBeGreaterThanOrEqual(before);
  });

  it('dropConnection() destroys the socket and reconnects like after a network error, with Last-Event-ID', async () => {
    let n = 0;
    backend = await startScriptedBackend((req, res) => {
      sseHeaders(res);
      res.write('retry: 20\n\n');
      const timer = setInterval(() => res.write(`id: ${++n}\ndata: ${n}\n\n`), 5);
      res.on('close', () => clearInterval(timer));
      void req;
    });
    const { events, timeline } = record(backend.url);
    await waitFor(() => events.length >= 3, 'three events');
    expect(subscriber!.dropConnection()).toBe(true);
    const lastBefore = events.at(-1)!.id;
    await waitFor(() => backend!.requests.length === 2 && backend!.closedCount() >= 1, 'the reconnect');
    expect(backend.requests[1]?.headers['last-event-id']).toBe(lastBefore);
    const error = timeline.find((t) => t.state === 'error');
    expect(error).toMatchObject({ dropped: 'client-drop', detail: 'the connection was dropped on purpose by the client' });
  });

  it('close() stops for good and says so', async () => {
    backend = await startScriptedBackend((_req, res) => sseHeaders(res));
    const { timeline } = record(backend.url);
    await waitFor(() => timeline.some((t) => t.state === 'open'), 'open');
    subscriber!.close();
    expect(timeline.at(-1)).toMatchObject({ state: 'closed', detail: 'closed by the user' });
    expect(subscriber!.dropConnection()).toBe(false);
    await waitFor(() => backend!.closedCount() === 1, 'the server to see the close');
  });
});
