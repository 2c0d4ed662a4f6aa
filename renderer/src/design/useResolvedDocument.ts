import { useEffect, useState } from 'react';
import type { StudioClient } from '../../../shared/api/contract.ts';

/** The saved document with other files inlined (documents.resolved), or why the host could not give it. */
export type ResolvedDocument = { ok: true; document: unknown } | { ok: false; message: string };

/**
 * Asks the host for the resolved document only while the forms show a schema from another file
 * (`wanted`), and again whenever the host re-read the project (a save, a change on disk).
 */
export function useResolvedDocument(client: StudioClient, id: string, wanted: boolean): ResolvedDocument | undefined {
  const [resolved, setResolved] = useState<ResolvedDocument>();
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    const read = () =>
      void client.call('documents.resolved', { id }).then((result) => {
        if (current) setResolved(result.ok ? { ok: true, document: result.value.document } : { ok: false, message: result.error.message });
      });
    read();
    const stop = client.onEvent((event) => {
      if (event.type === 'apis.changed') read();
    });
    return () => {
      current = false;
      stop();
    };
  }, [client, id, wanted]);
  return wanted ? resolved : undefined;
}
