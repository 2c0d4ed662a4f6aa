import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StudioEvent, ViewerEvent } from '../../shared/api/contract.ts';
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

const BATCHES = 4000;
const PER_BATCH = 10;

describe('web mode event stream: a page that does not keep up', () => {
  it('gets only the newest event of each viewer batch past the backlog limit, then none; every other event; the host memory stays bounded', async () => {
    const { host, emit, listeners } = fakeHost();
    web = new WebServer(host, { host: '127.0.0.1', port: 0, uiRoot: mkdtempSync(path.join(os.tmpdir(), 'sse-studio-ui-')) });
    const base = new URL(await web.start());
    const res = await new Promise<http.IncomingMessage>((resolve) =>
      http.get({ host: base.hostname, port: base.port, path: '/api/events', headers: { authorization: `Bearer ${web?.token}` } }, resolve),
    );
    expect(res.statusCode).toBe(200);
    res.pause(); // a page busy elsewhere: it reads nothing for now
    await waitFor(() => listeners.size === 1, 'the stream is subscribed');

    // 4,000 batches of 10 events of ~1 KB (40 MB) while nothing is read, then one other event.
    const data = 'x'.repeat(1000);
    let seq = 0;
    for (let b = 0; b < BATCHES; b++) {
      const events: ViewerEvent[] = Array.from({ length: PER_BATCH }, () => ({ seq: ++seq, id: String(seq), type: 'tick', data, receivedAt: 0 }));
      emit({ type: 'subscription.events', subscriptionId: 's', events });
    }
    emit({ type: 'apis.changed' });

    let text = '';
    res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    res.resume();
    await waitFor(() => text.includes('event: apis.changed'), 'the other event arrives');
    const batches = [...text.matchAll(/^data: (\{"type":"subscription\.events".*)$/gm)].map((m) => (JSON.parse(m[1] as string) as { events: ViewerEvent[] }).events);
    const delivered = batches.reduce((n, events) => n + events.length, 0);
    expect(batches[0], 'the first batches go whole').toHaveLength(PER_BATCH);
    expect(batches.filter((events) => events.length === 1).length, 'then only the newest event of a batch').toBeGreaterThan(0);
    for (const events of batches.filter((e) => e.length === 1)) expect((events[0] as ViewerEvent).seq % PER_BATCH, 'the newest one').toBe(0);
    expect(batches.length, 'past the hard limit, none').toBeLessThan(BATCHES);
    expect(delivered).toBeGreaterThan(MAX_EVENTS_BACKLOG / 10_000);
    expect(text.length, 'what was queued stayed bounded (not 40 MB)').toBeLessThan(20_000_000);
    res.destroy();
  });
});
