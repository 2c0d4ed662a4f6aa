/**
 * A small, safe subset of CommonMark for AsyncAPI descriptions (which "MAY use CommonMark"):
 * paragraphs, headings, bullet and numbered lists, fenced code, **bold**, *emphasis*, `code` and
 * [links](https://...). It parses to data (no HTML, no DOM): the Docs tab renders it as React
 * elements (renderer/src/widgets/Markdown.tsx) and the exported page as escaped HTML
 * (markdown-html.ts), so raw HTML in a description always shows as text; links are kept only for
 * http(s) and mailto.
 */
export type Inline =
  | { t: 'text'; v: string }
  | { t: 'strong' | 'em'; c: Inline[] }
  | { t: 'code'; v: string }
  | { t: 'link'; href: string; c: Inline[] };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: number; c: Inline[] }
  | { t: 'ul' | 'ol'; items: Inline[][] }
  | { t: 'pre'; v: string };

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ t: 'p', c: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] as string).trim().startsWith(fence[1] as string); i++) body.push(lines[i] as string);
      blocks.push({ t: 'pre', v: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ t: 'h', level: (heading[1] as string).length, c: parseInline(heading[2] as string) });
      continue;
    }
    const list = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : undefined;
    if (list) {
      flush();
      const items: Inline[][] = [];
      for (; i < lines.length && list.test(lines[i] as string); i++) items.push(parseInline(list.exec(lines[i] as string)?.[1] ?? ''));
      i--;
      blocks.push({ t: list === BULLET ? 'ul' : 'ol', items });
      continue;
    }
    if (!line.trim()) flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** Links in descriptions go only to the web or to a mail address: never `javascript:`, `data:`, `file:` ... */
export function isSafeLink(href: string): boolean {
  return SAFE_LINK.test(href);
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const push = (node: Inline) => {
    if (plain) out.push({ t: 'text', v: plain });
    plain = '';
    out.push(node);
  };
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    const code = /^`([^`]+)`/.exec(rest);
    if (code) {
      push({ t: 'code', v: code[1] as string });
      i += code[0].length;
      continue;
    }
    // `_` and `__` only open after and close before a non-word character, as in CommonMark, so
    // snake_case and __names__ inside words stay as they are.
    const strong = /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest) ?? (wordBefore(text, i) ? null : /^__(?=\S)([\s\S]*?\S)__(?!\w)/.exec(rest));
    if (strong) {
      push({ t: 'strong', c: parseInline(strong[1] as string) });
      i += strong[0].length;
      continue;
    }
    const em = /^\*(?=\S)([\s\S]*?\S)\*/.exec(rest) ?? (wordBefore(text, i) ? null : /^_(?=\S)([\s\S]*?\S)_(?!\w)/.exec(rest));
    if (em) {
      push({ t: 'em', c: parseInline(em[1] as string) });
      i += em[0].length;
      continue;
    }
    // The destination may hold balanced parentheses, one level deep: (https://en.wikipedia.org/wiki/SSE_(disambiguation)).
    const link = /^\[([^\]]+)\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))+)>?(?:\s+"[^"]*")?\s*\)/.exec(rest);
    if (link) {
      const href = link[2] as string;
      if (isSafeLink(href)) push({ t: 'link', href, c: parseInline(link[1] as string) });
      else push({ t: 'text', v: link[1] as string });
      i += link[0].length;
      continue;
    }
    plain += text[i];
    i++;
  }
  if (plain) out.push({ t: 'text', v: plain });
  return out;
}

function wordBefore(text: string, i: number): boolean {
  return /\w/.test(text[i - 1] ?? '');
}
