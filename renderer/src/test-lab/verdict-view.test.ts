import { describe, expect, it } from 'vitest';
import { computeReplayVerdict, type StreamLogEntry } from '../../../shared/sse/replay-verdict.ts';
import { lostBefore, replayedIds, viewVerdict } from './verdict-view.ts';

const ev = (id: number, receivedAt: number, connection: number, sentAt?: number): StreamLogEntry => ({
  kind: 'event',
  connection,
  id: String(id),
  receivedAt,
  ...(sentAt !== undefined ? { sentAt } : {}),
});

function log(replay: number[]): StreamLogEntry[] {
  return [
    { kind: 'open', connection: 1, at: 0 },
    ev(1, 100, 1, 99),
    ev(2, 600, 1, 599),
    { kind: 'drop', connection: 1, at: 700, cause: 'client-drop' },
    { kind: 'open', connection: 2, at: 1800, lastEventId: '2', requestedAt: 1790 },
    ...replay.map((id, i) => ev(id, 1801 + i, 2, 1000 + 100 * id)),
    ev(6, 2100, 2, 2099),
  ];
}

describe('verdict view', () => {
  it('is GREEN when the replay brought back what was missed', () => {
    const view = viewVerdict(computeReplayVerdict(log([3, 4, 5]), { truth: { kind: 'consecutive' } }));
    expect(view.status).toBe('GREEN');
    expect(view.lost).toBe('none');
    expect(view.drops).toBe(1);
    expect(view.windows[0]).toMatchObject({ index: 1, cause: 'client drop', awayMs: 1100, lastEventIdSent: '2', missed: '3-5', replayed: '3-5', lost: 'none' });
  });

  it('is RED and names the lost ids when the replay did not come', () => {
    const verdict = computeReplayVerdict(log([]), { truth: { kind: 'consecutive' } });
    const view = viewVerdict(verdict);
    expect(view.status).toBe('RED');
    expect(view.lost).toBe('3-5');
    expect(view.lostCount).toBe(3);
    expect(view.windows[0]?.lost).toBe('3-5');
    expect(view.reasons.join(' ')).toContain('3-5');
    expect(lostBefore(verdict)).toEqual(new Map([['6', { count: 3, ids: '3-5' }]]));
  });

  it('collects the replayed ids for the event rows', () => {
    expect([...replayedIds(computeReplayVerdict(log([3, 4, 5]), { truth: { kind: 'consecutive' } }))]).toEqual(['3', '4', '5']);
    expect(replayedIds(undefined).size).toBe(0);
  });

  it('says what could be checked without source truth', () => {
    expect(viewVerdict(computeReplayVerdict(log([]))).checked).toContain('duplicates and order');
  });

  it('is UNKNOWN (grey) with the reason when a drop could not be checked, and names the rule', () => {
    const view = viewVerdict(computeReplayVerdict(log([])));
    expect(view.status).toBe('UNKNOWN');
    expect(view.unknown[0]).toMatch(/^no source record: 1 drop could not be checked/);
    expect(view.rule).toMatch(/^only what the client saw/);
    expect(view.summary).not.toMatch(/^unknown:/);
    const failed = viewVerdict(computeReplayVerdict([{ kind: 'attempt', at: 0 }, { kind: 'fail', at: 1, status: 401, detail: 'HTTP 401 text/plain: Unauthorized' }]));
    expect(failed).toMatchObject({ status: 'UNKNOWN', unknown: ['not connected: HTTP 401 text/plain: Unauthorized'] });
  });
});
