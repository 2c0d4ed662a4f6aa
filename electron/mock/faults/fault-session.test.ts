import { describe, expect, it } from 'vitest';
import type { FaultPlan } from '../../../shared/model/mock.ts';
import { createFaultSession, decideConnect, SSE_CONTENT_TYPE } from './fault-session.ts';

/** Randomness that answers from a list, then 0.5. */
const scripted = (...values: number[]) => () => values.shift() ?? 0.5;
const session = (plan: FaultPlan, random = scripted(), now = () => 1000) => createFaultSession(plan, { random, now });

/** Runs n events through a session: what the connection would do. */
function run(plan: FaultPlan, n: number, random = scripted()) {
  const s = session(plan, random);
  const log: string[] = [s.open().type];
  for (let i = 0; i < n && log.at(-1) !== 'drop'; i++) {
    const before = s.beforeEvent();
    if (before.type === 'drop') {
      log.push('drop');
      break;
    }
    log.push('send');
    log.push(s.afterEvent().type);
  }
  return log.filter((x) => x !== 'continue');
}

describe('decideConnect', () => {
  it('a stream by default', () => {
    expect(decideConnect({})).toEqual({ type: 'stream', contentType: SSE_CONTENT_TYPE, bom: false });
  });
  it('a chosen status with its body; 204 never has one', () => {
    expect(decideConnect({ status: { code: 503, body: 'maintenance' } })).toEqual({ type: 'status', code: 503, body: 'maintenance' });
    expect(decideConnect({ status: { code: 500 } })).toEqual({ type: 'status', code: 500, body: '' });
    expect(decideConnect({ status: { code: 204, body: 'ignored' } })).toEqual({ type: 'status', code: 204, body: '' });
  });
  it('the wrong content type, and a BOM first', () => {
    expect(decideConnect({ contentType: 'application/json' })).toMatchObject({ type: 'stream', contentType: 'application/json' });
    expect(decideConnect({ malform: { kinds: ['bom'] } })).toMatchObject({ type: 'stream', bom: true });
  });
});

describe('createFaultSession', () => {
  it('no faults: every event is sent at once, unchanged', () => {
    const s = session({});
    expect(s.open()).toEqual({ type: 'continue' });
    for (let i = 0; i < 5; i++) {
      expect(s.beforeEvent()).toEqual({ type: 'send', delayMs: 0, malform: [] });
      expect(s.afterEvent()).toEqual({ type: 'continue' });
    }
    expect(s.dropAt()).toBeUndefined();
  });

  it('drop after 3 events: three are sent, then the drop', () => {
    expect(run({ drop: { afterEvents: 3 } }, 10)).toEqual(['send', 'send', 'send', 'drop']);
  });

  it('drop after 0 events: at once', () => {
    expect(run({ drop: { afterEvents: 0 } }, 10)).toEqual(['drop']);
  });

  it('drop every T ms: the cut is due T ms after the session started', () => {
    expect(session({ drop: { everyMs: 250 } }, scripted(), () => 10_000).dropAt()).toBe(10_250);
  });

  it('drop with probability p: before an event whose draw is under p', () => {
    expect(run({ drop: { probability: 0.3 } }, 10, scripted(0.9, 0.5, 0.29))).toEqual(['send', 'send', 'drop']);
    expect(run({ drop: { probability: 0 } }, 5, scripted(0, 0, 0, 0, 0))).toEqual(['send', 'send', 'send', 'send', 'send']);
    expect(run({ drop: { probability: 1 } }, 5)).toEqual(['drop']);
  });

  it('stall after N events for T ms (once); at once when N is 0; until cleared without ms', () => {
    const s = session({ stall: { afterEvents: 2, ms: 700 } });
    expect(s.open()).toEqual({ type: 'continue' });
    s.beforeEvent();
    expect(s.afterEvent()).toEqual({ type: 'continue' });
    s.beforeEvent();
    expect(s.afterEvent()).toEqual({ type: 'stall', ms: 700 });
    s.beforeEvent();
    expect(s.afterEvent()).toEqual({ type: 'continue' });
    expect(session({ stall: {} }).open()).toEqual({ type: 'stall', ms: undefined });
  });

  it('latency ± jitter per event, never negative', () => {
    const s = session({ latency: { ms: 100, jitterMs: 40 } }, scripted(0, 1, 0.5));
    expect([s.beforeEvent(), s.beforeEvent(), s.beforeEvent()].map((d) => d.type === 'send' && d.delayMs)).toEqual([60, 140, 100]);
    const low = session({ latency: { ms: 10, jitterMs: 50 } }, scripted(0));
    expect(low.beforeEvent()).toMatchObject({ delayMs: 0 });
  });

  it('malformed frames on every Nth event; the BOM is not a per-event fault', () => {
    const s = session({ malform: { kinds: ['cr-line-ends', 'bom'], everyEvents: 2 } });
    const kinds = Array.from({ length: 4 }, () => {
      const d = s.beforeEvent();
      s.afterEvent();
      return d.type === 'send' ? d.malform : [];
    });
    expect(kinds).toEqual([[], ['cr-line-ends'], [], ['cr-line-ends']]);
  });
});
