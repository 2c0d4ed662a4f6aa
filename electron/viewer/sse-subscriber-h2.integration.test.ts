import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { startGatewayListeners, type GatewayListeners } from '../gateway/transports/listeners.ts';
import { loadOrCreateLocalCertificate, type TlsMaterial } from '../gateway/transports/local-certificate.ts';
import { writeStreamHead } from '../gateway/transports/headers.ts';
import { SseSubscriber, type SubscriberOptions, type TimelineEntry } from './sse-subscriber.ts';
import type { ReceivedEvent } from './received-event.ts';
import { waitFor } from '../../test/support/scripted-backend.ts';

/**
 * HTTP/2 and TLS against the gateway's own listeners (h2c with prior knowledge on the HTTP port, h2
 * and HTTP/1.1 on the TLS port) with the local certificate the gateway uses.
 */
const seen: Array<{ httpVersion: string; transport: string; lastEventId: string | undefined; auth: string | undefined }> = [];
let dir: string;
let tls: TlsMaterial;
let listeners: GatewayListeners;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sse-studio-viewer-h2-'));
  tls = await loadOrCreateLocalCertificate(dir);
  listeners = await startGatewayListeners({
    host: '127.0.0.1',
    httpPort: 0,
    httpsPort: 0,
    tls,
    // Events resume after Last-Event-ID; the first connection ends after 3 events, later ones stay.
    handler: (req, res, transport) => {
      const lastEventId = req.headers['last-event-id'] as string | undefined;
      seen.push({ httpVersion: req.httpVersion, transport, lastEventId, auth: req.headers.authorization });
      writeStreamHead(res, 200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      const out = res as ServerResponse;
      const from = Number(lastEventId ?? 0);
      out.write('retry: 20\n\n');
      for (let n = from + 1; n <= from + 3; n++) out.write(`id: ${n}\ndata: ${n}\n\n`);
      if (from === 0) out.end();
    },
  });
});
afterAll(async () => {
  await listeners.stop();
  await rm(dir, { recursive: true, force: true });
});

let subscriber: SseSubscriber | undefined;
afterEach(() => {
  subscriber?.close();
  subscriber = undefined;
  seen.length = 0;
});

function record(url: string, options: SubscriberOptions) {
  const timeline: TimelineEntry[] = [];
  const events: ReceivedEvent[] = [];
  subscriber = new SseSubscriber(new URL(url), { onTimeline: (t) => timeline.push(t), onEvent: (e) => events.push(e) }, options);
  subscriber.start();
  return { timeline, events };
}

describe('viewer subscriber over HTTP/2 and TLS', () => {
  it('h2c with prior knowledge: events, then a reconnect with Last-Event-ID on a new HTTP/2 connection', async () => {
    const { events, timeline } = record(`${listeners.httpUrl}/feed`, { http2: true, headers: { Authorization: 'Bearer x', Connection: 'keep-alive' } });
    await waitFor(() => events.length >= 6, 'events across the reconnect');
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(seen.map((s) => [s.httpVersion, s.transport, s.lastEventId, s.auth])).toEqual([
      ['2.0', 'http', undefined, 'Bearer x'],
      ['2.0', 'http', '3', 'Bearer x'],
    ]);
    expect(timeline.find((t) => t.state === 'open')?.detail).toBe('HTTP/2.0 200 text/event-stream');
  });

  it('h2 over TLS, trusting the local gateway certificate as a CA', async () => {
    const { events, timeline } = record(`${listeners.httpsUrl}/feed`, { http2: true, tls: { ca: tls.cert } });
    await waitFor(() => events.length >= 3, 'events');
    expect(seen[0]).toMatchObject({ httpVersion: '2.0', transport: 'https' });
    expect(timeline[1]?.detail).toBe('HTTP/2.0 200 text/event-stream');
  });

  it('HTTP/1.1 over TLS with rejectUnauthorized: false (local testing)', async () => {
    const { events } = record(`${listeners.httpsUrl}/feed`, { tls: { rejectUnauthorized: false } });
    await waitFor(() => events.length >= 3, 'events');
    expect(seen[0]).toMatchObject({ httpVersion: '1.1', transport: 'https' });
  });

  it('an untrusted certificate is a network error: error, waiting, reconnecting (never open)', async () => {
    const { timeline } = record(`${listeners.httpsUrl}/feed`, { http2: true, retryMs: 20 });
    await waitFor(() => timeline.filter((t) => t.state === 'reconnecting').length >= 1, 'a reconnect');
    expect(timeline[1]).toMatchObject({ state: 'error' });
    expect(timeline[1]?.detail).toMatch(/^connection failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)$/);
    expect(timeline.some((t) => t.state === 'open')).toBe(false);
  });

  it('dropConnection() on HTTP/2 tears the session down and resumes with Last-Event-ID', async () => {
    const { events, timeline } = record(`${listeners.httpsUrl}/feed`, { http2: true, tls: { ca: tls.cert }, lastEventId: '10' });
    await waitFor(() => events.length >= 3, 'events');
    expect(subscriber!.dropConnection()).toBe(true);
    await waitFor(() => events.length >= 6, 'events after the drop');
    expect(events.map((e) => e.id)).toEqual(['11', '12', '13', '14', '15', '16']);
    expect(seen.map((s) => s.lastEventId)).toEqual(['10', '13']);
    expect(timeline.find((t) => t.state === 'error')?.dropped).toBe('client-drop');
  });
});
