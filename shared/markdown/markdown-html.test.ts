import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './markdown-html.ts';

describe('markdownToHtml', () => {
  it('renders the subset as HTML', () => {
    expect(markdownToHtml('# Prices\n\nLive **ticks** from *the* `desk`.\n\n- one\n- [docs](https://example.com/a?b=1&c=2)\n\n1. first\n\n```\nevent: <tick>\n```')).toBe(
      '<p class="md-h">Prices</p>' +
        '<p>Live <strong>ticks</strong> from <em>the</em> <code>desk</code>.</p>' +
        '<ul><li>one</li><li><a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">docs</a></li></ul>' +
        '<ol><li>first</li></ol>' +
        '<pre>event: &lt;tick&gt;</pre>',
    );
  });

  it('never turns a description into markup of its own: raw HTML is escaped everywhere', () => {
    const hostile = '<script>alert(1)</script> **<img src=x onerror=alert(2)>** `</code><script>` [<b>x</b>](https://e.com/"onmouseover="alert(3))';
    const html = markdownToHtml(`${hostile}\n\n- ${hostile}\n\n# ${hostile}\n\n\`\`\`\n${hostile}\n\`\`\``);
    expect(html).not.toMatch(/<(script|img|b)[\s>]/i);
    expect(html).not.toMatch(/\sonmouseover=/i);
    expect(html).not.toContain('"onmouseover');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<strong>&lt;img src=x onerror=alert(2)&gt;</strong>');
    expect(html).toContain('href="https://e.com/&quot;onmouseover=&quot;alert(3)"');
  });

  it('makes no link of a javascript: or data: href: its text stays, as text', () => {
    const html = markdownToHtml('[run](javascript:alert(1)) [see](JAVASCRIPT:alert(1)) [page](data:text/html;base64,PHNjcmlwdD4=) [ok](mailto:a@b.c)');
    expect(html).toBe('<p>run see page <a href="mailto:a@b.c" target="_blank" rel="noopener noreferrer">ok</a></p>');
    expect(html).not.toMatch(/javascript|data:/i);
  });
});
