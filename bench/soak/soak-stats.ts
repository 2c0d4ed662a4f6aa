/**
 * What one client of a soak cell got, against what the source produced: every id from the first one
 * the client received to the target id is expected once, in order. A lost id is split by whether
 * the backend ever wrote it to a connection (reached the gateway) or never did (lost at the source:
 * produced while the backend was unreachable or had no connection).
 */
export interface ClientTally {
  expected: number;
  received: number;
  lostNeverReachedGateway: number;
  lostReachedGateway: number;
  duplicated: number;
  outOfOrder: number;
  /** A few ids lost after reaching the gateway, for the report. */
  lostSample: number[];
}

export function tally(ids: readonly number[], target: number, delivered: ReadonlySet<number>): ClientTally {
  const first = ids[0];
  if (first === undefined) return { expected: 0, received: 0, lostNeverReachedGateway: 0, lostReachedGateway: 0, duplicated: 0, outOfOrder: 0, lostSample: [] };
  const seen = new Set<number>();
  let duplicated = 0;
  let outOfOrder = 0;
  let highest = -Infinity;
  for (const id of ids) {
    if (seen.has(id)) duplicated++;
    else if (id < highest) outOfOrder++;
    seen.add(id);
    highest = Math.max(highest, id);
  }
  let received = 0;
  let lostNever = 0;
  let lostReached = 0;
  const lostSample: number[] = [];
  for (let id = first; id <= target; id++) {
    if (seen.has(id)) received++;
    else if (delivered.has(id)) {
      lostReached++;
      if (lostSample.length < 10) lostSample.push(id);
    } else lostNever++;
  }
  return { expected: target - first + 1, received, lostNeverReachedGateway: lostNever, lostReachedGateway: lostReached, duplicated, outOfOrder, lostSample };
}
