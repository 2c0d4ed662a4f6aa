/**
 * The drop plan of one topic, in three phases of live events: a client-side drop after the first
 * phase, then a backend-side drop (the mock restarts) when the mock serves the topic, else a second
 * client-side drop, then a last phase to see how the stream resumed. Counting events, not seconds,
 * keeps the plan the same whatever the stream's rate; only live events count (see topic-probe.ts),
 * so a large replay right after a reconnect cannot rush the next drop.
 */
export type DropAction = 'client-drop' | 'backend-drop';

export interface TopicPlan {
  steps: DropAction[];
  /** Live events before each step, and after the last one. */
  phaseEvents: number;
}

/** At least this many events per phase: the ids before the first drop show the source's numbering. */
export const MIN_PHASE_EVENTS = 3;

export function topicPlan(events: number, backendDrop: boolean): TopicPlan {
  return { steps: ['client-drop', backendDrop ? 'backend-drop' : 'client-drop'], phaseEvents: Math.max(MIN_PHASE_EVENTS, Math.round(events / 3)) };
}

export function describePlan(plan: TopicPlan, backendDrop: boolean): string {
  const second = backendDrop ? 'a backend drop (the mock restarts) for topics the mock serves, a client drop for others' : 'another client drop';
  return `client drop after ${plan.phaseEvents} events, then ${second} after ${plan.phaseEvents} more, stop after ${plan.phaseEvents} more (replayed events come on top)`;
}
