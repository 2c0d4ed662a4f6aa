import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudioClient, StudioEvent, SubscriptionSummary, SubscriptionTarget } from '../../../shared/api/contract.ts';
import { isLive, isSubscriptionEvent, ViewerStore, type EventCheck, type SubscriptionEvent } from './viewer-store.ts';

/**
 * One live subscription opened on the host, and its store. The host may report the first state
 * before `subscriptions.open` has answered with the id, so events that arrive while opening are held
 * and applied once the id is known: nothing at the start of a stream is lost.
 *
 * Rendering is decoupled from arrival: batches go into the store as they come; the component
 * re-renders at most ~15 times a second (in an animation frame), whatever the event rate.
 */
export interface SubscriptionControls {
  store: ViewerStore;
  /** Bumps when the store changed and a frame passed: a dependency for memos. */
  version: number;
  subscriptionId: string | undefined;
  url: string | undefined;
  opening: boolean;
  live: boolean;
  error: string | undefined;
  start(target: SubscriptionTarget): Promise<boolean>;
  /**
   * Re-attaches to a session that runs on the host (after a tab switch, another API or a page
   * reload): its kept events, timeline and state, then live ones. Undefined when the host has no such session.
   */
  attach(subscriptionId: string): Promise<SubscriptionSummary | undefined>;
  stop(): Promise<void>;
  clear(): void;
  /** Drops the connection on the client side (it reconnects like a browser); an error message or undefined. */
  drop(): Promise<string | undefined>;
  /** Writes what the tester did into the timeline (a `notice`), so its effects line up with it. */
  note(detail: string): void;
}

const MAX_HELD = 2000;
/**
 * At most ~15 renders a second, however fast events come: a log that moves 15 times a second reads
 * as live, and the page keeps most of each frame for scrolling and clicks.
 */
const MIN_RENDER_MS = 66;

export function useSubscription(client: StudioClient, check: EventCheck | undefined): SubscriptionControls {
  const [store] = useState(() => new ViewerStore());
  const [version, setVersion] = useState(0);
  const [url, setUrl] = useState<string>();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string>();
  // The id as state (for rendering) and as a ref (for the event listener, which must not re-subscribe).
  const [subscriptionId, setSubscriptionId] = useState<string>();
  const activeId = useRef<string | undefined>(undefined);
  const held = useRef<SubscriptionEvent[] | undefined>(undefined);
  const frame = useRef<number | undefined>(undefined);

  const timer = useRef<number | undefined>(undefined);
  const lastRender = useRef(0);
  const render = useCallback(() => {
    if (frame.current !== undefined || timer.current !== undefined) return;
    const draw = () => {
      timer.current = undefined;
      frame.current = requestAnimationFrame(() => {
        frame.current = undefined;
        lastRender.current = performance.now();
        setVersion(store.version);
      });
    };
    const wait = lastRender.current + MIN_RENDER_MS - performance.now();
    if (wait > 0) timer.current = window.setTimeout(draw, wait);
    else draw();
  }, [store]);
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => store.setCheck(check), [store, check]);

  useEffect(
    () =>
      client.onEvent((event: StudioEvent) => {
        if (!isSubscriptionEvent(event)) return;
        if (held.current) {
          held.current.push(event);
          if (held.current.length > MAX_HELD) held.current.shift();
          return;
        }
        if (event.subscriptionId !== activeId.current) return;
        store.apply(event);
        render();
      }),
    [client, store, render],
  );

  const stop = useCallback(async () => {
    const id = activeId.current;
    if (!id) return;
    const result = await client.call('subscriptions.close', { subscriptionId: id });
    if (!result.ok) setError(result.error.message);
  }, [client]);

  const start = useCallback(
    async (target: SubscriptionTarget) => {
      if (activeId.current && isLive(store.state)) await stop();
      activeId.current = undefined;
      setSubscriptionId(undefined);
      held.current = [];
      setOpening(true);
      setError(undefined);
      store.reset();
      render();
      const result = await client.call('subscriptions.open', target);
      const early = held.current ?? [];
      held.current = undefined;
      setOpening(false);
      if (!result.ok) {
        setError(result.error.message);
        return false;
      }
      const id = result.value.subscriptionId;
      activeId.current = id;
      setSubscriptionId(id);
      setUrl(result.value.url);
      for (const e of early) if (e.subscriptionId === id) store.apply(e);
      render();
      return true;
    },
    [client, stop, store, render],
  );

  const attach = useCallback(
    async (id: string) => {
      activeId.current = undefined;
      held.current = [];
      store.reset();
      const [list, kept, timeline] = await Promise.all([
        client.call('subscriptions.list', {}),
        client.call('subscriptions.events', { subscriptionId: id }),
        client.call('subscriptions.timeline', { subscriptionId: id }),
      ]);
      const early = held.current ?? [];
      held.current = undefined;
      const summary = list.ok ? list.value.subscriptions.find((s) => s.subscriptionId === id) : undefined;
      if (!summary || !kept.ok || !timeline.ok) {
        render();
        return undefined;
      }
      for (const entry of timeline.value.entries) store.addTimeline(entry);
      store.addEvents(kept.value.events);
      // The host keeps the latest events; the count still says how many came before them.
      store.received += Math.max(0, kept.value.firstSeq - 1);
      store.setState(summary.state, summary.detail);
      const lastSeq = kept.value.events.at(-1)?.seq ?? 0;
      const lastAt = timeline.value.entries.at(-1)?.at ?? 0;
      // What came while attaching, without what the host's copies already had.
      for (const e of early) {
        if (e.subscriptionId !== id) continue;
        if (e.type === 'subscription.events') store.addEvents(e.events.filter((v) => v.seq > lastSeq));
        else if (e.type === 'subscription.timeline') {
          if (e.entry.at > lastAt) store.addTimeline(e.entry);
        } else store.apply(e);
      }
      activeId.current = id;
      setSubscriptionId(id);
      setUrl(summary.url);
      render();
      return summary;
    },
    [client, store, render],
  );

  // Leaving the viewer does not stop its subscription: sessions live on the host until the user
  // stops them, and the viewer re-attaches when it comes back (issue 10).

  const clear = useCallback(() => {
    store.clearEvents();
    render();
  }, [store, render]);

  const drop = useCallback(async () => {
    const id = activeId.current;
    if (!id) return 'Subscribe first.';
    const result = await client.call('subscriptions.drop', { subscriptionId: id });
    if (!result.ok) return result.error.message;
    return result.value.dropped ? undefined : 'There was no open connection to drop (it is waiting to reconnect, or closed).';
  }, [client]);

  const note = useCallback(
    (detail: string) => {
      store.addTimeline({ state: 'notice', at: Date.now(), detail, connection: store.connections });
      render();
    },
    [store, render],
  );

  // Open but no state reported yet counts as live: the host is connecting.
  const live = subscriptionId !== undefined && (store.state === undefined || isLive(store.state));
  return { store, version, subscriptionId, url, opening, live, error, start, attach, stop, clear, drop, note };
}
