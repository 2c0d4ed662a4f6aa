/**
 * Fixed-row-height virtual list math: which rows to render for a scroll position, and where the
 * scroll position must go when rows are added above what the user is reading. Pure, so it is tested
 * without a DOM; EventTable does the DOM part.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Extra rows rendered above and below the viewport, so a fast scroll shows no blank edge. */
  overscan?: number;
}

export interface RowWindow {
  /** First row to render (inclusive). */
  start: number;
  /** Last row to render (exclusive). */
  end: number;
  /** Offset of row `start` from the top of the list. */
  offsetTop: number;
  /** Height of all rows: the scrollable height. */
  totalHeight: number;
}

export function rowWindow({ scrollTop, viewportHeight, rowHeight, count, overscan = 6 }: WindowInput): RowWindow {
  const totalHeight = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 };
  // A scroll position past the end (the list shrank) shows the last screenful.
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, totalHeight - viewportHeight)));
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, 0) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

/**
 * Newest-first lists grow at the top. At the top, the user follows the stream (scroll stays 0).
 * Scrolled down, the row being read must stay put: the scroll position follows that row (the
 * anchor) to where it is now, keeping how far into it the user had scrolled.
 */
export function anchoredScrollTop(scrollTop: number, rowHeight: number, anchorIndexNow: number): number {
  if (scrollTop <= 0 || rowHeight <= 0) return 0;
  return anchorIndexNow * rowHeight + (scrollTop % rowHeight);
}

/**
 * How many rows of a newest-first list (sorted by descending `seq`) are newer than `seq`: the rows
 * added above the one that was at the top. Binary search, so it is cheap on 10,000 rows.
 */
export function rowsNewerThan(count: number, seqAt: (index: number) => number, seq: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seqAt(mid) > seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
