import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './parse-markdown.ts';

describe('parseMarkdown', () => {
  it('reads paragraphs, headings, lists and fenced code', () => {
    expect(parseMarkdown('# Prices\n\nLive **ticks**\nfrom the desk.\n\n- one\n- `two`\n\n1. first\n2. second\n\n```\nevent: tick\n```')).toEqual([
      { t: 'h', level: 1, c: [{ t: 'text', v: 'Prices' }] },
      { t: 'p', c: [{ t: 'text', v: 'Live ' }, { t: 'strong', c: [{ t: 'text', v: 'ticks' }] }, { t: 'text', v: '\nfrom the desk.' }] },
      { t: 'ul', items: [[{ t: 'text', v: 'one' }], [{ t: 'code', v: 'two' }]] },
      { t: 'ol', items: [[{ t: 'text', v: 'first' }], [{ t: 'text', v: 'second' }]] },
      { t: 'pre', v: 'event: tick' },
    ]);
  });

  it('keeps raw HTML as text and drops links that are not http(s) or mailto', () => {
    expect(parseInline('<img src=x onerror=alert(1)> [x](javascript:void) [docs](https://example.com)')).toEqual([
      { t: 'text', v: '<img src=x onerror=alert(1)> ' },
      { t: 'text', v: 'x' },
      { t: 'text', v: ' ' },
      { t: 'link', href: 'https://example.com', c: [{ t: 'text', v: 'docs' }] },
    ]);
  });

  it('reads emphasis without breaking snake_case words', () => {
    expect(parseInline('*fast* and _slow_ but not snake_case_name')).toEqual([
      { t: 'em', c: [{ t: 'text', v: 'fast' }] },
      { t: 'text', v: ' and ' },
      { t: 'em', c: [{ t: 'text', v: 'slow' }] },
      { t: 'text', v: ' but not snake_case_name' },
    ]);
  });

  it('keeps underscores inside words: `window.__pwned = 1 ... window.__pwned` is no emphasis', () => {
    const text = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
    expect(parseInline(text)).toEqual([{ t: 'text', v: text }]);
    expect(parseInline('__MAX__ and a__b__c')).toEqual([{ t: 'strong', c: [{ t: 'text', v: 'MAX' }] }, { t: 'text', v: ' and a__b__c' }]);
  });

  it('drops javascript:, data: and other schemes whatever their case, keeping the link text', () => {
    for (const href of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd', '//evil.example', 'vbscript:x']) {
      expect(parseInline(`[click](${href})`)).toEqual([{ t: 'text', v: 'click' }]);
    }
    expect(parseInline('[SSE](https://en.wikipedia.org/wiki/SSE_(x)).')).toEqual([{ t: 'link', href: 'https://en.wikipedia.org/wiki/SSE_(x)', c: [{ t: 'text', v: 'SSE' }] }, { t: 'text', v: '.' }]);
    expect(parseInline('[mail](mailto:ops@example.com)')).toEqual([{ t: 'link', href: 'mailto:ops@example.com', c: [{ t: 'text', v: 'mail' }] }]);
  });
});
