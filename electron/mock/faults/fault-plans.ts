import { isEmptyPlan, mergeFaultPlans, type FaultEntry, type FaultPlan, type FaultScope } from '../../../shared/model/mock.ts';

/**
 * Which fault plans are in force, and for which streams. Two layers: document plans (a topic's
 * `x-mock.faults`, replaced when the API changes) and live plans (set through the API, one per
 * scope). A stream's plan merges, key by key: its document plan, then live plans from the widest
 * scope to the narrowest (all < one API or one topic < that API's topic), later ones winning.
 * `version` changes on every change so connections know to look again.
 */
export interface FaultTarget {
  /** undefined for built-in streams. */
  apiId: string | undefined;
  topic: string;
}

export function scopeMatches(scope: FaultScope, target: FaultTarget): boolean {
  return (scope.apiId === undefined || scope.apiId === target.apiId) && (scope.topic === undefined || scope.topic === target.topic);
}

/** `inner` lies inside `outer`: every field `outer` sets, `inner` sets to the same value. */
export function scopeWithin(inner: FaultScope, outer: FaultScope): boolean {
  return (outer.apiId === undefined || outer.apiId === inner.apiId) && (outer.topic === undefined || outer.topic === inner.topic);
}

const keyOf = (scope: FaultScope) => JSON.stringify([scope.apiId ?? null, scope.topic ?? null]);
const width = (scope: FaultScope) => (scope.apiId === undefined ? 0 : 1) + (scope.topic === undefined ? 0 : 1);

export class FaultPlans {
  private readonly documentPlans = new Map<string, { scope: Required<FaultScope>; plan: FaultPlan }>();
  private readonly livePlans = new Map<string, { scope: FaultScope; plan: FaultPlan }>();
  private changes = 0;

  get version(): number {
    return this.changes;
  }

  /** Replaces the document plans of one API (its topics' `x-mock.faults`). */
  setDocument(apiId: string, plans: Array<{ topic: string; plan: FaultPlan }>): void {
    this.removeDocument(apiId);
    for (const { topic, plan } of plans) if (!isEmptyPlan(plan)) this.documentPlans.set(keyOf({ apiId, topic }), { scope: { apiId, topic }, plan });
    this.changes++;
  }

  removeDocument(apiId: string): void {
    for (const [key, entry] of this.documentPlans) if (entry.scope.apiId === apiId) this.documentPlans.delete(key);
    this.changes++;
  }

  /** Sets the live plan of exactly this scope (an empty plan removes it). */
  setLive(scope: FaultScope, plan: FaultPlan): void {
    const key = keyOf(scope);
    this.livePlans.delete(key); // re-inserted last: a plan set later wins among equally wide scopes
    if (!isEmptyPlan(plan)) this.livePlans.set(key, { scope: { ...scope }, plan });
    this.changes++;
  }

  /** Removes every plan (document and live) inside `scope`; returns how many. */
  clear(scope: FaultScope): number {
    let removed = 0;
    for (const map of [this.documentPlans, this.livePlans] as Array<Map<string, { scope: FaultScope }>>) {
      for (const [key, entry] of map) {
        if (scopeWithin(entry.scope, scope)) {
          map.delete(key);
          removed++;
        }
      }
    }
    this.changes++;
    return removed;
  }

  planFor(target: FaultTarget): FaultPlan {
    const plans: FaultPlan[] = [];
    const own = this.documentPlans.get(keyOf({ apiId: target.apiId ?? '', topic: target.topic }));
    if (own && target.apiId !== undefined) plans.push(own.plan);
    const live = [...this.livePlans.values()].filter((e) => scopeMatches(e.scope, target));
    live.sort((a, b) => width(a.scope) - width(b.scope)); // stable: equal widths keep their order
    plans.push(...live.map((e) => e.plan));
    return mergeFaultPlans(plans);
  }

  list(): FaultEntry[] {
    return [
      ...[...this.documentPlans.values()].map((e) => ({ scope: { ...e.scope }, plan: e.plan, source: 'document' as const })),
      ...[...this.livePlans.values()].map((e) => ({ scope: { ...e.scope }, plan: e.plan, source: 'live' as const })),
    ];
  }
}
