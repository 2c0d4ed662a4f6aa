import { describe, expect, it } from 'vitest';
import { createByteInspector } from './byte-inspector.ts';

const feed = (...chunks: Array<string | number[]>) => {
  const inspector = createByteInspector();
  for (const c of chunks) inspector.feed(typeof c === 'string' ? new TextEncoder().encode(c) : Uint8Array.from(c));
  return inspector.findings();
};

describe('byte inspector', () => {
  it('a CRLF split across chunks is one line end, not a CR-only one', () => {
    expect(feed('data: a\r', '\n\r\n').crOnlyLines).toBe(0);
  });

  it('counts CR-only line ends', () => {
    expect(feed('data: a\r\rdata: b\r\r').crOnlyLines).toBe(4);
  });

  it('a BOM at the very start is fine; one split across chunks later is found with its offset', () => {
    expect(feed([0xef, 0xbb, 0xbf], 'data: a\n\n').midStreamBom.count).toBe(0);
    expect(feed('data: a\n\n', [0xef], [0xbb, 0xbf], 'data: b\n\n').midStreamBom).toEqual({ count: 1, firstOffset: 9 });
  });

  it('a multibyte character split across chunks is valid UTF-8; a 0xFF byte is not', () => {
    const euro = [...new TextEncoder().encode('data: €\n\n')];
    expect(feed(euro.slice(0, 7), euro.slice(7)).invalidUtf8.count).toBe(0);
    expect(feed('data: a', [0xff], '\n\n').invalidUtf8).toEqual({ count: 1, firstOffset: 7 });
  });

  it('finds non-numeric retry values and events merged for want of a blank line', () => {
    const f = feed('retry: 10s\nretry: 300\n\nevent: a\ndata: 1\nevent: b\ndata: 2\n\n');
    expect(f.badRetry).toEqual(['10s']);
    expect(f.mergedEvents.count).toBe(1);
  });

  it('data lines and a second data line in one block are not a merge', () => {
    expect(feed('event: a\nid: 1\ndata: 1\ndata: 2\n\nid: 2\ndata: 3\n\n').mergedEvents.count).toBe(0);
  });
});
