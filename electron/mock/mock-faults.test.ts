import { describe, expect, it } from 'vitest';
import { MockFaults } from './mock-faults.ts';
import type { MockConnection } from './mock-connection.ts';

/** A stand-in connection that records what the fault controls ask of it. */
function fakeConnection(apiId: string | undefined, topic: string) {
  const calls: string[] = [];
  let stalled = false;
  const c = {
    target: { apiId, topic },
    isClosed: false,
    get isStalled() {
      return stalled;
    },
    drop: () => calls.push('drop'),
    stall: (ms?: number) => {
      stalled = true;
      calls.push(`stall ${ms ?? 'until cleared'}`);
    },
    release: () => {
      stalled = false;
      calls.push('release');
    },
    refreshPlan: () => calls.push('refresh'),
  };
  return { connection: c as unknown as MockConnection, calls };
}

function setup(restartResult = true) {
  const a = fakeConnection('stocks', '/prices');
  const b = fakeConnection(undefined, '/counter');
  const restarts: number[] = [];
  const faults = new MockFaults({
    connections: () => [a.connection, b.connection],
    restart: async (ms) => {
      restarts.push(ms);
      return restartResult;
    },
  });
  return { faults, a, b, restarts };
}

describe('MockFaults (decisions of the live controls)', () => {
  it('drop now reaches only the connections in scope', async () => {
    const { faults, a, b } = setup();
    expect(await faults.trigger({ apiId: 'stocks' }, { type: 'drop' })).toEqual({ ok: true, value: { action: 'drop', affected: 1 } });
    expect(a.calls).toEqual(['drop']);
    expect(b.calls).toEqual([]);
  });

  it('stall now, for T ms or until cleared; clear releases and counts the stalled ones', async () => {
    const { faults, a, b } = setup();
    await faults.trigger({}, { type: 'stall', ms: 300 });
    await faults.trigger({ topic: '/counter' }, { type: 'stall' });
    expect(a.calls).toEqual(['stall 300']);
    expect(b.calls).toEqual(['stall 300', 'stall until cleared']);
    expect(faults.clear({ topic: '/counter' })).toEqual({ ok: true, value: { cleared: 0, released: 1 } });
    expect(b.calls.slice(-2)).toEqual(['release', 'refresh']);
  });

  it('restart: the whole backend whatever the scope; an error when it is not listening', async () => {
    const ok = setup();
    expect(await ok.faults.trigger({ apiId: 'stocks' }, { type: 'restart', downMs: 2000 })).toEqual({ ok: true, value: { action: 'restart', affected: 2 } });
    expect(ok.restarts).toEqual([2000]);
    const down = setup(false);
    expect(await down.faults.trigger({}, { type: 'restart', downMs: 10 })).toMatchObject({ ok: false, error: { code: 'mock_not_listening' } });
  });

  it('set puts a plan in force and lets open connections see it; list shows it', () => {
    const { faults, a } = setup();
    expect(faults.set({ topic: '/prices' }, { drop: { afterEvents: 3 } })).toEqual({ ok: true, value: { scope: { topic: '/prices' }, plan: { drop: { afterEvents: 3 } }, source: 'live' } });
    expect(a.calls).toEqual(['refresh']);
    expect(faults.plans.planFor(a.connection.target)).toEqual({ drop: { afterEvents: 3 } });
    expect(faults.list()).toHaveLength(1);
  });

  it('wrong input: a Result error with a field per problem', async () => {
    const { faults } = setup();
    expect(faults.set({}, { latency: { ms: -5 } })).toMatchObject({ ok: false, error: { code: 'invalid_fault', fields: [{ field: 'plan.latency.ms' }] } });
    expect(faults.clear({ apiId: 7 } as never)).toMatchObject({ ok: false, error: { fields: [{ field: 'scope.apiId' }] } });
    expect(await faults.trigger({}, { type: 'stall', ms: 0 })).toMatchObject({ ok: false, error: { fields: [{ field: 'action.ms' }] } });
  });
});
