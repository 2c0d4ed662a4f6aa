/**
 * A printer (the `yaml` library, JSON.stringify) rewrites a whole document in its own style: flow
 * lists gain spaces (`[ a, b ]`), folded text is re-wrapped, quotes come and go. An edit must change
 * only what it touched, so the edited print is laid over the author's text:
 *
 *   original ──(printer)──▶ printedBefore ──(the edit)──▶ printedAfter
 *
 * printedBefore is cut into blocks: a line the author wrote the same way, or a run of lines the
 * printer restyled (with the author's lines they stand for). A block the edit did not touch is
 * written as the author wrote it; a touched block takes the printed lines. Returns the printed
 * text when the texts are too different to line up cheaply.
 */
export function keepUntouchedLines(original: string, printedBefore: string, printedAfter: string): string {
  if (printedBefore === printedAfter) return original;
  if (original === printedBefore) return printedAfter;
  const o = original.split('\n');
  const p0 = printedBefore.split('\n');
  const p1 = printedAfter.split('\n');
  const toOriginal = matchLines(p0, o);
  const toAfter = matchLines(p0, p1);
  if (!toOriginal || !toAfter) return printedAfter;
  const inOriginal = new Int32Array(p0.length).fill(-1);
  for (const [i, j] of toOriginal) inOriginal[i] = j;
  const inAfter = new Int32Array(p0.length).fill(-1);
  // Lines the edit inserted, by the printedBefore line they come before.
  const insertedBefore = new Map<number, number[]>();
  let lastK = -1;
  const insert = (at: number, upTo: number) => {
    for (let k = lastK + 1; k < upTo; k++) insertedBefore.set(at, [...(insertedBefore.get(at) ?? []), k]);
  };
  for (const [i, k] of toAfter) {
    insert(i, k);
    inAfter[i] = k;
    lastK = k;
  }
  insert(p0.length, p1.length);

  const out: string[] = [];
  const emitInserted = (at: number) => {
    for (const k of insertedBefore.get(at) ?? []) out.push(p1[k] as string);
  };
  const emitBlock = (from: number, to: number, authored: string[]) => {
    emitInserted(from);
    let touched = false;
    for (let i = from; i < to && !touched; i++) touched = inAfter[i] === -1 || (i > from && insertedBefore.has(i));
    if (!touched) return void out.push(...authored);
    for (let i = from; i < to; i++) {
      if (i > from) emitInserted(i);
      const k = inAfter[i] as number;
      if (k >= 0) out.push(p1[k] as string);
    }
  };
  let lastJ = -1;
  let restyledFrom = -1;
  for (let i = 0; i < p0.length; i++) {
    const j = inOriginal[i] as number;
    if (j < 0) {
      if (restyledFrom < 0) restyledFrom = i;
      continue;
    }
    if (restyledFrom >= 0) emitBlock(restyledFrom, i, o.slice(lastJ + 1, j));
    // Author's lines the printer dropped (no printed line stands for them) are kept.
    else out.push(...o.slice(lastJ + 1, j));
    restyledFrom = -1;
    emitBlock(i, i + 1, [o[j] as string]);
    lastJ = j;
  }
  if (restyledFrom >= 0) emitBlock(restyledFrom, p0.length, o.slice(lastJ + 1));
  else out.push(...o.slice(lastJ + 1));
  emitInserted(p0.length);
  return out.join('\n');
}

/** Edit scripts longer than this fall back to the printed text (a diff this size is not worth the time). */
const MAX_EDITS = 2000;

/**
 * Pairs of equal lines `[index in a, index in b]`, increasing, from a shortest edit script
 * (Myers, "An O(ND) difference algorithm", 1986): fast when the two texts differ in few lines.
 */
export function matchLines(a: readonly string[], b: readonly string[], maxEdits = MAX_EDITS): Array<[number, number]> | undefined {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const middle = shortestScript(n, m, (x, y) => a[head + x] === b[head + y], maxEdits);
  if (!middle) return undefined;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  for (const [x, y] of middle) pairs.push([head + x, head + y]);
  for (let t = tail; t > 0; t--) pairs.push([a.length - t, b.length - t]);
  return pairs;
}

function shortestScript(n: number, m: number, equal: (x: number, y: number) => boolean, maxEdits: number): Array<[number, number]> | undefined {
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] is the frontier before step d, for diagonals -d..d (what backtracking needs).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && equal(x, y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], last: number, n: number, m: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d--) {
    const before = trace[d] as Int32Array;
    const at = (k: number) => before[k + d] as number;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    // The run of equal lines after the step from diagonal prevK.
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    pairs.push([x, y]);
  }
  return pairs.reverse();
}
