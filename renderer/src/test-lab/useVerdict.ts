import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StudioClient } from '../../../shared/api/contract.ts';
import type { ReplayVerdict } from '../../../shared/sse/replay-verdict.ts';

/**
 * The subscription's replay verdict from the host, fresh: every 2 s while it is live, right after
 * each reconnect (a new connection opened) and once more when it ends. Requests never overlap.
 */
export const VERDICT_POLL_MS = 2000;

export interface VerdictState {
  verdict: ReplayVerdict | undefined;
  error: string | undefined;
  updatedAt: number | undefined;
  refresh(): void;
}

export function useVerdict(client: StudioClient, subscriptionId: string | undefined, options: { consecutive: boolean; live: boolean; connections: number }): VerdictState {
  const { consecutive, live, connections } = options;
  const [verdict, setVerdict] = useState<ReplayVerdict>();
  const [error, setError] = useState<string>();
  const [updatedAt, setUpdatedAt] = useState<number>();
  const busy = useRef(false);
  const again = useRef(false);

  const refresh = useCallback(() => {
    if (!subscriptionId) return;
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    // The host keeps the choice with the session (the session list and other views see it too).
    void client.call('subscriptions.verdict', { subscriptionId, ids: consecutive ? 'consecutive' : 'off' }).then((result) => {
      busy.current = false;
      if (result.ok) {
        setVerdict(result.value);
        setError(undefined);
        setUpdatedAt(Date.now());
      } else setError(result.error.message);
      if (again.current) {
        again.current = false;
        refresh();
      }
    });
  }, [client, subscriptionId, consecutive]);

  // A new subscription starts without a verdict.
  useEffect(() => {
    setVerdict(undefined);
    setError(undefined);
    setUpdatedAt(undefined);
  }, [subscriptionId]);

  // Now, on every reconnect, on the switch of id scheme, and when the stream ends.
  useEffect(() => {
    refresh();
  }, [refresh, connections, live]);

  useEffect(() => {
    if (!live || !subscriptionId) return;
    const timer = setInterval(refresh, VERDICT_POLL_MS);
    return () => clearInterval(timer);
  }, [live, subscriptionId, refresh]);

  return useMemo(() => ({ verdict, error, updatedAt, refresh }), [verdict, error, updatedAt, refresh]);
}
