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

/**
 * The last docs shown per document, kept while the tab is closed: a text broken in the Design tab
 * still shows the docs of its last valid state when the Docs tab opens again. One entry per document
 * of the session, replaced each time.
 */
const lastValidDocs = new Map<string, DocsModel>();

/**
 * Docs that follow a text as it is typed; an unreadable text keeps the last valid docs, else the
 * docs of `fallbackText` (the saved file).
 */
export function useLiveDocs(text: string | undefined, fallbackText: string | undefined, fileName: string, listeners: GatewayListeners, endpoint: EndpointInUse, cacheKey: string = fileName): LiveDocs {
  // Typing stays responsive: the docs catch up when React has time.
  const deferred = useDeferredValue(text);
  const { http, https } = listeners;
  const { declared, inUse } = endpoint;
  const built = useMemo(() => (deferred === undefined ? undefined : buildDocs(deferred, fileName, { http, https }, { declared, inUse })), [deferred, fileName, http, https, declared, inUse]);
  const [lastValid, setLastValid] = useState<DocsModel | undefined>(() => lastValidDocs.get(cacheKey));
  useEffect(() => {
    if (!built?.ok) return;
    lastValidDocs.set(cacheKey, built.model);
    setLastValid(built.model);
  }, [built, cacheKey]);
  const fallback = useMemo(() => {
    if (built?.ok !== false || lastValid || fallbackText === undefined) return undefined;
    const saved = buildDocs(fallbackText, fileName, { http, https }, { declared, inUse });
    return saved.ok ? saved.model : undefined;
  }, [built, lastValid, fallbackText, fileName, http, https, declared, inUse]);
  if (!built) return { model: undefined, problems: [] };
  return built.ok ? { model: built.model, problems: [] } : { model: lastValid ?? fallback, problems: built.problems };
}
