import { curlCommand } from '../snippets/curl-command.ts';
import { eventSourceSnippet } from '../snippets/eventsource-snippet.ts';
import { describeGatewaySecurity } from './describe-security.ts';
import type { DocsExample, DocsGateway, DocsMessage, DocsModel, DocsTopic } from './docs-model.ts';
import { markdownToHtml } from '../markdown/markdown-html.ts';
import { escapeHtml as h } from './escape-html.ts';
import { DOCS_CONTENT_SECURITY_POLICY, DOCS_SCRIPT, DOCS_STYLE } from './html-docs-assets.ts';
import { readDocsModel } from './read-docs-model.ts';
import { reconnectNote } from './reconnect-note.ts';
import { schemaRows } from './schema-rows.ts';

export interface HtmlDocsOptions {
  /** Printed in the footer: who made the page (e.g. `SSE Studio 0.1.0`). */
  generator?: string;
}

/**
 * One self-contained HTML page documenting an API: the `clean` export of its document (parsed) and
 * where the gateway serves it. Inline CSS and one inline script (copy buttons), no external
 * resource; every text from the document is escaped, and the page's CSP forbids any other script
 * and any fetch.
 */
export function renderHtmlDocs(cleanDocument: unknown, gateway: DocsGateway, options: HtmlDocsOptions = {}): string {
  return renderDocsModel(readDocsModel(cleanDocument, gateway), options);
}

export function renderDocsModel(model: DocsModel, options: HtmlDocsOptions = {}): string {
  const ids = idMaker();
  const body = [
    `<header><h1>${h(model.title)}<span class="badge">v${h(model.version)}</span><span class="badge">AsyncAPI ${h(model.asyncapi)}</span><span class="badge">Server-Sent Events</span></h1>`,
    model.description ? md(model.description) : '',
    '</header>',
    '<h2>Security</h2>',
    `<p data-section="security">${h(describeGatewaySecurity(model.security))}</p>`,
    model.schemes.length
      ? `<table><thead><tr><th>Scheme in the document</th><th>Type</th><th>Where</th><th>Description</th></tr></thead><tbody>${model.schemes
          .map((s) => `<tr><td class="mono">${h(s.name)}</td><td>${h(s.type)}</td><td>${h(s.detail ?? '')}</td><td class="text">${h(s.description ?? '')}</td></tr>`)
          .join('')}</tbody></table>`
      : '',
    model.replay ? `<h2>How to reconnect</h2><div class="note" data-section="reconnect">${reconnectNote(model.replay).map((line) => `<p>${h(line)}</p>`).join('')}</div>` : '',
    `<h2>Topics <span class="badge">${model.topics.length}</span></h2>`,
    model.topics.length ? model.topics.map((t) => topicHtml(t, model, ids)).join('\n') : '<p class="muted">The document has no topics.</p>',
    `<footer>Generated${options.generator ? ` by ${h(options.generator)}` : ''} from the API's clean AsyncAPI export: no gateway settings, no secrets.</footer>`,
  ].join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(DOCS_CONTENT_SECURITY_POLICY)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(model.title)} ${h(model.version)}: SSE API docs</title>`,
    `<style>${DOCS_STYLE}</style>`,
    '</head>',
    '<body>',
    `<main>\n${body}\n</main>`,
    `<script>${DOCS_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function topicHtml(topic: DocsTopic, model: DocsModel, ids: () => string): string {
  const urls = (['http', 'https'] as const).map((transport) => {
    const url = transport === 'http' ? topic.httpUrl : topic.httpsUrl;
    if (!url) return `<div class="url"><span class="proto ${transport}">${transport.toUpperCase()}</span><span class="muted">off</span></div>`;
    const id = ids();
    return `<div class="url"><span class="proto ${transport}">${transport.toUpperCase()}</span><code id="${id}" data-url="${transport}">${h(url)}</code><button type="button" data-copy="${id}">Copy</button></div>`;
  });
  const snippetUrl = topic.httpUrl ?? topic.httpsUrl;
  return [
    `<section class="topic" data-topic="${h(topic.path)}">`,
    `<h3>${h(topic.path)}</h3>`,
    topic.description ? md(topic.description) : '',
    ...urls,
    flowHtml(topic),
    topic.parameters.length
      ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>Description</th><th>Schema</th></tr></thead><tbody>${topic.parameters
          .map((p) => `<tr><td class="mono">${h(p.name)}</td><td>${p.description ? md(p.description) : ''}</td><td class="mono">${p.schema === undefined ? '' : h(JSON.stringify(p.schema))}</td></tr>`)
          .join('')}</tbody></table>`
      : '',
    `<h4>Messages</h4>`,
    topic.messages.length ? topic.messages.map((m) => messageHtml(m)).join('\n') : '<p class="muted">No message is described.</p>',
    snippetUrl ? snippetsHtml(snippetUrl, model, ids) : '',
    '</section>',
  ].join('\n');
}

function flowHtml(topic: DocsTopic): string {
  const events = topic.messages.map((m) => m.name).join(', ') || 'events';
  const gateway = topic.httpUrl ?? topic.httpsUrl ?? 'not served';
  return [
    '<div class="flow" role="img" aria-label="Event flow" data-flow>',
    '<div class="node"><b>Client</b>EventSource / curl</div>',
    '<div class="arrow">GET →</div>',
    `<div class="node"><b>Gateway</b><span class="mono">${h(gateway)}</span></div>`,
    `<div class="arrow">⟵ ${h(events)}</div>`,
    `<div class="node"><b>Backend</b><span class="mono">${h(topic.backendUrl ?? 'the API\u2019s endpoint')}</span></div>`,
    '</div>',
  ].join('');
}

function messageHtml(message: DocsMessage): string {
  const rows = schemaRows(message.payload);
  return [
    `<div class="message" data-message="${h(message.name)}">`,
    `<p><span class="mono">event: ${h(message.name)}</span>${message.title ? ` <b>${h(message.title)}</b>` : ''}${message.contentType ? `<span class="badge">${h(message.contentType)}</span>` : ''}</p>`,
    message.summary ? `<p class="text">${h(message.summary)}</p>` : '',
    message.description ? md(message.description) : '',
    rows.length
      ? `<table data-payload-table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr></thead><tbody>${rows
          .map((r) => `<tr><td class="mono">${h(r.name)}</td><td class="mono">${h(r.type)}</td><td>${r.required ? 'yes' : ''}</td><td class="text">${h([r.description, r.constraints].filter(Boolean).join(' · '))}</td></tr>`)
          .join('')}</tbody></table>`
      : '',
    message.payload !== undefined ? `<details${rows.length ? '' : ' open'}><summary>Payload schema</summary><pre data-payload-schema>${h(json(message.payload))}</pre></details>` : '',
    message.headers !== undefined ? `<details><summary>Headers schema</summary><pre>${h(json(message.headers))}</pre></details>` : '',
    ...message.examples.map((e) => exampleHtml(e)),
    '</div>',
  ].join('\n');
}

function exampleHtml(example: DocsExample): string {
  const label = example.generated ? 'Example (made from the schema)' : `Example${example.name ? `: ${example.name}` : ''}`;
  return `<p class="muted">${h(label)}${example.summary ? ` — ${h(example.summary)}` : ''}</p><pre data-example>${h(typeof example.payload === 'string' ? example.payload : json(example.payload))}</pre>`;
}

function snippetsHtml(url: string, model: DocsModel, ids: () => string): string {
  const curlId = ids();
  const jsId = ids();
  return [
    '<h4>Subscribe</h4>',
    `<pre id="${curlId}" data-snippet="curl">${h(curlCommand(url, model.security))}</pre><button type="button" data-copy="${curlId}">Copy curl</button>`,
    `<details><summary>EventSource (JavaScript)</summary><pre id="${jsId}" data-snippet="eventsource">${h(eventSourceSnippet(url, model.security))}</pre><button type="button" data-copy="${jsId}">Copy snippet</button></details>`,
  ].join('\n');
}

/** A description from the document: AsyncAPI allows CommonMark there (a safe subset, escaped; see markdown-html.ts). */
function md(text: string): string {
  return `<div class="md">${markdownToHtml(text)}</div>`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined';
}

function idMaker(): () => string {
  let n = 0;
  return () => `copy-${++n}`;
}
