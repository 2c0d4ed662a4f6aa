import { describe, expect, it } from 'vitest';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { encodeSseMessage, type SseMessage } from '../../../shared/sse/encode.ts';
import { HUGE_EVENT_BYTES } from '../../../shared/model/mock.ts';
import { BOM, malformFrame } from './malform.ts';

const A: SseMessage = { event: 'price', id: '1', data: '{"p":1}' };
const B: SseMessage = { id: '2', data: 'two' };

/** What a spec-correct client (eventsource-parser, fed through a streaming UTF-8 decoder) makes of the bytes. */
function parse(...chunks: Uint8Array[]) {
  const events: EventSourceMessage[] = [];
  const retries: number[] = [];
  const parser = createParser({ onEvent: (e) => events.push(e), onRetry: (r) => retries.push(r) });
  const decoder = new TextDecoder();
  for (const c of chunks) parser.feed(decoder.decode(c, { stream: true }));
  return { events, retries };
}
const bytes = (m: SseMessage) => new TextEncoder().encode(encodeSseMessage(m));
const broken = (m: SseMessage, ...kinds: Parameters<typeof malformFrame>[2]) => malformFrame(encodeSseMessage(m), m, kinds);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('malformFrame', () => {
  it('no kinds: the encoder output, byte for byte', () => {
    expect(broken(A)).toEqual(bytes(A));
  });

  it('bogus-retry: a non-numeric retry line the client ignores; the event still arrives', () => {
    expect(text(broken(A, 'bogus-retry'))).toBe('retry: soon\nevent: price\nid: 1\ndata: {"p":1}\n\n');
    expect(parse(broken(A, 'bogus-retry'), bytes(B))).toEqual({ events: [{ event: 'price', id: '1', data: '{"p":1}' }, { id: '2', event: undefined, data: 'two' }], retries: [] });
  });

  it('missing-blank-line: the event merges with the next one', () => {
    expect(text(broken(A, 'missing-blank-line'))).toBe('event: price\nid: 1\ndata: {"p":1}\n');
    expect(parse(broken(A, 'missing-blank-line'), bytes(B)).events).toEqual([{ event: 'price', id: '2', data: '{"p":1}\ntwo' }]);
  });

  it('cr-line-ends: CR alone ends lines, and the events parse the same', () => {
    expect(text(broken(A, 'cr-line-ends'))).toBe('event: price\rid: 1\rdata: {"p":1}\r\r');
    expect(parse(broken(A, 'cr-line-ends'), broken(B, 'cr-line-ends')).events).toEqual(parse(bytes(A), bytes(B)).events);
  });

  it('a BOM at the start of the stream is stripped by the client', () => {
    expect(parse(BOM, bytes(A)).events).toEqual([{ event: 'price', id: '1', data: '{"p":1}' }]);
  });

  it('huge-event: 1 MiB of data; a JSON object stays JSON', () => {
    const [event] = parse(broken(A, 'huge-event')).events;
    expect(event?.data.length).toBeGreaterThanOrEqual(HUGE_EVENT_BYTES);
    expect(JSON.parse(event?.data ?? '')).toMatchObject({ p: 1, _padding: expect.any(String) });
    const [plain] = parse(broken(B, 'huge-event')).events;
    expect(plain?.data.startsWith('two ')).toBe(true);
    expect(plain?.data.length).toBe(HUGE_EVENT_BYTES);
  });

  it('invalid-utf8: a 0xFF byte after "data: ", decoded by the client as U+FFFD', () => {
    const out = broken(B, 'invalid-utf8');
    expect([...out.subarray(0, 13)]).toEqual([...new TextEncoder().encode('id: 2\ndata: '), 0xff]);
    expect(parse(out).events).toEqual([{ id: '2', event: undefined, data: '\ufffdtwo' }]);
  });
});
