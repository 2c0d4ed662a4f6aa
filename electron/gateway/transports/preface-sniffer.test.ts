import { describe, expect, it } from 'vitest';
import { HTTP2_PREFACE, prefaceVerdict } from './preface-sniffer.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('prefaceVerdict', () => {
  it('is h2c for the whole 24-byte preface, and for the preface followed by frames', () => {
    expect(HTTP2_PREFACE.length).toBe(24);
    expect(prefaceVerdict(HTTP2_PREFACE)).toBe('h2c');
    expect(prefaceVerdict(Buffer.concat([HTTP2_PREFACE, Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0])]))).toBe('h2c');
  });

  it('waits while what arrived is a prefix of the preface (split across packets)', () => {
    expect(prefaceVerdict(Buffer.alloc(0))).toBe('need-more');
    expect(prefaceVerdict(bytes('P'))).toBe('need-more');
    expect(prefaceVerdict(bytes('PRI * HTTP/2.0\r\n\r\nSM\r\n\r'))).toBe('need-more');
  });

  it('decides HTTP/1 at the first byte that differs, without waiting for 24', () => {
    expect(prefaceVerdict(bytes('G'))).toBe('http1');
    expect(prefaceVerdict(bytes('PO'))).toBe('http1');
    expect(prefaceVerdict(bytes('PUT / HTTP/1.1\r\n'))).toBe('http1');
  });

  it('treats a near-miss in the last byte as HTTP/1', () => {
    expect(prefaceVerdict(bytes('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\r'))).toBe('http1');
  });
});
