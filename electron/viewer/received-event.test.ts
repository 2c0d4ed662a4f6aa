import { describe, expect, it } from 'vitest';
import { sentAtOf, toReceivedEvent } from './received-event.ts';

describe('send time from the payload (best effort)', () => {
  const at = Date.parse('2025-01-02T03:04:05.678Z');
  it.each([
    ['ISO `time`', '{"symbol":"ACME","time":"2025-01-02T03:04:05.678Z"}', at],
    ['epoch-ms `sentAt`', `{"sentAt":${at}}`, at],
    ['epoch-ms string', `{"sentAt":"${at}"}`, at],
    ['`sentAt` wins over `time`', `{"time":"1999-01-01T00:00:00Z","sentAt":${at}}`, at],
    ['leading spaces', `  {"time":"2025-01-02T03:04:05.678Z"}`, at],
  ])('reads %s', (_name, data, expected) => expect(sentAtOf(data)).toBe(expected));

  it.each([
    ['not JSON', 'hello'],
    ['an array', `[${at}]`],
    ['a counter, not a time', '{"time":42}'],
    ['a date without time', '{"time":"2025-01-02"}'],
    ['broken JSON', '{"time":'],
    ['a huge payload', `{"time":"2025-01-02T03:04:05Z","pad":"${'x'.repeat(70_000)}"}`],
  ])('ignores %s', (_name, data) => expect(sentAtOf(data)).toBeUndefined());
});

describe('received event', () => {
  it('defaults the type to message, measures the frame and copies at most maxRawBytes of it', () => {
    const frame = Buffer.from('id: 1\ndata: {"sentAt":1700000000000}\n\n');
    const event = toReceivedEvent({ id: '1', data: '{"sentAt":1700000000000}' }, { frame, receivedAt: 1_700_000_000_250, lastEventId: '1', connection: 2, maxRawBytes: 10 });
    expect(event).toMatchObject({ id: '1', type: 'message', size: frame.length, sentAt: 1_700_000_000_000, latencyMs: 250, rawTruncated: true, connection: 2 });
    expect(event.raw.toString()).toBe('id: 1\ndata');
    frame.fill(0); // a copy: the socket's chunk may be reused or kept alive otherwise
    expect(event.raw.toString()).toBe('id: 1\ndata');
  });
});
