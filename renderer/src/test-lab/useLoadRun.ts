import { useCallback, useEffect, useState } from 'react';
import type { LoadStatus, StudioClient } from '../../../shared/api/contract.ts';

/** The host's load run (one at a time, any API): start, stop, and its status every second while it runs. */
export interface LoadRunView {
  status: LoadStatus | null | undefined;
  error: string | undefined;
  fieldErrors: Record<string, string>;
  busy: boolean;
  start(params: { apiId: string; topicPath: string; subscribers: number; https: boolean }): Promise<void>;
  stop(): Promise<void>;
}

export const LOAD_POLL_MS = 1000;

export function useLoadRun(client: StudioClient): LoadRunView {
  const [status, setStatus] = useState<LoadStatus | null>();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const poll = useCallback(async () => {
    const result = await client.call('load.status', {});
    if (result.ok) setStatus(result.value);
  }, [client]);

  useEffect(() => {
    void poll();
  }, [poll]);

  const running = status?.running === true;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void poll(), LOAD_POLL_MS);
    return () => clearInterval(timer);
  }, [running, poll]);

  const start = useCallback<LoadRunView['start']>(
    async ({ apiId, topicPath, subscribers, https }) => {
      setBusy(true);
      setError(undefined);
      setFieldErrors({});
      const result = await client.call('load.start', { apiId, topicPath, subscribers, ...(https ? { https: true } : {}) });
      setBusy(false);
      if (result.ok) return setStatus(result.value);
      setError(result.error.message);
      setFieldErrors(Object.fromEntries((result.error.fields ?? []).map((f) => [f.field, f.message])));
    },
    [client],
  );

  const stop = useCallback(async () => {
    setBusy(true);
    const result = await client.call('load.stop', {});
    setBusy(false);
    if (result.ok) setStatus(result.value);
    else setError(result.error.message);
  }, [client]);

  return { status, error, fieldErrors, busy, start, stop };
}
