import type { StudioEvent, SubscriptionState, ViewerEvent } from '../../../shared/api/contract.ts';

/**
 * What the live viewer shows for one subscription, as a pure reducer over host events. Lists are
 * newest first and bounded (rule: bounded everything), so a fast stream cannot grow the page forever.
 */
export const MAX_EVENTS = 1000;
export const MAX_TIMELINE = 200;

export interface TimelineEntry {
  key: number;
  state: SubscriptionState;
  detail: string;
  at: number;
}

export interface ViewerLog {
  /** Newest first, at most MAX_EVENTS. */
  events: ViewerEvent[];
  /** Every event received since the log was started or cleared, shown or not. */
  received: number;
  /** Newest first, at most MAX_TIMELINE. */
  timeline: TimelineEntry[];
  state: SubscriptionState | undefined;
}

export const emptyLog: ViewerLog = { events: [], received: 0, timeline: [], state: undefined };

type SubscriptionEvent = Extract<StudioEvent, { type: 'subscription.state' | 'subscription.events' }>;

export function isSubscriptionEvent(event: StudioEvent): event is SubscriptionEvent {
  return event.type === 'subscription.state' || event.type === 'subscription.events';
}

export function applyToLog(log: ViewerLog, event: SubscriptionEvent): ViewerLog {
  if (event.type === 'subscription.events') {
    if (event.events.length === 0) return log;
    const newest = event.events.slice(-MAX_EVENTS).reverse();
    return { ...log, events: newest.concat(log.events).slice(0, MAX_EVENTS), received: log.received + event.events.length };
  }
  const key = (log.timeline[0]?.key ?? 0) + 1;
  const entry: TimelineEntry = { key, state: event.state, detail: event.detail, at: event.at };
  return { ...log, state: event.state, timeline: [entry, ...log.timeline].slice(0, MAX_TIMELINE) };
}

/** Clears the events but keeps the connection history and state. */
export function clearEvents(log: ViewerLog): ViewerLog {
  return { ...log, events: [], received: 0 };
}

export function isLive(state: SubscriptionState | undefined): boolean {
  return state === 'connecting' || state === 'open' || state === 'waiting';
}
