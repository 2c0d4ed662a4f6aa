import { styled } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatBytes, formatClock } from './format-time.ts';
import { anchoredScrollTop, rowsNewerThan, rowWindow } from './virtual-window.ts';
import type { ViewerRow } from './viewer-row.ts';
import { MONO_FONT } from '../theme.ts';
import { WarningIcon } from '../test-lab/lab-icons.tsx';

/**
 * Received events, newest at the top, as a virtual list: only the rows in view (and a few around)
 * are in the DOM, each a fixed height, so 10,000 rows scroll and update as fast as 30. At the top
 * the list follows the stream; scrolled down, the rows being read stay put while new ones arrive.
 * A click (or the arrow keys) selects an event for the detail pane.
 */
export const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 28;

export interface EventTableProps {
  count: number;
  /** Row by position, newest first. */
  rowAt: (index: number) => ViewerRow | undefined;
  /** Changes whenever the rows changed (the list re-reads them). */
  version: unknown;
  selectedSeq: number | undefined;
  onSelect: (row: ViewerRow) => void;
  replayed: ReadonlySet<string>;
  /** Lost events before a row (the first live one after a drop), by its id. */
  gaps: ReadonlyMap<string, { count: number; ids: string }>;
  /** Narrow column: no size and latency columns. */
  compact?: boolean;
  emptyText: string;
  height: number;
}

export function EventTable({ count, rowAt, version, selectedSeq, onSelect, replayed, gaps, compact = false, emptyText, height }: EventTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(height);
  /** The seq of the row at the top of the view while scrolled down (undefined: following the newest). */
  const anchor = useRef<number | undefined>(undefined);
  const seqAt = useCallback((i: number) => rowAt(i)?.seq ?? Number.NEGATIVE_INFINITY, [rowAt]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The scroll position as last seen by onScroll: reading el.scrollTop after a render would force a
  // layout of the whole page on every frame while the stream runs.
  const seenTop = useRef(0);
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    seenTop.current = el.scrollTop;
    setScrollTop(el.scrollTop);
    anchor.current = el.scrollTop > 0 ? rowAt(Math.floor(el.scrollTop / ROW_HEIGHT))?.seq : undefined;
  };

  // New rows above (or a filter change): keep the anchored row where the user was reading it.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || seenTop.current <= 0 || anchor.current === undefined) return;
    const next = anchoredScrollTop(seenTop.current, ROW_HEIGHT, rowsNewerThan(count, seqAt, anchor.current));
    if (Math.abs(next - seenTop.current) >= 1) {
      el.scrollTop = next;
      seenTop.current = next;
      setScrollTop(next);
    }
  }, [version, count, seqAt]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = selectedSeq === undefined ? -1 : rowsNewerThan(count, seqAt, selectedSeq);
    const next = rowAt(Math.max(0, Math.min(count - 1, at + (event.key === 'ArrowDown' ? 1 : -1))));
    if (!next) return;
    onSelect(next);
    const el = scroller.current;
    const index = rowsNewerThan(count, seqAt, next.seq);
    if (el && index * ROW_HEIGHT < el.scrollTop) el.scrollTop = index * ROW_HEIGHT;
    else if (el && (index + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight - HEADER_HEIGHT) el.scrollTop = (index + 1) * ROW_HEIGHT - el.clientHeight + HEADER_HEIGHT;
  };

  const win = rowWindow({ scrollTop, viewportHeight: Math.max(0, viewport - HEADER_HEIGHT), rowHeight: ROW_HEIGHT, count });
  const rows: Array<{ row: ViewerRow; seam: boolean }> = [];
  for (let i = win.start; i < win.end; i++) {
    const row = rowAt(i);
    // The first event of a new connection (the next older row came on another one): a reconnect seam.
    const older = rowAt(i + 1);
    if (row) rows.push({ row, seam: row.connection !== undefined && older?.connection !== undefined && older.connection !== row.connection });
  }
  return (
    <Frame
      ref={scroller}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      tabIndex={0}
      role="grid"
      aria-rowcount={count}
      aria-label="Received events, newest first"
      data-testid="event-table"
      data-rows={count}
      className={compact ? 'compact' : undefined}
      style={{ height }}
    >
      <Header compact={compact} />
      <div style={{ height: win.totalHeight, position: 'relative' }}>
        <div style={{ position: 'absolute', left: 0, right: 0, top: 0, transform: `translateY(${win.offsetTop}px)` }}>
          {rows.map(({ row, seam }) => (
            <EventRow
              key={row.seq}
              row={row}
              seam={seam}
              gap={row.id === undefined ? undefined : gaps.get(row.id)}
              selected={row.seq === selectedSeq}
              replayed={row.id !== undefined && replayed.has(row.id)}
              compact={compact}
              onSelect={onSelect}
            />
          ))}
        </div>
      </div>
      {count === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2, textAlign: 'center' }}>
          {emptyText}
        </Typography>
      )}
    </Frame>
  );
}

// Static styles, made once: the list re-renders many times a second while a stream runs, and
// per-render style objects (sx) would be re-serialized every time.
const Frame = styled('div')(({ theme }) => ({
  overflowY: 'auto',
  overflowX: 'hidden',
  position: 'relative',
  // Its height is fixed and its width is the grid track's: rows that change many times a second
  // then lay out and paint inside the list only, not the whole page.
  contain: 'strict',
  outline: 'none',
  '&:focus-visible': { boxShadow: `inset 0 0 0 1px ${theme.palette.primary.main}` },
  '& .er': {
    display: 'grid',
    gridTemplateColumns: '96px 64px 88px 64px 70px 74px minmax(0, 1fr)',
    alignItems: 'center',
    height: ROW_HEIGHT,
    padding: theme.spacing(0, 1.5),
    columnGap: theme.spacing(1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    cursor: 'pointer',
    fontFamily: MONO_FONT,
    fontSize: '0.74rem',
  },
  '&.compact .er': { gridTemplateColumns: '92px 56px 76px 66px minmax(0, 1fr)' },
  '& .er:hover': { backgroundColor: theme.palette.action.hover },
  '& .er[aria-selected="true"]': { backgroundColor: 'rgba(255,138,61,0.14)' },
  '& .er.seam': { borderBottom: `1px dashed ${theme.palette.info.main}` },
  '& .er.bad': { boxShadow: `inset 3px 0 0 ${theme.palette.error.main}` },
  '& .er > span': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '& .er.head': { position: 'sticky', top: 0, zIndex: 1, height: HEADER_HEIGHT, backgroundColor: theme.palette.background.paper, cursor: 'default', fontFamily: 'inherit' },
  '& .er.head > span': { fontWeight: 600, color: theme.palette.text.secondary, fontSize: '0.75rem' },
  '& .t': { color: theme.palette.text.secondary },
  '& .ty': { color: theme.palette.secondary.main },
  '& .n': { textAlign: 'right', color: theme.palette.text.secondary },
  '& .chip': {
    fontFamily: 'inherit',
    fontSize: '0.66rem',
    fontWeight: 700,
    padding: '0 4px',
    borderRadius: 4,
    border: `1px solid ${theme.palette.info.main}`,
    color: theme.palette.info.main,
    lineHeight: '16px',
    marginRight: 4,
  },
  '& .chip.lost': { borderColor: theme.palette.error.main, color: theme.palette.error.main },
}));

const Header = memo(function Header({ compact }: { compact: boolean }) {
  return (
    <div role="row" className="er head">
      <span role="columnheader">Time</span>
      <span role="columnheader">ID</span>
      <span role="columnheader">Event</span>
      {!compact && (
        <span role="columnheader" className="n">
          Size
        </span>
      )}
      {!compact && (
        <span role="columnheader" className="n">
          Latency
        </span>
      )}
      <span role="columnheader" />
      <span role="columnheader">Data</span>
    </div>
  );
});

const PREVIEW_CHARS = 400;

// Memoized by row object: a new batch renders only the rows that came into view.
const EventRow = memo(function EventRow({
  row,
  seam,
  gap,
  selected,
  replayed,
  compact,
  onSelect,
}: {
  row: ViewerRow;
  seam: boolean;
  gap: { count: number; ids: string } | undefined;
  selected: boolean;
  replayed: boolean;
  compact: boolean;
  onSelect: (row: ViewerRow) => void;
}) {
  const bad = Boolean(row.violations?.length);
  const className = `er${bad ? ' bad' : ''}${seam ? ' seam' : ''}`;
  return (
    <div
      role="row"
      className={className}
      aria-selected={selected}
      data-testid="event-row"
      data-seq={row.seq}
      data-replayed={replayed || undefined}
      data-violation={bad || undefined}
      title={seam ? `First event on connection #${row.connection} (after a reconnect)` : undefined}
      onClick={() => onSelect(row)}
    >
      <span role="gridcell" className="t" data-testid="event-time">
        {formatClock(row.receivedAt)}
      </span>
      <span role="gridcell" data-testid="event-id" title={row.id}>
        {row.id ?? '—'}
      </span>
      <span role="gridcell" className="ty" data-testid="event-type" title={row.type}>
        {row.type}
      </span>
      {!compact && (
        <span role="gridcell" className="n" data-testid="event-size">
          {row.size === undefined ? '' : formatBytes(row.size)}
        </span>
      )}
      {!compact && (
        <span role="gridcell" className="n" data-testid="event-latency">
          {row.latencyMs === undefined ? '' : `${Math.round(row.latencyMs)} ms`}
        </span>
      )}
      <span role="gridcell" style={{ display: 'flex', alignItems: 'center' }}>
        {replayed && (
          <span className="chip" data-testid="event-replayed" title="Came back by replay after a reconnect (replay verdict)">
            replay
          </span>
        )}
        {gap && (
          <span className="chip lost" data-testid="event-gap" title={`Lost before this event (never received): ${gap.ids}`}>
            lost {gap.count}
          </span>
        )}
        {bad && <WarningIcon data-testid="event-violation" color="error" style={{ fontSize: 15 }} titleAccess={row.violations?.[0]} />}
      </span>
      <span role="gridcell" data-testid="event-data">{row.data.length > PREVIEW_CHARS ? row.data.slice(0, PREVIEW_CHARS) + '…' : row.data}</span>
    </div>
  );
});
