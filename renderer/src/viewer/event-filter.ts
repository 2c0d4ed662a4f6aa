import type { ViewerRow } from './viewer-row.ts';

/**
 * The viewer's filter: by event type, by text (in the id, type or data, case-insensitive), and to
 * the events flagged by the contract check or marked as replayed. Pure.
 */
export interface EventFilter {
  /** '' = every type. */
  type: string;
  text: string;
  flagged: 'all' | 'violations' | 'replayed';
}

export const NO_FILTER: EventFilter = { type: '', text: '', flagged: 'all' };

/** Data beyond this many characters is not searched (a 1 MiB event would make every keystroke slow). */
const SEARCHED_CHARS = 16_384;

export function isFiltering(filter: EventFilter): boolean {
  return filter.type !== '' || filter.text.trim() !== '' || filter.flagged !== 'all';
}

export function rowMatcher(filter: EventFilter, replayed: ReadonlySet<string>): (row: ViewerRow) => boolean {
  const needle = filter.text.trim().toLowerCase();
  return (row) => {
    if (filter.type && row.type !== filter.type) return false;
    if (filter.flagged === 'violations' && !row.violations?.length) return false;
    if (filter.flagged === 'replayed' && !(row.id !== undefined && replayed.has(row.id))) return false;
    if (!needle) return true;
    return (row.id ?? '').toLowerCase().includes(needle) || row.type.toLowerCase().includes(needle) || row.data.slice(0, SEARCHED_CHARS).toLowerCase().includes(needle);
  };
}

/** The rows that pass, newest first, from a newest-first source read by index. */
export function filterRows(count: number, rowAt: (index: number) => ViewerRow | undefined, filter: EventFilter, replayed: ReadonlySet<string>): ViewerRow[] {
  const matches = rowMatcher(filter, replayed);
  const out: ViewerRow[] = [];
  for (let i = 0; i < count; i++) {
    const row = rowAt(i);
    if (row && matches(row)) out.push(row);
  }
  return out;
}
