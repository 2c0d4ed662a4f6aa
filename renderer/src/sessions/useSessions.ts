import { useCallback, useEffect, useState } from 'react';
import type { StudioClient, SubscriptionSummary } from '../../../shared/api/contract.ts';

/** The host's sessions, fresh: every 2 s and whenever a subscription changes state. */
export const SESSIONS_POLL_MS = 2000;

export function useSessions(client: StudioClient): { sessions: SubscriptionSummary[]; refresh(): void } {
  const [sessions, setSessions] = useState<SubscriptionSummary[]>([]);
  const refresh = useCallback(() => {
    void client.call('subscriptions.list', {}).then((result) => {
      if (result.ok) setSessions(result.value.subscriptions);
    });
  }, [client]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, SESSIONS_POLL_MS);
    const off = client.onEvent((e) => {
      if (e.type === 'subscription.state') refresh();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, [client, refresh]);
  return { sessions, refresh };
}
