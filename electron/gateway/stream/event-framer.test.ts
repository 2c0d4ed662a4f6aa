import { describe, expect, it } from 'vitest';
import { everyCut } from '../../../test/support/byte-cuts.ts';
import { createEventFramer } from './event-framer.ts';
import { createParserBlockReader, type BlockMeaning } from './block-reader.ts';

function frame(chunks: Buffer[], max?: number) {
  const blocks: string[] = [];
  const oversize: number[] = [];
  const framer = createEventFramer({ onBlock: (b) => blocks.push(b.toString('latin1')), onOversize: (n) => oversize.push(n) }, max);
  for (const c of chunks) framer.push(c);
  return { blocks, rest: framer.takeRest().toString('latin1'), oversize };
}

/** Glues each lone "\n" block (the LF of a CRLF cut off by a chunk end) back onto the block before. */
function mergeLoneLineFeeds(blocks: string[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b === '\n' && out.length && out[out.length - 1]!.endsWith('\r')) out[out.length - 1] += b;
    else out.push(b);
  }
  return out;
}

const CASES: Array<[string, string, string[], string]> = [
  ['LF', 'id: 1\ndata: a\n\nid: 2\ndata: b\n\n', ['id: 1\ndata: a\n\n', 'id: 2\ndata: b\n\n'], ''],
  ['CRLF', 'data: a\r\n\r\ndata: b\r\n\r\n', ['data: a\r\n\r\n', 'data: b\r\n\r\n'], ''],
  ['CR only', 'data: a\r\rdata: b\r\r', ['data: a\r\r', 'data: b\r\r'], ''],
  ['mixed line ends', 'data: a\r\ndata: b\n\rdata: c\r\n\n', ['data: a\r\ndata: b\n\r', 'data: c\r\n\n'], ''],
  ['comments and retry-only blocks', ': hello\n\nretry: 10\n\ndata: x\n\n', [': hello\n\n', 'retry: 10\n\n', 'data: x\n\n'], ''],
  ['BOM and unknown fields kept', '\xEF\xBB\xBFfoo: bar\ndata: x\n\n', ['\xEF\xBB\xBFfoo: bar\ndata: x\n\n'], ''],
  ['an unfinished event is the rest', 'data: a\n\ndata: partial\n', ['data: a\n\n'], 'data: partial\n'],
  ['leading blank lines are blocks of their own', '\n\ndata: a\n\n', ['\n', '\n', 'data: a\n\n'], ''],
  ['runs of blank lines between LF events', 'data: a\n\n\n\ndata: b\n\n\n', ['data: a\n\n', '\n', '\n', 'data: b\n\n', '\n'], ''],
  ['CRLF events then LF ones', 'data: a\r\n\r\n\ndata: b\n\nid: 3\r\ndata: c\n\n', ['data: a\r\n\r\n', '\n', 'data: b\n\n', 'id: 3\r\ndata: c\n\n'], ''],
];

describe('createEventFramer', () => {
  it.each(CASES)('%s: same blocks wherever the chunks are cut', (_name, text, blocks, rest) => {
    for (const chunks of everyCut(text)) {
      const result = frame(chunks);
      // Blocks plus rest are always the exact input bytes, and nothing complete waits in the rest.
      expect(result.blocks.join('') + result.rest).toBe(text);
      expect(result.rest).toBe(rest);
      // A CRLF cut between its CR and LF passes the LF on as a block of its own, at once.
      expect(mergeLoneLineFeeds(result.blocks)).toEqual(blocks);
    }
  });

  it('gives the documented blocks when the input arrives whole', () => {
    for (const [, text, blocks, rest] of CASES) {
      const result = frame([Buffer.from(text, 'latin1')]);
      expect(result.blocks).toEqual(blocks);
      expect(result.rest).toBe(rest);
    }
  });

  it('keeps multibyte UTF-8 intact across chunk cuts (boundaries are only ever at CR/LF)', () => {
    const text = 'data: 価格 €\n\n';
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 1; i < bytes.length; i++) {
      const blocks: Buffer[] = [];
      const framer = createEventFramer({ onBlock: (b) => blocks.push(b) });
      framer.push(bytes.subarray(0, i));
      framer.push(bytes.subarray(i));
      expect(Buffer.concat(blocks).toString('utf8')).toBe(text);
    }
  });

  it('drops a block over the size cap up to its blank line, and goes on with the next', () => {
    const big = 'data: ' + 'x'.repeat(100) + '\n\n';
    const result = frame([Buffer.from('data: a\n\n' + big + 'data: b\n\n', 'latin1')], 50);
    expect(result.blocks).toEqual(['data: a\n\n', 'data: b\n\n']);
    expect(result.oversize).toEqual([big.length]);
  });

  it('handles a 1 MB event in many chunks', () => {
    const data = 'data: ' + 'y'.repeat(1024 * 1024) + '\n\n';
    const bytes = Buffer.from(data, 'latin1');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 16 * 1024) chunks.push(bytes.subarray(i, i + 16 * 1024));
    const result = frame(chunks);
    expect(result.blocks).toHaveLength(1);
    expect(result.blocks[0]!.length).toBe(bytes.length);
  });
});

describe('meanings read while cutting', () => {
  // Every block shape the LF path reads itself, and ones it must leave to eventsource-parser.
  const STREAM = [
    'id: 1\nevent: tick\ndata: {"n":1}\n\n',
    ': comment\n\n',
    '\n',
    'retry: 2500\n\n',
    'retry: 2500\nid: 2\ndata: with retry\n\n',
    'id:7\ndata:x\ndata\n\n',
    'id: 8\n\n',
    'id\ndata: empty id\n\n',
    'data: ünïcödé ✓\nid: ä\n\n',
    'foo: bar\ndata: unknown field\n\n',
    'retry: soon\ndata: bad retry\n\n',
    'retry\ndata: retry without value\n\n',
    'id: a\0b\ndata: nul\n\n',
    'event:\ndata: empty type\n\n',
    'dataX: 1\ndata : 2\n\n',
  ].join('');

  it('equal what eventsource-parser reads, block by block, wherever the chunks are cut', () => {
    const bytes = Buffer.from(STREAM, 'utf8');
    const expected = frameWithMeanings([bytes]).map(({ block }) => ({ block, meaning: createParserBlockReader()(Buffer.from(block, 'latin1')) }));
    expect(expected.length).toBe(15);
    const cuts = everyCut(bytes);
    let readWhileCutting = 0;
    for (const chunks of cuts) {
      const got = frameWithMeanings(chunks);
      expect(got.map((g) => g.block)).toEqual(expected.map((e) => e.block));
      got.forEach((g, i) => {
        if (g.meaning === undefined) return; // left to the parser
        readWhileCutting++;
        expect(g.meaning, JSON.stringify(g.block)).toEqual(expected[i]!.meaning);
      });
    }
    // The whole stream in one chunk: all but the five unusual blocks are read while cutting.
    expect(frameWithMeanings([bytes]).filter((g) => g.meaning !== undefined)).toHaveLength(10);
    expect(readWhileCutting).toBeGreaterThan(cuts.length * 6);
  });
});

function frameWithMeanings(chunks: Buffer[]) {
  const out: Array<{ block: string; meaning: BlockMeaning | undefined }> = [];
  const framer = createEventFramer({ onBlock: (b, meaning) => out.push({ block: b.toString('latin1'), meaning }) });
  for (const c of chunks) framer.push(c);
  return out;
}
