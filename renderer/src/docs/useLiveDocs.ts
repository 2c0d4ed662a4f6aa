import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { DocProblem } from '../../../shared/asyncapi/document-text.ts';
import type { GatewayListeners } from '../../../shared/docs/docs-gateway.ts';
import type { DocsModel } from '../../../shared/docs/docs-model.ts';
import { buildDocs, type EndpointInUse } from './build-docs.ts';

export interface LiveDocs {
  /** The docs of the text, or of the last text that read as an SSE API. */
  model: DocsModel | undefined;
  /** Why the current text gives no docs (the model shown is then the last valid one). */
  problems: DocProblem[];
}

/** Docs that follow a text as it is typed; an unreadable text keeps the last valid docs. */
export function useLiveDocs(text: string | undefined, fileName: string, listeners: GatewayListeners, endpoint: EndpointInUse): LiveDocs {
  // Typing stays responsive: the docs catch up when React has time.
  const deferred = useDeferredValue(text);
  const { http, https } = listeners;
  const { declared, inUse } = endpoint;
  const built = useMemo(() => (deferred === undefined ? undefined : buildDocs(deferred, fileName, { http, https }, { declared, inUse })), [deferred, fileName, http, https, declared, inUse]);
  const [lastValid, setLastValid] = useState<DocsModel>();
  useEffect(() => {
    if (built?.ok) setLastValid(built.model);
  }, [built]);
  if (!built) return { model: undefined, problems: [] };
  return built.ok ? { model: built.model, problems: [] } : { model: lastValid, problems: built.problems };
}
