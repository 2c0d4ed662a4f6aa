import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProjectView, StudioClient } from '../../../shared/api/contract.ts';

/** The project's APIs and problems, re-read whenever the host says they changed. */
export interface ProjectState {
  view: ProjectView | undefined;
  error: string | undefined;
  refresh(): Promise<void>;
}

export function useProject(client: StudioClient): ProjectState {
  const [view, setView] = useState<ProjectView>();
  const [error, setError] = useState<string>();
  // Answers can arrive out of order; only the latest request may set the state.
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const request = ++latest.current;
    const result = await client.call('apis.list', {});
    if (request !== latest.current) return;
    if (result.ok) {
      setView(result.value);
      setError(undefined);
    } else {
      setError(result.error.message);
    }
  }, [client]);

  useEffect(() => {
    void refresh();
    return client.onEvent((event) => {
      if (event.type === 'apis.changed') void refresh();
    });
  }, [client, refresh]);

  return { view, error, refresh };
}
