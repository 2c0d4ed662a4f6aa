import { useCallback, useEffect, useState } from 'react';
import type { MockStatus, StudioClient } from '../../../shared/api/contract.ts';

/**
 * The mock backend's status, polled: whether it serves this API (the backend actions and the
 * fault panel need it), its active faults and streams.
 */
export interface MockView {
  status: MockStatus | undefined;
  /** The API's backend is this mock. */
  served: boolean;
  /** Why the backend actions are off, in words (undefined when served). */
  reason: string | undefined;
  refresh(): void;
}

export function useMockStatus(client: StudioClient, apiId: string, intervalMs = 3000): MockView {
  const [status, setStatus] = useState<MockStatus>();
  const [error, setError] = useState<string>();

  const refresh = useCallback(() => {
    void client.call('mock.status', {}).then((result) => {
      if (result.ok) {
        setStatus(result.value);
        setError(undefined);
      } else setError(result.error.message);
    });
  }, [client]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, intervalMs);
    return () => clearInterval(timer);
  }, [refresh, intervalMs]);

  const api = status?.apis.find((a) => a.id === apiId);
  const served = Boolean(status && status.state !== 'stopped' && api?.served);
  const reason = served
    ? undefined
    : (error ??
      (!status
        ? 'Reading the mock backend…'
        : status.state === 'stopped'
          ? 'The mock backend is not running.'
          : api?.reason
            ? `The backend is not the mock: ${api.reason}`
            : "This API's backend is not the mock."));
  return { status, served, reason, refresh };
}
