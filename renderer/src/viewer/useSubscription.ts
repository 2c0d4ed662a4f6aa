import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudioClient, StudioEvent, SubscriptionTarget } from '../../../shared/api/contract.ts';
import { applyToLog, clearEvents, emptyLog, isLive, isSubscriptionEvent, type ViewerLog } from './viewer-log.ts';

/**
 * One live subscription opened on the host, and its log. The host may report the first state before
 * `subscriptions.open` has answered with the id, so events that arrive while opening are held and
 * replayed once the id is known: nothing at the start of a stream is lost.
 */
export interface SubscriptionControls {
  log: ViewerLog;
  url: string | undefined;
  opening: boolean;
  live: boolean;
  error: string | undefined;
  start(target: SubscriptionTarget): Promise<void>;
  stop(): Promise<void>;
  clear(): void;
}

const MAX_HELD = 2000;

export function useSubscription(client: StudioClient): SubscriptionControls {
  const [log, setLog] = useState<ViewerLog>(emptyLog);
  const [url, setUrl] = useState<string>();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string>();
  // The id as state (for rendering) and as a ref (for the event listener, which must not re-subscribe).
  const [subscriptionId, setSubscriptionId] = useState<string>();
  const activeId = useRef<string | undefined>(undefined);
  const held = useRef<StudioEvent[] | undefined>(undefined);

  useEffect(
    () =>
      client.onEvent((event) => {
        if (!isSubscriptionEvent(event)) return;
        if (held.current) {
          held.current.push(event);
          if (held.current.length > MAX_HELD) held.current.shift();
          return;
        }
        if (event.subscriptionId === activeId.current) setLog((current) => applyToLog(current, event));
      }),
    [client],
  );

  const stop = useCallback(async () => {
    const id = activeId.current;
    if (!id) return;
    const result = await client.call('subscriptions.close', { subscriptionId: id });
    if (!result.ok) setError(result.error.message);
  }, [client]);

  const start = useCallback(
    async (target: SubscriptionTarget) => {
      if (activeId.current) await stop();
      activeId.current = undefined;
      setSubscriptionId(undefined);
      held.current = [];
      setOpening(true);
      setError(undefined);
      setLog(emptyLog);
      const result = await client.call('subscriptions.open', target);
      const early = held.current ?? [];
      held.current = undefined;
      setOpening(false);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const id = result.value.subscriptionId;
      activeId.current = id;
      setSubscriptionId(id);
      setUrl(result.value.url);
      setLog((current) => early.filter(isSubscriptionEvent).filter((e) => e.subscriptionId === id).reduce(applyToLog, current));
    },
    [client, stop],
  );

  // Leaving the viewer closes its subscription on the host.
  useEffect(
    () => () => {
      const id = activeId.current;
      if (id) void client.call('subscriptions.close', { subscriptionId: id });
    },
    [client],
  );

  const clear = useCallback(() => setLog(clearEvents), []);

  // Open but no state reported yet counts as live: the host is connecting.
  const live = subscriptionId !== undefined && (log.state === undefined || isLive(log.state));
  return { log, url, opening, live, error, start, stop, clear };
}
