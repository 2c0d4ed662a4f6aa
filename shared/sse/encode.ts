/**
 * The one place that frames SSE bytes (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 * Like Hono's writeSSE, it refuses CR or LF inside `id`, `event` and `retry`: a line break there would
 * let a value inject fields of its own (a forged id, a second event). `id` also refuses NUL, which
 * makes a spec-correct client ignore the field.
 */
export interface SseMessage {
  data: string;
  event?: string;
  id?: string;
  retry?: number;
}

export class SseFieldError extends TypeError {
  constructor(readonly field: 'id' | 'event' | 'retry' | 'comment', reason: string) {
    super(`SSE ${field} ${reason}`);
    this.name = 'SseFieldError';
  }
}

const LINE_BREAK = /[\r\n]/;

export function encodeSseMessage(message: SseMessage): string {
  let out = '';
  if (message.event !== undefined) {
    if (LINE_BREAK.test(message.event)) throw new SseFieldError('event', 'must not contain CR or LF');
    out += `event: ${message.event}\n`;
  }
  if (message.id !== undefined) {
    if (LINE_BREAK.test(message.id)) throw new SseFieldError('id', 'must not contain CR or LF');
    if (message.id.includes('\0')) throw new SseFieldError('id', 'must not contain NUL');
    out += `id: ${message.id}\n`;
  }
  if (message.retry !== undefined) {
    if (!Number.isInteger(message.retry) || message.retry < 0) throw new SseFieldError('retry', 'must be a non-negative integer');
    out += `retry: ${message.retry}\n`;
  }
  // Each line of the data becomes its own `data:` line; the client joins them with LF again.
  for (const line of message.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return out + '\n';
}

/** A comment line (`: text`), used for heartbeats and notes to the client; clients ignore it. */
export function encodeSseComment(text = ''): string {
  if (LINE_BREAK.test(text)) throw new SseFieldError('comment', 'must not contain CR or LF');
  return text ? `: ${text}\n\n` : ':\n\n';
}

/** A `retry:` field on its own: tells the client how long to wait before reconnecting. */
export function encodeSseRetry(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new SseFieldError('retry', 'must be a non-negative integer');
  return `retry: ${ms}\n\n`;
}
