import { escapeHtml as h } from '../docs/escape-html.ts';
import { isSafeLink, parseMarkdown, type Block, type Inline } from './parse-markdown.ts';

/**
 * A description in Markdown (the safe subset of parse-markdown.ts) as an HTML string, for pages
 * made as text (the exported HTML docs). Only the tags written here are markup: every text and
 * every href from the description is escaped, so raw HTML in it shows as text, and a link is an
 * `<a>` only for http(s) and mailto (parse-markdown drops any other).
 */
export function markdownToHtml(text: string): string {
  return parseMarkdown(text).map(blockHtml).join('');
}

function blockHtml(block: Block): string {
  switch (block.t) {
    case 'p':
      return `<p>${inlineHtml(block.c)}</p>`;
    case 'h':
      // A heading in a description stays out of the page's outline: a bold line, as in the Docs tab.
      return `<p class="md-h">${inlineHtml(block.c)}</p>`;
    case 'pre':
      return `<pre>${h(block.v)}</pre>`;
    default:
      return `<${block.t}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${block.t}>`;
  }
}

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.t) {
        case 'text':
          return h(node.v);
        case 'strong':
          return `<strong>${inlineHtml(node.c)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(node.c)}</em>`;
        case 'code':
          return `<code>${h(node.v)}</code>`;
        case 'link':
          // Checked again here: this string becomes markup, so it must not trust its input's origin.
          if (!isSafeLink(node.href)) return inlineHtml(node.c);
          return `<a href="${h(node.href)}" target="_blank" rel="noopener noreferrer">${inlineHtml(node.c)}</a>`;
      }
    })
    .join('');
}
