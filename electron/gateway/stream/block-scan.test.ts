import { describe, expect, it } from 'vitest';
import { scanBlock } from './block-scan.ts';
import { createParserBlockReader } from './block-reader.ts';

const BLOCKS = [
  'id: 1\ndata: one\n\n',
  'id: 1\nevent: tick\ndata: {"n":1}\n\n',
  'event: tick\ndata: a\ndata: b\n\n',
  'data\n\n',
  'data:\n\n',
  'id:\ndata: reset\n\n',
  'id:7\ndata:x\n\n',
  'id: 7\n\n',
  ': comment only\n\n',
  ':\n\n',
  'retry: 2500\n\n',
  'retry: 2500\nid: 3\ndata: with retry\n\n',
  'data: ünïcödé ✓\nid: ä\n\n',
  'id: a:b:c\ndata: colons: in: value\n\n',
  'event:\ndata: empty type\n\n',
];
const FALLBACK = ['id: 1\r\ndata: crlf\r\n\r\n', '\ufeffdata: bom\n\n', 'id: a\0b\ndata: nul\n\n', 'foo: bar\ndata: x\n\n', 'retry: soon\ndata: x\n\n', 'data: one\n\ndata: two\n\n', 'data: unterminated'];

describe('scanBlock', () => {
  it.each(BLOCKS)('reads %j as eventsource-parser does', (text) => {
    const block = Buffer.from(text);
    expect(scanBlock(block)).toEqual(createParserBlockReader()(block));
  });

  it.each(FALLBACK)('leaves %j to eventsource-parser', (text) => {
    expect(scanBlock(Buffer.from(text))).toBeUndefined();
  });
});
