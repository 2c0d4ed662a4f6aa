import { describe, expect, it } from 'vitest';
import { exportFileName, toJsonExport, toNdjson } from './export-log.ts';
import type { ViewerRow } from './viewer-row.ts';

const rows: ViewerRow[] = [
  { seq: 2, id: '8', type: 'price', data: '{"p":1}', receivedAt: Date.UTC(2024, 0, 2, 3, 4, 5, 6), size: 30, connection: 2, raw: 'id: 8\ndata: {"p":1}\n\n', violations: ['payload: missing symbol'] },
  { seq: 1, id: undefined, type: 'message', data: 'line1\nline2', receivedAt: Date.UTC(2024, 0, 2, 3, 4, 5, 0) },
];

describe('log export', () => {
  it('writes NDJSON oldest first, one event per line, data kept exactly', () => {
    const lines = toNdjson(rows, new Set(['8'])).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const first = JSON.parse(lines[0] as string);
    const second = JSON.parse(lines[1] as string);
    expect(first).toEqual({ seq: 1, id: null, type: 'message', data: 'line1\nline2', receivedAt: '2024-01-02T03:04:05.000Z' });
    expect(second).toMatchObject({ seq: 2, id: '8', size: 30, connection: 2, replayed: true, violations: ['payload: missing symbol'], raw: 'id: 8\ndata: {"p":1}\n\n' });
  });

  it('writes one JSON document with the counts', () => {
    const doc = JSON.parse(toJsonExport(rows, new Set(), { url: 'http://127.0.0.1:1/a', exportedAt: 0, received: 50, droppedFromView: 48 }));
    expect(doc).toMatchObject({ url: 'http://127.0.0.1:1/a', received: 50, inThisFile: 2, droppedFromView: 48 });
    expect(doc.events.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
  });

  it('names the file after the stream path and the time', () => {
    const now = new Date(2024, 0, 2, 3, 4, 5).getTime();
    expect(exportFileName('http://127.0.0.1:8280/feed/2.0.0/prices?rate=5', 'ndjson', now)).toBe('sse-log-feed-2.0.0-prices-20240102-030405.ndjson');
    expect(exportFileName(undefined, 'json', now)).toBe('sse-log-stream-20240102-030405.json');
  });

  it('says when a filter was applied: JSON fields, a first NDJSON line, the file name', () => {
    const meta = { url: 'http://127.0.0.1:1/a', exportedAt: 0, received: 50, droppedFromView: 0, filter: JSON.stringify({ text: 'ACME', type: 'price' }) };
    const doc = JSON.parse(toJsonExport(rows, new Set(), meta));
    expect(doc).toMatchObject({ filtered: true, filter: { text: 'ACME', type: 'price' }, inThisFile: 2, received: 50 });
    expect(JSON.parse(toJsonExport(rows, new Set(), { ...meta, filter: undefined })).filtered).toBe(false);
    const lines = toNdjson(rows, new Set(), meta).split('\n');
    expect(JSON.parse(lines[0] as string)).toEqual({ export: { filtered: true, filter: { text: 'ACME', type: 'price' }, url: 'http://127.0.0.1:1/a', exportedAt: '1970-01-01T00:00:00.000Z', received: 50, inThisFile: 2 } });
    expect(lines).toHaveLength(4);
    expect(toNdjson(rows, new Set(), { ...meta, filter: undefined }).split('\n')).toHaveLength(3);
    expect(exportFileName('http://127.0.0.1:8280/a', 'ndjson', new Date(2024, 0, 2, 3, 4, 5).getTime(), true)).toBe('sse-log-a-20240102-030405-filtered.ndjson');
  });
});
