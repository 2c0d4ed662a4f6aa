import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StudioEvent } from '../../shared/api/contract.ts';
import type { StudioHost } from '../host/studio-host.ts';
import { waitFor } from '../../test/support/scripted-backend.ts';
import { MAX_EVENTS_BACKLOG, WebServer } from './web-server.ts';

/** A host that only emits what the test tells it to: the event stream is all this test needs. */
function fakeHost() {
  const listeners = new Set<(event: StudioEvent) => void>();
  const host = {
    handlers: {},
    onEvent(listener: (event: StudioEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as StudioHost;
  return { host, emit: (event: StudioEvent) => listeners.forEach((l) => l(event)), listeners };
}

let web: WebServer | undefined;
afterEach(async () => web?.stop());

describe('web mode event stream: a page that does not keep up', () => {
  it('skips viewer batches past the backlog limit, keeps every other event, and keeps the host memory bounded', async () => {
    const { host, emit, listeners } = fakeHost();
    web = new WebServer(host, { host: '127.0.0.1', port: 0, uiRoot: mkdtempSync(path.join(os.tmpdir(), 'sse-studio-ui-')) });
    const base = new URL(await web.start());
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get({ host: base.hostname, port: base.port, path: '/api/events', headers: { authorization: `Bearer ${web?.token}` } }, resolve),
    );
    expect(res.statusCode).toBe(200);
    res.pause(); // a page busy elsewhere: it reads nothing for now
    await waitFor(() => listeners.size === 1, 'the stream is subscribed');

    // 4,000 batches of ~10 KB (40 MB) while nothing is read, then one other event.
    const data = 'x'.repeat(10_000);
    for (let seq = 1; seq <= 4000; seq++) emit({ type: 'subscription.events', subscriptionId: 's', events: [{ seq, id: String(seq), type: 'tick', data, receivedAt: 0 }] });
    emit({ type: 'apis.changed' });

    let text = '';
    res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    res.resume();
    await waitFor(() => text.includes('event: apis.changed'), 'the other event arrives');
    const batches = text.match(/event: subscription\.events/g)?.length ?? 0;
    expect(batches, 'some batches were skipped').toBeLessThan(4000);
    expect(batches, 'the first ones went out').toBeGreaterThan(MAX_EVENTS_BACKLOG / 10_100 - 1);
    expect(text.length, 'what was queued stayed bounded (not 40 MB)').toBeLessThan(20_000_000);
    res.destroy();
  });
});
