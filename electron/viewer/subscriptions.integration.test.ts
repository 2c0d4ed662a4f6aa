import { afterEach, describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../shared/api/contract.ts';
import { Subscriptions, type ViewerEventDetail } from './subscriptions.ts';
import { startLiveBackend, type LiveBackend } from '../../test/support/live-backend.ts';
import { waitFor } from '../../test/support/scripted-backend.ts';

let live: LiveBackend | undefined;
let subscriptions: Subscriptions | undefined;
afterEach(async () => {
  subscriptions?.closeAll();
  await live?.close();
  live = subscriptions = undefined;
});

function open(url: string) {
  const emitted: StudioEvent[] = [];
  subscriptions = new Subscriptions((e) => emitted.push(e));
  const id = subscriptions.start(new URL(url), undefined, { retryMs: 50 });
  const events = () => emitted.flatMap((e) => (e.type === 'subscription.events' && e.subscriptionId === id ? (e.events as ViewerEventDetail[]) : []));
  const states = () => emitted.flatMap((e) => (e.type === 'subscription.state' ? [e.state] : []));
  return { id, events, states, subscriptions };
}

const consecutive = { truth: { kind: 'consecutive' } } as const;
/** Each event says when it was sent, so the verdict can tell live events from a replay exactly. */
const stamped = (n: number) => JSON.stringify({ n, sentAt: Date.now() });

describe('viewer subscriptions: drop on purpose, live verdict', () => {
  it('a backend that ignores Last-Event-ID loses what was produced during the drop: the verdict is red and names the ids', async () => {
    live = await startLiveBackend({ intervalMs: 10, honourLastEventId: false, payload: stamped });
    const { id, events, subscriptions } = open(live.url);
    await waitFor(() => events().length >= 5, 'five events');
    expect(subscriptions.drop(id)).toBe(true);
    await waitFor(() => (subscriptions.verdict(id)?.counts.connections ?? 0) === 2 && events().length >= 12, 'events after the reconnect');
    const verdict = subscriptions.verdict(id, consecutive)!;
    expect(verdict.status).toBe('red');
    expect(verdict.windows).toHaveLength(1);
    const window = verdict.windows[0]!;
    expect(window).toMatchObject({ kind: 'reconnect', cause: 'client-drop', replayed: [] });
    expect(window.lostCount).toBeGreaterThanOrEqual(3); // ~50 ms away at one event per 10 ms
    expect(window.lost[0]).toBe(String(Number(window.lastIdBefore) + 1));
    expect(verdict.reasons[0]).toMatch(/^drop 1 \(client drop\): \d+ events lost, never received: \d+-\d+$/);
    expect(subscriptions.timeline(id)?.map((t) => t.state)).toEqual(['connecting', 'open', 'error', 'waiting', 'reconnecting', 'open']);
  });

  it('a backend that honours Last-Event-ID sends what was missed first: green, with the replayed ids', async () => {
    // Each event carries its send time, so the verdict tells the replay from live events exactly.
    live = await startLiveBackend({ intervalMs: 10, honourLastEventId: true, payload: stamped });
    const { id, events, subscriptions } = open(live.url);
    await waitFor(() => events().length >= 5, 'five events');
    subscriptions.drop(id);
    await waitFor(() => (subscriptions.verdict(id)?.counts.connections ?? 0) === 2 && events().length >= 15, 'events after the reconnect');
    const verdict = subscriptions.verdict(id, consecutive)!;
    expect(verdict.reasons).toEqual([]);
    expect(verdict.status).toBe('green');
    expect(verdict.windows[0]!.replayedCount).toBeGreaterThanOrEqual(3);
    expect(verdict.windows[0]!.missed).toEqual(verdict.windows[0]!.replayed);
  });

  it('batches events with their size and raw frame, and keeps the verdict after the subscription closed', async () => {
    live = await startLiveBackend({ intervalMs: 5, honourLastEventId: true });
    const { id, events, states, subscriptions } = open(live.url);
    await waitFor(() => events().length >= 3, 'three events');
    const first = events()[0]!;
    expect(first).toMatchObject({ seq: 1, type: 'tick', connection: 1, rawTruncated: false });
    expect(first.raw).toBe(`id: ${first.id}\nevent: tick\ndata: ${first.data}\n\n`);
    expect(first.size).toBe(Buffer.byteLength(first.raw));
    expect(subscriptions.close(id)).toBe(true);
    expect(states().at(-1)).toBe('closed');
    expect(subscriptions.drop(id)).toBe(false);
    expect(subscriptions.verdict(id)?.counts.events).toBeGreaterThanOrEqual(3);
    expect(subscriptions.verdict('nope')).toBeUndefined();
  });
});
