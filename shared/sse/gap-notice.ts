/**
 * The `: gap:` comments the gateway sends where a client's stream has a hole it cannot fill, in one
 * place so that readers (viewer, verdict, soak) tell the two causes apart:
 *
 * - `gateway`: the gateway's replay history no longer reaches back to the client's Last-Event-ID
 *   (too old, or evicted under memory pressure). The gateway lost them.
 * - `source`: after the gateway reconnected to the backend, the backend did not resume from the
 *   Last-Event-ID it was sent. Nobody has those events: they were lost at the source.
 */
export type GapCause = 'gateway' | 'source';

export interface GapNotice {
  cause: GapCause;
  text: string;
}

const SOURCE_MARK = 'lost at the source';

export function gatewayGapText(lastEventId: string, why: 'older' | 'evicted' | 'not-reached'): string {
  if (why === 'evicted') return `gap: the gateway's replay history for this stream was evicted under memory pressure; events after Last-Event-ID ${lastEventId} may be lost`;
  if (why === 'not-reached') return `gap: the stream did not come to Last-Event-ID ${lastEventId} (the backend resumed elsewhere or renumbered); events after it may be lost or repeated`;
  return `gap: Last-Event-ID ${lastEventId} is older than the gateway's replay history; events in between may be lost`;
}

export function sourceGapText(sentLastEventId: string, nextId: string, missing: number | undefined): string {
  const what = missing !== undefined && missing > 0 ? `${missing} event${missing === 1 ? '' : 's'}` : 'events';
  return `gap: ${what} ${SOURCE_MARK} (backend did not resume): the gateway asked for the events after ${sentLastEventId} and got ${nextId} next`;
}

/** Reads a comment's text (without the leading colon and space); undefined when it is not a gap notice. */
export function readGapNotice(comment: string): GapNotice | undefined {
  const text = comment.startsWith(' ') ? comment.slice(1) : comment;
  if (!text.startsWith('gap:')) return undefined;
  return { cause: text.includes(SOURCE_MARK) ? 'source' : 'gateway', text };
}
