import type { FaultAction, FaultEntry, FaultPlan, FaultScope, FaultTriggerResult, MockProblem } from '../../shared/model/mock.ts';
import { validateFaultAction, validateFaultPlan, validateFaultScope } from '../../shared/model/mock-validate.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import { FaultPlans, scopeMatches } from './faults/fault-plans.ts';
import type { MockConnection } from './mock-connection.ts';

/**
 * The live fault controls of the mock (`mock.faults`): plans that stay in force until cleared, and
 * one-off actions. Inputs are checked here (they arrive over IPC/HTTP): a wrong value is a Result
 * error naming the field, never an exception.
 */
export interface FaultEffects {
  connections(): Iterable<MockConnection>;
  /** Restarts the whole backend; resolves when it is down (false: it was not listening). */
  restart(downMs: number): Promise<boolean>;
}

export class MockFaults {
  readonly plans = new FaultPlans();

  constructor(private readonly effects: FaultEffects) {}

  /** Puts `plan` in force for `scope` (replacing that scope's live plan); open connections pick it up at once. */
  set(scope: FaultScope, plan: FaultPlan): Result<FaultEntry> {
    const s = validateFaultScope(scope);
    const p = validateFaultPlan(plan);
    const problems = [...prefixed('scope', s.problems), ...prefixed('plan', p.problems)];
    if (problems.length) return invalid(problems);
    this.plans.setLive(s.value, p.value);
    this.refresh();
    return ok({ scope: s.value, plan: p.value, source: 'live' });
  }

  /** Does `action` now: drop or stall the connections in `scope`, or restart the whole backend. */
  async trigger(scope: FaultScope, action: FaultAction): Promise<Result<FaultTriggerResult>> {
    const s = validateFaultScope(scope);
    const a = validateFaultAction(action);
    const problems = [...prefixed('scope', s.problems), ...prefixed('action', a.problems)];
    if (problems.length || !a.value) return invalid(problems);
    const act = a.value;
    const targets = [...this.effects.connections()].filter((c) => !c.isClosed && scopeMatches(s.value, c.target));
    switch (act.type) {
      case 'drop':
        for (const c of targets) c.drop();
        return ok({ action: 'drop', affected: targets.length });
      case 'stall':
        for (const c of targets) c.stall(act.ms);
        return ok({ action: 'stall', affected: targets.length });
      case 'restart': {
        const all = [...this.effects.connections()].filter((c) => !c.isClosed).length;
        if (!(await this.effects.restart(act.downMs))) return fail('mock_not_listening', 'The mock backend is not listening (stopped, or already restarting): wait until it is back, then restart it again.');
        return ok({ action: 'restart', affected: all });
      }
    }
  }

  /** Removes the plans inside `scope` (document ones too, until the API changes) and ends stalls there. */
  clear(scope: FaultScope = {}): Result<{ cleared: number; released: number }> {
    const s = validateFaultScope(scope);
    if (s.problems.length) return invalid(prefixed('scope', s.problems));
    const cleared = this.plans.clear(s.value);
    let released = 0;
    for (const c of this.effects.connections()) {
      if (!scopeMatches(s.value, c.target)) continue;
      if (c.isStalled) released++;
      c.release();
    }
    this.refresh();
    return ok({ cleared, released });
  }

  list(): FaultEntry[] {
    return this.plans.list();
  }

  /** Lets every open connection see the current plans. */
  refresh(): void {
    for (const c of this.effects.connections()) c.refreshPlan();
  }
}

function prefixed(root: string, problems: MockProblem[]): MockProblem[] {
  return problems.map((p) => ({ path: [root, ...p.path], message: p.message }));
}

function invalid(problems: MockProblem[]) {
  return fail(
    'invalid_fault',
    problems.map((p) => p.message).join(' '),
    problems.map((p) => ({ field: p.path.join('.'), message: p.message })),
  );
}
