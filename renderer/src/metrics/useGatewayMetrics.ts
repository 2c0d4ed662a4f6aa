import { useEffect, useState } from 'react';
import type { GatewayMetricsRow, StudioClient } from '../../../shared/api/contract.ts';
import { addSample, emptyHistory, seedHistory, type RateHistory } from './rate-history.ts';

/**
 * Polls `gateway.metrics` once a second while the component using it is mounted and the page is
 * visible (the host does not push metrics). One request at a time: the next poll is scheduled when
 * the previous answer is in, so a slow host is never asked twice at once. The chart starts from the
 * host's own record of the last minute (`gateway.rates`), not empty when the tab opens.
 */
export const POLL_MS = 1000;

export interface GatewayMetricsState {
  rows: GatewayMetricsRow[];
  at: number | undefined;
  prometheusUrl: string | null;
  history: RateHistory;
  error: string | undefined;
}

const initial: GatewayMetricsState = { rows: [], at: undefined, prometheusUrl: null, history: emptyHistory, error: undefined };

export function useGatewayMetrics(client: StudioClient, apiId: string): GatewayMetricsState {
  const [state, setState] = useState<GatewayMetricsState>(initial);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;

    const poll = async () => {
      timer = undefined;
      if (stopped || inFlight || document.visibilityState !== 'visible') return;
      inFlight = true;
      const result = await client.call('gateway.metrics', {});
      inFlight = false;
      if (stopped) return;
      if (result.ok) {
        const rows = result.value.rows.filter((r) => r.apiId === apiId);
        const { at, prometheusUrl } = result.value;
        setState((s) => ({ rows, at, prometheusUrl, history: addSample(s.history, at, rows), error: undefined }));
      } else {
        setState((s) => ({ ...s, error: result.error.message }));
      }
      schedule();
    };
    const schedule = () => {
      if (!stopped && timer === undefined) timer = setTimeout(() => void poll(), POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && timer === undefined && !inFlight) void poll();
    };

    void client.call('gateway.rates', { apiId }).then((result) => {
      if (!stopped && result.ok) setState((s) => ({ ...s, history: seedHistory(s.history, result.value.points) }));
    });
    void poll();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [client, apiId]);

  return state;
}
