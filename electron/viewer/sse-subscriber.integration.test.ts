import { afterEach, describe, expect, it } from 'vitest';
import type { EventSourceMessage } from 'eventsource-parser';
import { SseSubscriber } from './sse-subscriber.ts';
import type { SubscriptionState } from '../../shared/api/contract.ts';
import { startScriptedBackend, sseHeaders, waitFor, type ScriptedBackend } from '../../test/support/scripted-backend.ts';

let backend: ScriptedBackend | undefined;
let subscriber: SseSubscriber | undefined;
afterEach(async () => {
  subscriber?.close();
  await backend?.close();
  backend = subscriber = undefined;
});

function record(url: string, lastEventId?: string) {
  const states: Array<{ state: SubscriptionState; detail: string }> = [];
  const events: EventSourceMessage[] = [];
  subscriber = new SseSubscriber(new URL(url), { onState: (state, detail) => states.push({ state, detail }), onEvent: (e) => events.push(e) }, lastEventId);
  subscriber.start();
  return { states, events };
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

  it('sends an initial Last-Event-ID when given one', async () => {
    backend = await startScriptedBackend((_req, res) => sseHeaders(res));
    record(backend.url, '17');
    await waitFor(() => backend!.requests.length === 1, 'the request');
    expect(backend.requests[0]?.headers['last-event-id']).toBe('17');
  });

  it('stops for good on 204 No Content', async () => {
    backend = await startScriptedBackend((_req, res) => res.writeHead(204).end());
    const { states } = record(backend.url);
    await waitFor(() => states.some((s) => s.state === 'failed'), 'failed state');
    expect(states.at(-1)?.detail).toMatch(/204/);
    await new Promise((r) => setTimeout(r, 1200));
    expect(backend.requests).toHaveLength(1);
  });

  it.each([
    [500, 'text/event-stream', /HTTP 500/],
    [200, 'application/json', /HTTP 200 application\/json/],
  ])('fails without retrying on status %i with %s', async (status, type, detail) => {
    backend = await startScriptedBackend((_req, res) => res.writeHead(status, { 'content-type': type }).end('nope'));
    const { states } = record(backend.url);
    await waitFor(() => states.some((s) => s.state === 'failed'), 'failed state');
    expect(states.at(-1)?.detail).toMatch(detail);
    expect(backend.requests).toHaveLength(1);
  });
});
