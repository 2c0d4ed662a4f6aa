import type { EventSourceMessage } from 'eventsource-parser';

/**
 * An event as the viewer shows it: what EventSource would give a page (type, data, lastEventId)
 * plus what a tester wants to see — the frame's size and bytes on the wire, when it arrived, and
 * how long it took when the payload says when it was sent.
 */
export interface ReceivedEvent {
  /** The event's own `id` field: undefined without one, '' for an empty `id:` (which resets). */
  id: string | undefined;
  /** The stream's last event id after this event (MessageEvent.lastEventId). */
  lastEventId: string;
  /** `message` when the event has no `event:` field, as in a browser. */
  type: string;
  data: string;
  /** Bytes of the event's frame on the wire, blank line included. */
  size: number;
  /** ms since the epoch when the chunk holding the frame was read off the socket. */
  receivedAt: number;
  /** Send time from the payload (`sentAt` or `time`, ISO 8601 or epoch ms), when it has one. */
  sentAt?: number;
  /** receivedAt - sentAt, when sentAt is known (clocks of both ends permitting). */
  latencyMs?: number;
  /** The frame's bytes, cut at the subscriber's maxRawBytes. */
  raw: Buffer;
  rawTruncated: boolean;
  /** Which connection of the subscription (1-based) carried it. */
  connection: number;
}

export interface FrameContext {
  frame: Buffer;
  receivedAt: number;
  lastEventId: string;
  connection: number;
  maxRawBytes: number;
}

export function toReceivedEvent(message: EventSourceMessage, context: FrameContext): ReceivedEvent {
  const { frame, receivedAt, maxRawBytes } = context;
  const sentAt = sentAtOf(message.data);
  // A copy: the frame may be a view into a large socket chunk that must not stay alive with it.
  const raw = Buffer.from(frame.subarray(0, maxRawBytes));
  return {
    id: message.id,
    lastEventId: context.lastEventId,
    type: message.event ?? 'message',
    data: message.data,
    size: frame.length,
    receivedAt,
    ...(sentAt !== undefined ? { sentAt, latencyMs: receivedAt - sentAt } : {}),
    raw,
    rawTruncated: frame.length > maxRawBytes,
    connection: context.connection,
  };
}

const MAX_JSON_CHARS = 64 * 1024;
const SEND_TIME_FIELDS = ['sentAt', 'time'] as const;
// Plausible epoch milliseconds (2001 to 2286): a small number is a counter, not a time.
const MIN_EPOCH_MS = 1e12;
const MAX_EPOCH_MS = 1e13;

/** Best effort: the send time a JSON object payload carries in `sentAt` or `time`. */
export function sentAtOf(data: string): number | undefined {
  if (data.length > MAX_JSON_CHARS || !data.trimStart().startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  for (const field of SEND_TIME_FIELDS) {
    const at = epochMs((parsed as Record<string, unknown>)[field]);
    if (at !== undefined) return at;
  }
  return undefined;
}

function epochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return value >= MIN_EPOCH_MS && value < MAX_EPOCH_MS ? value : undefined;
  if (typeof value !== 'string' || value.length > 40) return undefined;
  if (/^\d{13}$/.test(value)) return Number(value);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at;
}
