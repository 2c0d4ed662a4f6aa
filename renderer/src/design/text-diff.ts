/** One row of a side-by-side comparison: a line on the left, the right, or both. */
export interface DiffRow {
  kind: 'same' | 'removed' | 'added' | 'changed';
  left?: { line: number; text: string };
  right?: { line: number; text: string };
}

const MAX_CELLS = 16_000_000;

/**
 * A line diff (longest common subsequence after trimming the common head and tail), paired up
 * side by side: a removed line next to an added one is shown as changed.
 */
export function diffLines(leftText: string, rightText: string): DiffRow[] {
  const a = leftText.split('\n');
  const b = rightText.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const rows: DiffRow[] = [];
  for (let i = 0; i < head; i++) rows.push({ kind: 'same', left: { line: i + 1, text: a[i] as string }, right: { line: i + 1, text: b[i] as string } });
  rows.push(...pair(middle(midA, midB), head));
  for (let i = tail; i > 0; i--) {
    const li = a.length - i;
    const ri = b.length - i;
    rows.push({ kind: 'same', left: { line: li + 1, text: a[li] as string }, right: { line: ri + 1, text: b[ri] as string } });
  }
  for (const row of rows) {
    if (row.left) row.left.text = a[row.left.line - 1] ?? '';
    if (row.right) row.right.text = b[row.right.line - 1] ?? '';
  }
  return rows;
}

type Op = { op: 'same' | 'del' | 'add'; a?: number; b?: number };

function middle(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) return [...a.map((_, i): Op => ({ op: 'del', a: i })), ...b.map((_, j): Op => ({ op: 'add', b: j }))];
  const n = a.length;
  const m = b.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? (lcs[(i + 1) * (m + 1) + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * (m + 1) + j] as number, lcs[i * (m + 1) + j + 1] as number);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) ops.push({ op: 'same', a: i++, b: j++ });
    else if ((lcs[(i + 1) * (m + 1) + j] as number) >= (lcs[i * (m + 1) + j + 1] as number)) ops.push({ op: 'del', a: i++ });
    else ops.push({ op: 'add', b: j++ });
  }
  while (i < n) ops.push({ op: 'del', a: i++ });
  while (j < m) ops.push({ op: 'add', b: j++ });
  return ops;
}

function pair(ops: Op[], offset: number): DiffRow[] {
  const rows: DiffRow[] = [];
  let dels: number[] = [];
  let adds: number[] = [];
  const flush = () => {
    const a = dels;
    const b = adds;
    for (let k = 0; k < Math.max(a.length, b.length); k++) {
      const l = a[k];
      const r = b[k];
      rows.push({
        kind: l !== undefined && r !== undefined ? 'changed' : l !== undefined ? 'removed' : 'added',
        ...(l !== undefined ? { left: { line: offset + l + 1, text: '' } } : {}),
        ...(r !== undefined ? { right: { line: offset + r + 1, text: '' } } : {}),
      });
    }
    dels = [];
    adds = [];
  };
  for (const o of ops) {
    if (o.op === 'same') {
      flush();
      rows.push({ kind: 'same', left: { line: offset + (o.a as number) + 1, text: '' }, right: { line: offset + (o.b as number) + 1, text: '' } });
    } else if (o.op === 'del') dels.push(o.a as number);
    else adds.push(o.b as number);
  }
  flush();
  return rows;
}
