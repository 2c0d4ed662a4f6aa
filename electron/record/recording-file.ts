/**
 * A recorded SSE stream on disk (JSON), as `sse-studio record` writes it and the mock's `recorded`
 * scenario plays it: each event's name, id and data, and when it came (ms after the first one).
 *
 *   { "sseStudioRecording": 1, "source": "https://...", "recordedAt": "2026-...Z",
 *     "events": [ { "atMs": 0, "event": "price", "id": "17", "data": "{...}" }, ... ] }
 */
export interface RecordedEvent {
  /** ms after the first event. */
  atMs: number;
  event?: string;
  id?: string;
  data: string;
}

export interface Recording {
  sseStudioRecording: 1;
  source: string;
  recordedAt: string;
  events: RecordedEvent[];
}

export const MAX_RECORDED_EVENTS = 100_000;

export function recordingText(recording: Recording): string {
  // One event per line: diffs and big files stay readable.
  const head = JSON.stringify({ sseStudioRecording: recording.sseStudioRecording, source: recording.source, recordedAt: recording.recordedAt });
  const events = recording.events.map((e) => '    ' + JSON.stringify(e)).join(',\n');
  return `${head.slice(0, -1)},\n  "events": [\n${events}\n  ]\n}\n`;
}

/** Reads a recording, or says in one line what is wrong with it. */
export function parseRecording(text: string): { ok: true; value: Recording } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `not JSON: ${(err as Error).message}` };
  }
  const r = raw as Partial<Recording> | null;
  if (!r || typeof r !== 'object' || r.sseStudioRecording !== 1 || !Array.isArray(r.events)) return { ok: false, message: 'not an SSE Studio recording (expected { "sseStudioRecording": 1, "events": [...] }, made by "sse-studio record")' };
  if (r.events.length === 0) return { ok: false, message: 'the recording holds no events' };
  if (r.events.length > MAX_RECORDED_EVENTS) return { ok: false, message: `the recording holds ${r.events.length} events, more than ${MAX_RECORDED_EVENTS}` };
  let previous = 0;
  for (const [i, e] of r.events.entries()) {
    const bad = !e || typeof e !== 'object' || typeof e.data !== 'string' || typeof e.atMs !== 'number' || !Number.isFinite(e.atMs) || e.atMs < previous || (e.event !== undefined && (typeof e.event !== 'string' || /[\r\n]/.test(e.event))) || (e.id !== undefined && typeof e.id !== 'string');
    if (bad) return { ok: false, message: `event ${i + 1} is not { atMs (not before the one before), data, event?, id? }` };
    previous = e.atMs;
  }
  return { ok: true, value: { sseStudioRecording: 1, source: String(r.source ?? ''), recordedAt: String(r.recordedAt ?? ''), events: r.events } };
}
