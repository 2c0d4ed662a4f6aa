import type { FaultPlan, MalformKind } from '../../../shared/model/mock.ts';
import type { Random } from '../random.ts';

/**
 * The fault decisions for one connection under one plan, with no I/O: the connection asks before
 * and after each event and acts on the answer (mock-connection.ts). Randomness and time are
 * injected so every decision is testable. Counting starts when the session starts (the connection
 * opened, or a new plan was applied to it): "drop after 3 events" means 3 more events.
 */
export type ConnectDecision =
  | { type: 'status'; code: number; body: string }
  | { type: 'stream'; contentType: string; bom: boolean };

export type OpenStep = { type: 'drop' } | { type: 'stall'; ms: number | undefined } | { type: 'continue' };
export type BeforeEvent = { type: 'drop' } | { type: 'send'; delayMs: number; malform: MalformKind[] };
export type AfterEvent = { type: 'drop' } | { type: 'stall'; ms: number | undefined } | { type: 'continue' };

export const SSE_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

/** How a new connection is answered: a chosen status instead of a stream, or a stream (perhaps with the wrong type, or a BOM first). */
export function decideConnect(plan: FaultPlan): ConnectDecision {
  if (plan.status) return { type: 'status', code: plan.status.code, body: plan.status.code === 204 ? '' : plan.status.body ?? '' };
  return { type: 'stream', contentType: plan.contentType ?? SSE_CONTENT_TYPE, bom: plan.malform?.kinds.includes('bom') ?? false };
}

export interface FaultSession {
  readonly plan: FaultPlan;
  /** Right after the headers: drop at once, stall at once, or go on. */
  open(): OpenStep;
  /** Before writing an event: drop (probability) or send it after a delay, perhaps malformed. */
  beforeEvent(): BeforeEvent;
  /** After an event was written: drop, stall, or go on. */
  afterEvent(): AfterEvent;
  /** When the connection must be cut (drop.everyMs), ms since the epoch; undefined when never. */
  dropAt(): number | undefined;
}

export function createFaultSession(plan: FaultPlan, deps: { random: Random; now: () => number }): FaultSession {
  const since = deps.now();
  const { drop, stall, latency, malform } = plan;
  const stallAfter = stall ? stall.afterEvents ?? 0 : undefined;
  const perEvent = malform ? malform.kinds.filter((k) => k !== 'bom') : [];
  const every = malform?.everyEvents ?? 1;
  let sent = 0;

  return {
    plan,
    open() {
      if (drop?.afterEvents === 0) return { type: 'drop' };
      if (stallAfter === 0) return { type: 'stall', ms: stall?.ms };
      return { type: 'continue' };
    },
    beforeEvent() {
      if (drop?.probability !== undefined && drop.probability > 0 && deps.random() < drop.probability) return { type: 'drop' };
      let delayMs = 0;
      if (latency) {
        const jitter = latency.jitterMs ?? 0;
        delayMs = Math.max(0, Math.round(latency.ms + (deps.random() * 2 - 1) * jitter));
      }
      const n = sent + 1;
      return { type: 'send', delayMs, malform: perEvent.length && n % every === 0 ? perEvent : [] };
    },
    afterEvent() {
      sent++;
      if (drop?.afterEvents !== undefined && sent >= drop.afterEvents) return { type: 'drop' };
      if (stallAfter !== undefined && stallAfter === sent) return { type: 'stall', ms: stall?.ms };
      return { type: 'continue' };
    },
    dropAt() {
      return drop?.everyMs === undefined ? undefined : since + drop.everyMs;
    },
  };
}
