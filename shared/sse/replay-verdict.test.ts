import { describe, expect, it } from 'vitest';
import { computeReplayVerdict, formatIds, type DropCause, type StreamLogEntry } from './replay-verdict.ts';
import { gatewayGapText, sourceGapText } from './gap-notice.ts';

/** Builds the log a client would record: live events 100 ms apart, a replay as a 1 ms burst. */
class Stream {
  readonly log: StreamLogEntry[] = [];
  private t = 1_000_000;
  private connection = 0;

  open(lastEventId?: string): this {
    this.log.push({ kind: 'open', connection: ++this.connection, at: this.t, lastEventId });
    return this;
  }
  live(...ids: Array<string | number | undefined>): this {
    for (const id of ids) this.event(id, 100);
    return this;
  }
  replay(...ids: Array<string | number>): this {
    for (const id of ids) this.event(id, 1);
    return this;
  }
  drop(cause: DropCause = 'client-drop', awayMs = 1000): this {
    this.log.push({ kind: 'drop', connection: this.connection, at: this.t, cause });
    this.t += awayMs;
    return this;
  }
  sourceDrop(detail = 'backend restarted'): this {
    this.log.push({ kind: 'source-drop', at: this.t, detail });
    return this;
  }
  /** An event carrying its send time (e.g. a JSON `time` field). */
  sent(id: string, sentAt: number, afterMs = 100): this {
    this.t += afterMs;
    this.log.push({ kind: 'event', connection: this.connection, id, receivedAt: this.t, sentAt });
    return this;
  }
  get now(): number {
    return this.t;
  }
  private event(id: string | number | undefined, afterMs: number): void {
    this.t += afterMs;
    this.log.push({ kind: 'event', connection: this.connection, id: id === undefined ? undefined : String(id), type: 'message', receivedAt: this.t });
  }
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const ids = (from: number, to: number) => range(from, to).map(String);
const consecutive = { truth: { kind: 'consecutive' } } as const;

describe('replay verdict', () => {
  it('clean reconnect: the missed events come back by replay before live ones — green', () => {
    const s = new Stream().open().live(...range(1, 5)).drop().open('5').replay(...range(6, 15)).live(...range(16, 20));
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.status).toBe('green');
    expect(v.reasons).toEqual([]);
    expect(v.windows).toHaveLength(1);
    expect(v.windows[0]).toMatchObject({ kind: 'reconnect', cause: 'client-drop', eventsBefore: 5, lastIdBefore: '5', lastEventIdSent: '5', missed: ids(6, 15), missedCount: 10, replayed: ids(6, 15), firstLiveId: '16', lost: [], duplicated: [], outOfOrder: [] });
    expect(v.windows[0]!.resumedAt! - v.windows[0]!.droppedAt).toBe(1000);
    expect(v.counts).toMatchObject({ events: 20, connections: 2, drops: 1, missed: 10, replayed: 10, lost: 0 });
    expect(v.summary).toBe('green: 20 events, 1 drop, 10 replayed; nothing lost, duplicated or out of order');
  });

  it('gap: nothing replayed after the reconnect — red, naming the lost ids', () => {
    const s = new Stream().open().live(...range(1, 5)).drop('server-closed').open('5').live(...range(16, 20));
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.status).toBe('red');
    expect(v.lost).toEqual(ids(6, 15));
    expect(v.windows[0]).toMatchObject({ missed: ids(6, 15), replayed: [], lost: ids(6, 15), lostCount: 10 });
    expect(v.reasons).toEqual(['drop 1 (server closed the stream): 10 events lost, never received: 6-15']);
    expect(v.summary).toMatch(/^red: 10 lost/);
  });

  it('replay partially missing: the oldest missed events were past the history — red for those only', () => {
    const s = new Stream().open().live(...range(1, 5)).drop().open('5').replay(...range(9, 15)).live(16, 17);
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.status).toBe('red');
    expect(v.windows[0]).toMatchObject({ missed: ids(6, 15), replayed: ids(9, 15), lost: ['6', '7', '8'] });
    expect(v.reasons[0]).toMatch(/3 events lost, never received: 6-8$/);
  });

  it('duplicates across the seam: the replay starts before the Last-Event-ID — red', () => {
    const s = new Stream().open().live(...range(1, 5)).drop().open('5').replay(3, 4, 5, 6, 7).live(8, 9);
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.status).toBe('red');
    expect(v.windows[0]?.duplicated).toEqual(['3', '4', '5']);
    expect(v.windows[0]?.replayed).toEqual(['6', '7']);
    expect(v.whileConnected.duplicated).toEqual([]);
    expect(v.counts.duplicated).toBe(3);
    expect(v.reasons).toEqual(['drop 1 (client drop): received twice across the seam: 3-5']);
  });

  it('reordering in the replay: late ids are out of order, not lost', () => {
    const s = new Stream().open().live(...range(1, 5)).drop().open('5').replay(6, 8, 7, 9).live(10);
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.status).toBe('red');
    expect(v.lost).toEqual([]);
    expect(v.windows[0]?.outOfOrder).toEqual(['7']);
    expect(v.reasons).toEqual(['drop 1 (client drop): out of order at the seam: 7']);
  });

  it('reordering while connected is reported outside any drop', () => {
    const v = computeReplayVerdict(new Stream().open().live(1, 3, 2, 4).log, consecutive);
    expect(v.whileConnected.outOfOrder).toEqual(['2']);
    expect(v.lost).toEqual([]);
    expect(v.status).toBe('red');
  });

  it('id reset: the source restarted its numbering after the reconnect — a new epoch, not 5 duplicates', () => {
    const s = new Stream().open().live(...range(1, 5)).drop().open('5').live(1, 2, 3);
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.status).toBe('green');
    expect(v.resets).toEqual([expect.objectContaining({ how: 'numbering-restarted', fromId: '5', toId: '1' })]);
    expect(v.windows[0]?.resets).toEqual(['1']);
    expect(v.windows[0]?.missed).toBeNull();
    expect(v.notes.join('\n')).toMatch(/Ids restarted at 1 after 5/);
  });

  it('an empty `id:` resets the last event id: ids after it are compared afresh', () => {
    const s = new Stream().open().live(1, 2, 3, '').drop().open().live(1, 2, 3);
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.status).toBe('green');
    expect(v.resets).toEqual([expect.objectContaining({ how: 'empty-id', fromId: '3', toId: '' })]);
    expect(v.windows[0]?.lastEventIdSent).toBeNull();
    expect(v.notes.join('\n')).toMatch(/empty `id:` reset the last event id after 3/);
  });

  it('events without ids: nothing can be checked, and the verdict says why', () => {
    const s = new Stream().open().live(undefined, undefined, undefined).drop('network-error').open().live(undefined, undefined);
    const v = computeReplayVerdict(s.log, consecutive);
    // Issue 10: a drop that could not be checked is not green — it is unknown, with the reason.
    expect(v.status).toBe('unknown');
    expect(v.unknown.join('\n')).toMatch(/^no ids: the events carry no id, so 1 drop cannot be checked/);
    expect(v.scheme).toBe('none');
    expect(v.checked).toEqual({ lost: false, duplicates: false, order: false });
    expect(v.counts).toMatchObject({ events: 5, withoutId: 5, drops: 1 });
    expect(v.notes.join('\n')).toMatch(/No event carried an id: nothing can be checked/);
    expect(v.summary).toMatch(/^unknown: no ids/);
  });

  it('some events without ids are skipped and counted; the rest is checked', () => {
    const s = new Stream().open().live(1, undefined, 2, undefined, 4);
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.counts.withoutId).toBe(2);
    expect(v.lost).toEqual(['3']);
    expect(v.notes.join('\n')).toMatch(/2 events had no id/);
  });

  it('non-numeric ids without truth: only duplicates (and the order repeats come in) can be checked', () => {
    const s = new Stream().open().live('a', 'b', 'c').drop().open('c').replay('c', 'b').live('d');
    const v = computeReplayVerdict(s.log);
    expect(v.scheme).toBe('opaque');
    expect(v.checked).toEqual({ lost: false, duplicates: true, order: false });
    expect(v.windows[0]?.duplicated).toEqual(['c', 'b']);
    expect(v.windows[0]?.outOfOrder).toEqual(['b']);
    expect(v.windows[0]?.missed).toBeNull();
    expect(v.notes.join('\n')).toMatch(/only duplicates .* lost events and order cannot/);
  });

  it('non-numeric ids with the source truth: lost ids are named', () => {
    const truth = { kind: 'ids', ids: ['a', 'b', 'c', 'd', 'e', 'f'] } as const;
    const s = new Stream().open().live('a', 'b').drop().open('b').live('e', 'f');
    const v = computeReplayVerdict(s.log, { truth });
    expect(v.scheme).toBe('truth');
    expect(v.windows[0]).toMatchObject({ missed: ['c', 'd'], lost: ['c', 'd'] });
    expect(computeReplayVerdict(new Stream().open().live('a', 'x').log, { truth }).unexpected).toEqual(['x']);
  });

  it('numeric ids with gaps and no truth: the gaps are not called lost', () => {
    const s = new Stream().open().live(10, 20, 30).drop().open('30').live(50, 60);
    const v = computeReplayVerdict(s.log);
    expect(v.scheme).toBe('numeric');
    // Issue 10: without a record or the numeric-id rule the drop is unchecked: unknown, not green.
    expect(v.status).toBe('unknown');
    expect(v.rule).toBe('client-only');
    expect(v.unknown.join('\n')).toMatch(/no source record: 1 drop could not be checked for lost events/);
    expect(v.checked).toEqual({ lost: false, duplicates: true, order: true });
    expect(v.notes.join('\n')).toMatch(/a gap is not counted as lost/);
    expect(computeReplayVerdict(s.log, consecutive).lost).toHaveLength(9 + 9 + 19 + 9);
  });

  it('consecutive with a step (one symbol of a shared counter): a missing step is lost, an off-step id is unexpected', () => {
    const truth = { kind: 'consecutive', step: 4 } as const;
    const s = new Stream().open().live(1, 5, 9).drop().open('9').live(17, 21);
    const v = computeReplayVerdict(s.log, { truth });
    expect(v.windows[0]).toMatchObject({ missed: ['13'], lost: ['13'] });
    expect(computeReplayVerdict(new Stream().open().live(2, 6, 7).log, { truth }).unexpected).toEqual(['7']);
    expect(computeReplayVerdict(new Stream().open('9').live(13).log, { truth }).status).toBe('green');
  });

  it('a backend drop behind the gateway (no reconnect seen) gets its own window', () => {
    const s = new Stream().open().live(1, 2, 3).sourceDrop('mock restarted').live(7, 8);
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.windows[0]).toMatchObject({ kind: 'source', cause: 'source-drop', lastIdBefore: '3', missed: ['4', '5', '6'], lost: ['4', '5', '6'], replayed: [], firstLiveId: '7' });
    expect(v.reasons[0]).toMatch(/^drop 1 \(mock restarted\): 3 events lost/);
    expect(v.whileConnected.lostCount).toBe(0);
  });

  it('a gap with no drop at all is lost while connected', () => {
    const v = computeReplayVerdict(new Stream().open().live(1, 2, 6, 7).log, consecutive);
    expect(v.whileConnected).toMatchObject({ lost: ['3', '4', '5'], lostCount: 3 });
    expect(v.reasons[0]).toMatch(/3 events lost while connected/);
  });

  it('starts from the initial Last-Event-ID: later ids are expected, that id itself is a duplicate', () => {
    expect(computeReplayVerdict(new Stream().open('10').live(11, 12).log, consecutive).status).toBe('green');
    expect(computeReplayVerdict(new Stream().open('10').live(13).log, consecutive).lost).toEqual(['11', '12']);
    expect(computeReplayVerdict(new Stream().open('10').live(10, 11).log, consecutive).duplicated).toEqual(['10']);
  });

  it('uses the events\' own send time, when they carry one, to tell replayed from live', () => {
    const s = new Stream().open().live(1, 2).drop();
    const requestedAt = s.now;
    s.open('2').sent('3', requestedAt - 500, 300).sent('4', requestedAt - 400, 300).sent('5', requestedAt + 1);
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.windows[0]).toMatchObject({ replayed: ['3', '4'], firstLiveId: '5', missed: ['3', '4'] });
  });

  it('a drop that never reconnected is a window without a seam', () => {
    const v = computeReplayVerdict(new Stream().open().live(1, 2).drop().log, consecutive);
    expect(v.windows[0]).toMatchObject({ resumedAt: undefined, eventsBefore: 2 });
    expect(v.notes.join('\n')).toMatch(/Drop 1 had not reconnected/);
  });

  it('keeps id lists bounded and counts exact', () => {
    const s = new Stream().open().live(1, 100_001);
    const v = computeReplayVerdict(s.log, { ...consecutive, maxListed: 50 });
    expect(v.counts.lost).toBe(99_999);
    expect(v.lost).toHaveLength(50);
    expect(v.notes.join('\n')).toMatch(/cut at 50/);
  });
});

describe('replay verdict: unknown, records and gaps announced at the source (issue 10)', () => {
  it('a 401 before any connection opened is unknown, with the reason', () => {
    const log: StreamLogEntry[] = [
      { kind: 'attempt', at: 1 },
      { kind: 'fail', at: 2, status: 401, detail: 'HTTP 401 text/plain: Unauthorized: missing API key (not an event stream: no reconnect)' },
    ];
    const v = computeReplayVerdict(log, consecutive);
    expect(v.status).toBe('unknown');
    expect(v.unknown).toEqual(['not connected: HTTP 401 text/plain: Unauthorized: missing API key (not an event stream: no reconnect)']);
    expect(v.summary).toMatch(/^unknown: not connected: HTTP 401/);
  });

  it('a stream that died after a 503 on its reconnect is unknown (dead stream), and keeps the Last-Event-ID it tried', () => {
    const s = new Stream().open().live(1, 2, 3).drop('server-closed');
    s.log.push({ kind: 'attempt', at: s.now, lastEventId: '3' }, { kind: 'fail', at: s.now + 1, status: 503, detail: 'HTTP 503 text/plain: maintenance (not an event stream: no reconnect)' });
    const v = computeReplayVerdict(s.log, consecutive);
    expect(v.status).toBe('unknown');
    expect(v.unknown[0]).toMatch(/^dead stream: HTTP 503/);
    expect(v.windows[0]!.lastEventIdSent).toBe('3');
    expect(v.lastEventIdSent).toBe('3');
  });

  it('nothing open yet is unknown, not green', () => {
    expect(computeReplayVerdict([]).status).toBe('unknown');
  });

  it('the mock\'s record names the ids produced while the client was away and never delivered — red, rule mock-record', () => {
    // Replay off, resume off: the reconnect starts at the live edge.
    const s = new Stream().open().live(1, 2, 3).drop().open('3').live(8, 9).drop().open('9').live(14);
    const record = { kind: 'record', source: 'mock', segments: [{ ids: ids(1, 14), complete: true }] } as const;
    const v = computeReplayVerdict(s.log, { truth: record });
    expect(v.status).toBe('red');
    expect(v.rule).toBe('mock-record');
    expect(v.lost).toEqual([...ids(4, 7), ...ids(10, 13)]);
    expect(v.windows.map((w) => w.lost)).toEqual([ids(4, 7), ids(10, 13)]);
    expect(v.reasons[0]).toMatch(/drop 1 \(client drop\): 4 events lost, never received: 4-7/);
  });

  it('non-numeric ids with the mock\'s record: a clean resume is green, every drop checked', () => {
    const uu = ['a', 'b', 'c', 'd', 'e', 'f'];
    const s = new Stream().open().live('a', 'b').drop().open('b').replay('c', 'd').live('e', 'f');
    const v = computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'mock', segments: [{ ids: uu, complete: true }] } });
    expect(v.status).toBe('green');
    expect(v.unknown).toEqual([]);
  });

  it('a record that forgot its start does not call older ids unexpected', () => {
    const s = new Stream().open().live(1, 2, 3, 4, 5, 6);
    const v = computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'mock', segments: [{ ids: ids(4, 6), complete: false }] } });
    expect(v.counts.unexpected).toBe(0);
    expect(v.status).toBe('green');
    expect(v.notes.join('\n')).toMatch(/3 events came before the start of the source's record/);
  });

  it('a drop the record does not reach back to is unknown, not green', () => {
    const s = new Stream().open().live(1, 2, 3).drop().open('3').live(9, 10);
    const v = computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'gateway', segments: [{ ids: ids(9, 10), complete: false }] } });
    expect(v.status).toBe('unknown');
    expect(v.unknown).toEqual(["no source record for drop 1: the source's record does not reach back to it"]);
  });

  it('a restarted mock (a second segment numbering afresh) is judged against its own run', () => {
    const s = new Stream().open().live(1, 2, 3).sourceDrop('backend drop: the mock backend restarted').live(1, 2, 4);
    const v = computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'mock', segments: [{ ids: ids(1, 3), complete: true }, { ids: ids(1, 4), complete: true }] } });
    expect(v.counts.duplicated).toBe(0);
    expect(v.lost).toEqual(['3']);
    expect(v.status).toBe('red');
  });

  it('a gap the gateway announces is lost at the source, a category of its own', () => {
    const s = new Stream().open().live(1, 2, 3);
    s.log.push({ kind: 'gap', at: s.now + 1, connection: 1, detail: sourceGapText('3', '7', 3) });
    s.live(7, 8);
    const named = computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'gateway', segments: [{ ids: ids(1, 8), complete: true }] } });
    expect(named.status).toBe('red');
    expect(named.lost).toEqual(ids(4, 6));
    expect(named.lostAtSource).toMatchObject({ ids: ids(4, 6), count: 3 });
    expect(named.reasons.join('\n')).toMatch(/3 events lost while connected .*: 4-6 — all lost at the source: the backend did not resume/);
    expect(named.summary).toMatch(/^red: 3 lost \(3 at the source\)/);
    const unnamed = computeReplayVerdict(s.log);
    expect(unnamed.status).toBe('red');
    expect(unnamed.reasons.join('\n')).toMatch(/lost at the source \(the backend did not resume\): the gateway announced 1 gap/);
  });

  it('a gap notice the ids contradict (they follow on) is a note, not a loss', () => {
    const s = new Stream().open().live(1, 2, 3);
    s.log.push({ kind: 'gap', at: s.now + 1, connection: 1, detail: sourceGapText('3', '3', undefined) });
    s.live(4, 5);
    const v = computeReplayVerdict(s.log);
    expect(v.status).toBe('green');
    expect(v.notes.join('\n')).toMatch(/but the ids on either side follow on/);
  });

  it('a gap the gateway\'s own history caused is lost at the gateway, not at the source', () => {
    const s = new Stream().open().live(1, 2).drop().open('2');
    s.log.push({ kind: 'gap', at: s.now + 1, connection: 2, detail: gatewayGapText('2', 'older') });
    s.live(9, 10);
    const v = computeReplayVerdict(s.log);
    expect(v.status).toBe('red');
    expect(v.reasons.join('\n')).toMatch(/^lost at the gateway \(its replay history did not reach back\)/m);
    expect(computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'mock', segments: [{ ids: ids(1, 10), complete: true }] } })).toMatchObject({ status: 'red', lost: ids(3, 8), lostAtSource: { count: 0 } });
  });

  it('the gateway\'s record: what it received while connected; a reconnect to the backend it cannot vouch for is unknown', () => {
    const uu = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const s = new Stream().open().live('a', 'b').drop().open('b').replay('c', 'd').live('e');
    const clean = computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'gateway', segments: [{ ids: uu, complete: false }] } });
    expect(clean).toMatchObject({ status: 'green', rule: 'gateway-record' });
    expect(clean.ruleWords).toMatch(/gateway's record/);
    const resumed = computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'gateway', segments: [{ ids: uu, complete: false, resumedAfter: ['c'] }] } });
    expect(resumed.status).toBe('unknown');
    expect(resumed.unknown.join('\n')).toMatch(/reconnected to the backend after id c and the ids do not show whether the backend resumed/);
    // Numeric ids that follow on across the reconnect show the backend resumed.
    const n = new Stream().open().live(1, 2, 3, 4);
    expect(computeReplayVerdict(n.log, { truth: { kind: 'record', source: 'gateway', segments: [{ ids: ids(1, 4), complete: false, resumedAfter: ['2'] }] } }).status).toBe('green');
  });

  it('a gap the gateway announces that its own record cannot name is still red', () => {
    const s = new Stream().open().live(1, 2, 3);
    s.log.push({ kind: 'gap', at: s.now + 1, connection: 1, detail: sourceGapText('3', '9', 5) });
    s.live(9, 10);
    const v = computeReplayVerdict(s.log, { truth: { kind: 'record', source: 'gateway', segments: [{ ids: ['1', '2', '3', '9', '10'], complete: false, resumedAfter: ['3'] }] } });
    expect(v.status).toBe('red');
    expect(v.reasons.join('\n')).toMatch(/lost at the source \(the backend did not resume\): the gateway announced .*its record cannot name events it never received/);
  });

  it('the numeric-id rule says it was used', () => {
    const v = computeReplayVerdict(new Stream().open().live(1, 2).drop().open('2').live(5).log, consecutive);
    expect(v.rule).toBe('numeric-ids');
    expect(v.ruleWords).toMatch(/numeric-id rule \(turned on\)/);
    expect(v.lost).toEqual(['3', '4']);
  });
});

describe('formatIds', () => {
  it('folds numeric runs and cuts long lists', () => {
    expect(formatIds(['1', '2', '3', '5', '7', '8'])).toBe('1-3, 5, 7, 8');
    expect(formatIds(['a', 'b'])).toBe('a, b');
    expect(formatIds(ids(1, 3), 10)).toBe('1-3, ... (10 in all)');
    expect(formatIds(['17', '21', '25', '29', '40'])).toBe('17-29 by 4, 40');
    expect(formatIds(['5', '3', '1', 'x', 'y', 'z'], 6, 2)).toBe('5, 3, ... (6 in all)');
  });
});
