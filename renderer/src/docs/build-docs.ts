import type { DocProblem } from '../../../shared/asyncapi/document-text.ts';
import { docsGatewayFor, type GatewayListeners } from '../../../shared/docs/docs-gateway.ts';
import type { DocsModel } from '../../../shared/docs/docs-model.ts';
import { docsSourceFromText } from '../../../shared/docs/docs-source.ts';
import { readDocsModel } from '../../../shared/docs/read-docs-model.ts';
import { renderDocsModel } from '../../../shared/docs/render-html-docs.ts';

/** The saved API's endpoint and where the host really streams it from (the running mock, say). */
export interface EndpointInUse {
  declared: string;
  inUse: string;
}

export type BuiltDocs = { ok: true; model: DocsModel } | { ok: false; problems: DocProblem[] };

/**
 * The docs of a document's text as it stands (saved or not): its clean export read as docs, with
 * the gateway's URLs. A text that does not read as an SSE API gives its problems instead.
 */
export function buildDocs(text: string, fileName: string, listeners: GatewayListeners, endpoint?: EndpointInUse): BuiltDocs {
  const source = docsSourceFromText(text, fileName);
  if (!source.ok) return { ok: false, problems: source.problems };
  // The host streams from the mock wherever it runs; an endpoint edited since the save is shown as typed.
  const backend = endpoint && source.api.endpoint === endpoint.declared ? endpoint.inUse : source.api.endpoint;
  return { ok: true, model: readDocsModel(source.cleanDocument, docsGatewayFor(source.api, listeners, backend)) };
}

/** The HTML docs file of a document's text, and its name (`stock-ticker-1.0.0.docs.html`). */
export function htmlDocsFile(text: string, fileName: string, listeners: GatewayListeners, generator: string, endpoint?: EndpointInUse): { ok: true; html: string; name: string } | { ok: false; problems: DocProblem[] } {
  const built = buildDocs(text, fileName, listeners, endpoint);
  if (!built.ok) return built;
  const slug = `${built.model.title}-${built.model.version}`.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'api';
  return { ok: true, html: renderDocsModel(built.model, { generator }), name: `${slug}.docs.html` };
}
