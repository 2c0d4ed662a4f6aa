import { describe, expect, it } from 'vitest';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { encodeSseComment, encodeSseMessage, SseFieldError } from './encode.ts';

function parseAll(text: string): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e) });
  parser.feed(text);
  return events;
}

describe('encodeSseMessage', () => {
  it('frames event, id, retry and data in that order, ending with a blank line', () => {
    expect(encodeSseMessage({ event: 'price', id: '7', retry: 1500, data: '{"a":1}' })).toBe('event: price\nid: 7\nretry: 1500\ndata: {"a":1}\n\n');
  });
  it('splits multi-line data on LF, CRLF and CR so a client gets the same text back (with LF)', () => {
    const frame = encodeSseMessage({ data: 'one\r\ntwo\rthree\nfour' });
    expect(frame).toBe('data: one\ndata: two\ndata: three\ndata: four\n\n');
    expect(parseAll(frame)[0]?.data).toBe('one\ntwo\nthree\nfour');
  });
  it('keeps empty data and data that looks like a field', () => {
    expect(parseAll(encodeSseMessage({ data: '' }))[0]?.data).toBe('');
    expect(parseAll(encodeSseMessage({ data: 'id: 99\nevent: x' }))).toEqual([{ id: undefined, event: undefined, data: 'id: 99\nevent: x' }]);
  });
  it.each([
    ['id', { id: '1\nevent: admin', data: 'x' }],
    ['id', { id: '1\r', data: 'x' }],
    ['event', { event: 'a\ndata: forged', data: 'x' }],
    ['event', { event: 'a\rb', data: 'x' }],
  ])('refuses a line break in %s (field injection)', (field, message) => {
    expect(() => encodeSseMessage(message)).toThrow(SseFieldError);
    expect(() => encodeSseMessage(message)).toThrow(new RegExp(`SSE ${field}`));
  });
  it('refuses NUL in id and a bogus retry', () => {
    expect(() => encodeSseMessage({ id: 'a\0b', data: 'x' })).toThrow(/NUL/);
    expect(() => encodeSseMessage({ retry: -1, data: 'x' })).toThrow(/retry/);
    expect(() => encodeSseMessage({ retry: 1.5, data: 'x' })).toThrow(/retry/);
  });
  it('round-trips through eventsource-parser', () => {
    const events = parseAll(encodeSseMessage({ id: 'a', event: 'e1', data: 'd1' }) + encodeSseComment('hb') + encodeSseMessage({ data: 'd2' }));
    expect(events).toEqual([
      { id: 'a', event: 'e1', data: 'd1' },
      { id: undefined, event: undefined, data: 'd2' },
    ]);
  });
});

describe('encodeSseComment', () => {
  it('writes a comment clients ignore', () => {
    expect(encodeSseComment('heartbeat')).toBe(': heartbeat\n\n');
    expect(encodeSseComment()).toBe(':\n\n');
    expect(() => encodeSseComment('a\nb')).toThrow(SseFieldError);
  });
});
