import type { ViewerRow } from './viewer-row.ts';

/**
 * The event log as a file: NDJSON (one event per line, oldest first, for `jq` and log tools) or one
 * JSON document with what the viewer knew about the subscription. A filtered view's export says so
 * (issue 10): the JSON has `filtered` and the filter, an NDJSON file starts with one `{"export": ...}`
 * line naming the filter, and the file name ends in `-filtered`. Pure: the component makes the
 * download.
 */
export interface ExportedEvent {
  seq: number;
  id: string | null;
  type: string;
  data: string;
  receivedAt: string;
  size?: number;
  latencyMs?: number;
  connection?: number;
  raw?: string;
  rawTruncated?: boolean;
  replayed?: true;
  violations?: string[];
}

export interface ExportMeta {
  url: string | undefined;
  exportedAt: number;
  /** Events received in all (the log may hold fewer). */
  received: number;
  droppedFromView: number;
  filter?: string;
}

export function exportedEvent(row: ViewerRow, replayed: ReadonlySet<string>): ExportedEvent {
  return {
    seq: row.seq,
    id: row.id ?? null,
    type: row.type,
    data: row.data,
    receivedAt: new Date(row.receivedAt).toISOString(),
    ...(row.size !== undefined ? { size: row.size } : {}),
    ...(row.latencyMs !== undefined ? { latencyMs: row.latencyMs } : {}),
    ...(row.connection !== undefined ? { connection: row.connection } : {}),
    ...(row.raw !== undefined ? { raw: row.raw } : {}),
    ...(row.rawTruncated ? { rawTruncated: true } : {}),
    ...(row.id !== undefined && replayed.has(row.id) ? { replayed: true as const } : {}),
    ...(row.violations?.length ? { violations: row.violations } : {}),
  };
}

/** Newest-first rows in, oldest-first lines out, each ending in LF; a filtered export starts with a line that says so. */
export function toNdjson(newestFirst: readonly ViewerRow[], replayed: ReadonlySet<string>, meta?: ExportMeta): string {
  let out = '';
  if (meta?.filter) {
    const about = { filtered: true, filter: parseFilter(meta.filter), url: meta.url ?? null, exportedAt: new Date(meta.exportedAt).toISOString(), received: meta.received, inThisFile: newestFirst.length };
    out += JSON.stringify({ export: about }) + '\n';
  }
  for (let i = newestFirst.length - 1; i >= 0; i--) out += JSON.stringify(exportedEvent(newestFirst[i] as ViewerRow, replayed)) + '\n';
  return out;
}

export function toJsonExport(newestFirst: readonly ViewerRow[], replayed: ReadonlySet<string>, meta: ExportMeta): string {
  const events = [...newestFirst].reverse().map((r) => exportedEvent(r, replayed));
  return (
    JSON.stringify(
      {
        url: meta.url ?? null,
        exportedAt: new Date(meta.exportedAt).toISOString(),
        received: meta.received,
        inThisFile: events.length,
        droppedFromView: meta.droppedFromView,
        filtered: Boolean(meta.filter),
        ...(meta.filter ? { filter: parseFilter(meta.filter) } : {}),
        events,
      },
      null,
      2,
    ) + '\n'
  );
}

/** `sse-log-feed-2.0.0-prices-20240102-030405.ndjson`: the stream's path and the local time. */
export function exportFileName(url: string | undefined, format: 'ndjson' | 'json', now: number, filtered = false): string {
  let name = 'stream';
  if (url) {
    try {
      name = new URL(url).pathname.replace(/^\/+|\/+$/g, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'root';
    } catch {
      name = 'stream';
    }
  }
  const d = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
  return `sse-log-${name.slice(0, 80)}-${stamp}${filtered ? '-filtered' : ''}.${format}`;
}

/** The filter as an object when it is JSON (it is, from the viewer), else its text. */
function parseFilter(filter: string): unknown {
  try {
    return JSON.parse(filter) as unknown;
  } catch {
    return filter;
  }
}
