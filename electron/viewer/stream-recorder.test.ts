import { describe, expect, it } from 'vitest';
import { StreamRecorder } from './stream-recorder.ts';
import type { ReceivedEvent } from './received-event.ts';

const event = (id: string, connection = 1, receivedAt = 0): ReceivedEvent => ({ id, lastEventId: id, type: 'message', data: id, size: 1, receivedAt, raw: Buffer.alloc(0), rawTruncated: false, connection });

describe('stream recorder', () => {
  it('turns the subscriber timeline into opens (with the Last-Event-ID sent and when it was asked) and drops', () => {
    const r = new StreamRecorder();
    r.timeline({ state: 'connecting', at: 1, detail: '', connection: 0 });
    r.timeline({ state: 'open', at: 2, detail: '', connection: 1 });
    r.event(event('1', 1, 3));
    r.timeline({ state: 'error', at: 4, detail: 'dropped', connection: 1, dropped: 'client-drop' });
    r.timeline({ state: 'waiting', at: 4, detail: '', connection: 1, delayMs: 10 });
    r.timeline({ state: 'reconnecting', at: 14, detail: '', connection: 1, lastEventId: '1' });
    r.timeline({ state: 'error', at: 15, detail: 'refused', connection: 1 }); // never opened: no drop
    r.timeline({ state: 'reconnecting', at: 25, detail: '', connection: 1, lastEventId: '1' });
    r.timeline({ state: 'open', at: 26, detail: '', connection: 2, lastEventId: '1' });
    r.sourceDrop('backend restarted', 30);
    r.timeline({ state: 'notice', at: 31, detail: 'gap: 4 events lost at the source', connection: 2, gap: true });
    r.timeline({ state: 'failed', at: 40, detail: 'HTTP 503 text/plain: maintenance', connection: 2, status: 503 });
    // Every attempt with the Last-Event-ID it sent is in the one log the verdict reads (issue 10).
    expect(r.log).toEqual([
      { kind: 'attempt', at: 1, lastEventId: undefined },
      { kind: 'open', connection: 1, at: 2, lastEventId: undefined, requestedAt: 1 },
      { kind: 'event', connection: 1, id: '1', type: 'message', receivedAt: 3, sentAt: undefined },
      { kind: 'drop', connection: 1, at: 4, cause: 'client-drop', detail: 'dropped' },
      { kind: 'attempt', at: 14, lastEventId: '1' },
      { kind: 'attempt', at: 25, lastEventId: '1' },
      { kind: 'open', connection: 2, at: 26, lastEventId: '1', requestedAt: 25 },
      { kind: 'source-drop', at: 30, detail: 'backend restarted' },
      { kind: 'gap', at: 31, connection: 2, detail: 'gap: 4 events lost at the source' },
      { kind: 'fail', at: 40, detail: 'HTTP 503 text/plain: maintenance', status: 503 },
    ]);
    expect(r.verdict().counts).toMatchObject({ connections: 2, drops: 2, events: 1 });
  });

  it('is bounded: forgets the oldest tenth past its limit, and the verdict says so', () => {
    const r = new StreamRecorder(100);
    for (let n = 1; n <= 150; n++) r.event(event(String(n)));
    expect(r.log.length).toBeLessThanOrEqual(100);
    expect(r.events).toBe(150);
    expect(r.verdict().notes.join('\n')).toMatch(/The first \d+ log entries were forgotten/);
  });
});
