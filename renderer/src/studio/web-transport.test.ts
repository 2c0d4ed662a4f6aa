import { describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../../shared/api/contract.ts';
import type { LinkState } from './link-state.ts';
import { createWebClient } from './web-transport.ts';

/** A fake host: answers calls from a table and serves event streams the test writes into. */
function fakeHost(options: { eventsStatus?: number } = {}) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const streams: Array<ReadableStreamDefaultController<Uint8Array>> = [];
  const encoder = new TextEncoder();
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    if (url.endsWith('/api/events')) {
      if (options.eventsStatus) return new Response('{}', { status: options.eventsStatus });
      const body = new ReadableStream<Uint8Array>({ start: (c) => void streams.push(c) });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    }
    if (url.endsWith('/api/call/host.down')) throw new TypeError('Failed to fetch');
    return Response.json({ ok: true, value: { echo: JSON.parse(String(init?.body)) } });
  }) as typeof fetch;
  const write = (i: number, text: string) => streams[i]?.enqueue(encoder.encode(text));
  return { fetchFn, calls, streams, write };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('web transport', () => {
  it('posts calls as JSON with the token in the Authorization header', async () => {
    const host = fakeHost();
    const client = createWebClient({ token: 's3cret', fetch: host.fetchFn });
    const result = await client.call('apis.deploy', { id: 'a.yaml' });
    expect(result).toEqual({ ok: true, value: { echo: { id: 'a.yaml' } } });
    expect(host.calls[0]?.url).toBe('/api/call/apis.deploy');
    expect(new Headers(host.calls[0]?.init?.headers).get('authorization')).toBe('Bearer s3cret');
  });

  it('turns a network failure into an error result that says what to check', async () => {
    const client = createWebClient({ token: 't', fetch: fakeHost().fetchFn });
    const result = await client.call('host.down' as 'host.info', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('host_unreachable');
  });

  it('parses events split across chunks, even inside a multibyte character', async () => {
    const host = fakeHost();
    const client = createWebClient({ token: 't', fetch: host.fetchFn });
    const got: StudioEvent[] = [];
    client.onEvent((e) => got.push(e));
    await until(() => host.streams.length === 1);
    const frame = `event: subscription.state\ndata: ${JSON.stringify({ type: 'subscription.state', subscriptionId: 's', state: 'open', detail: 'prix €', at: 1 })}\n\n`;
    const bytes = new TextEncoder().encode(': hello\n\n' + frame);
    const euro = bytes.indexOf(0xe2);
    host.streams[0]?.enqueue(bytes.slice(0, euro + 1));
    host.streams[0]?.enqueue(bytes.slice(euro + 1));
    await until(() => got.length === 1);
    expect(got[0]).toMatchObject({ type: 'subscription.state', detail: 'prix €' });
  });

  it('hands a burst of events over in slices, letting the page run between them', async () => {
    const host = fakeHost();
    const client = createWebClient({ token: 't', fetch: host.fetchFn });
    let handled = 0;
    client.onEvent(() => {
      // Each event costs the page 3 ms (a large batch for the viewer, say).
      const until = performance.now() + 3;
      while (performance.now() < until);
      handled++;
    });
    await until(() => host.streams.length === 1);
    const frame = `event: apis.changed\ndata: ${JSON.stringify({ type: 'apis.changed' })}\n\n`;
    host.write(0, frame.repeat(40));
    // A timer set now runs at the first task boundary: with slicing, before the burst is done.
    const seenByTimer = await new Promise<number>((resolve) => setTimeout(() => resolve(handled), 0));
    expect(seenByTimer).toBeGreaterThan(0);
    expect(seenByTimer).toBeLessThan(40);
    await until(() => handled === 40);
  });

  it('reconnects after the stream drops and asks listeners to re-read the project', async () => {
    const host = fakeHost();
    const client = createWebClient({ token: 't', fetch: host.fetchFn, retryMs: { initial: 5, max: 20 } });
    const links: LinkState[] = [];
    client.onLinkChange((l) => links.push(l));
    const got: StudioEvent[] = [];
    client.onEvent((e) => got.push(e));
    await until(() => host.streams.length === 1);
    host.streams[0]?.close();
    await until(() => host.streams.length === 2);
    await until(() => got.some((e) => e.type === 'apis.changed'));
    expect(links).toEqual(['online', 'offline', 'connecting', 'online']);
    host.write(1, `data: ${JSON.stringify({ type: 'apis.changed' })}\n\n`);
    await until(() => got.length === 2);
  });

  it('stops retrying when the host refuses the token', async () => {
    const host = fakeHost({ eventsStatus: 401 });
    const client = createWebClient({ token: 'wrong', fetch: host.fetchFn, retryMs: { initial: 1, max: 1 } });
    client.onEvent(() => undefined);
    await until(() => client.link === 'unauthorized');
    await new Promise((r) => setTimeout(r, 30));
    expect(host.calls.filter((c) => c.url.endsWith('/api/events'))).toHaveLength(1);
  });
});
