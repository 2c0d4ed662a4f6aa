import type { StudioEvent, SubscriptionState, SubscriptionTimelineEntry, ViewerEvent } from '../../../shared/api/contract.ts';
import { EventRing } from './event-ring.ts';
import { RateBuckets } from './rate-buckets.ts';
import type { ViewerRow } from './viewer-row.ts';

/**
 * Everything the live viewer knows about one subscription: the newest events (a ring of 10,000),
 * counts of what it saw and what fell out of view, per-second rates for the chart, the types seen
 * (for the filter), contract violations, the connection timeline and the current state.
 *
 * Mutable on purpose: at thousands of events per second, copying arrays per batch would be the
 * bottleneck. `version` goes up on every change; the view re-reads at most once per frame.
 */
export const MAX_EVENTS = 10_000;
export const MAX_TIMELINE = 200;
const MAX_TYPES = 200;

export interface TimelineItem extends SubscriptionTimelineEntry {
  key: number;
}

/** The contract check: why an event breaks the topic's contract (empty or undefined: it fits). */
export type EventCheck = (event: ViewerEvent) => string[] | undefined;

export type SubscriptionEvent = Extract<StudioEvent, { type: 'subscription.state' | 'subscription.events' | 'subscription.timeline' }>;

export function isSubscriptionEvent(event: StudioEvent): event is SubscriptionEvent {
  return event.type === 'subscription.state' || event.type === 'subscription.events' || event.type === 'subscription.timeline';
}

export class ViewerStore {
  readonly rows = new EventRing<ViewerRow>(MAX_EVENTS);
  readonly rates = new RateBuckets();
  /** Events the host received since the subscription started or the log was cleared: every one counts. */
  received = 0;
  /** Of those, the events that reached the window (the host samples a stream too fast to list). */
  listed = 0;
  /** Events the host read but did not pass on (its UI batches are capped), from gaps in `seq`. */
  skippedByHost = 0;
  violations = 0;
  /** Events per type (at most 200 types). */
  readonly types = new Map<string, number>();
  /** Newest first. */
  timeline: TimelineItem[] = [];
  state: SubscriptionState | undefined;
  stateDetail = '';
  /** Connections that opened (200 + event stream). */
  connections = 0;
  version = 0;
  private lastSeq = 0;
  private timelineKey = 0;
  private check: EventCheck | undefined;

  /** Events that arrive from now on are checked with it (undefined: no check). */
  setCheck(check: EventCheck | undefined): void {
    this.check = check;
  }

  apply(event: SubscriptionEvent): void {
    if (event.type === 'subscription.events') this.addEvents(event.events);
    else if (event.type === 'subscription.timeline') this.addTimeline(event.entry);
    else this.setState(event.state, event.detail);
  }

  addEvents(events: readonly ViewerEvent[]): void {
    if (events.length === 0) return;
    const rows: ViewerRow[] = new Array<ViewerRow>(events.length);
    for (let i = 0; i < events.length; i++) {
      const event = events[i] as ViewerEvent;
      const skipped = event.seq > this.lastSeq + 1 && this.lastSeq > 0 ? event.seq - this.lastSeq - 1 : 0;
      this.skippedByHost += skipped;
      this.received += skipped;
      this.lastSeq = Math.max(this.lastSeq, event.seq);
      const violations = this.check?.(event);
      if (violations?.length) this.violations++;
      rows[i] = violations?.length ? { ...event, violations } : event;
      this.rates.add(event.receivedAt, event.latencyMs, skipped);
      const count = this.types.get(event.type);
      if (count !== undefined) this.types.set(event.type, count + 1);
      else if (this.types.size < MAX_TYPES) this.types.set(event.type, 1);
    }
    this.rows.pushAll(rows);
    this.received += events.length;
    this.listed += events.length;
    this.version++;
  }

  addTimeline(entry: SubscriptionTimelineEntry): void {
    if (entry.state === 'open') this.connections++;
    this.timeline = [{ ...entry, key: ++this.timelineKey }, ...this.timeline].slice(0, MAX_TIMELINE);
    this.version++;
  }

  setState(state: SubscriptionState, detail: string): void {
    this.state = state;
    this.stateDetail = detail;
    this.version++;
  }

  /** Events that were received but are no longer in the list (the oldest, past 10,000). */
  get droppedFromView(): number {
    return this.rows.evicted;
  }

  /** Forgets the events and their counts; the connection's timeline and state stay. */
  clearEvents(): void {
    this.rows.clear();
    this.rates.clear();
    this.types.clear();
    this.received = 0;
    this.listed = 0;
    this.skippedByHost = 0;
    this.violations = 0;
    this.version++;
  }

  /** A new subscription: everything goes. */
  reset(): void {
    this.clearEvents();
    this.timeline = [];
    this.state = undefined;
    this.stateDetail = '';
    this.connections = 0;
    this.lastSeq = 0;
  }
}

export function isLive(state: SubscriptionState | undefined): boolean {
  return state === 'connecting' || state === 'open' || state === 'waiting';
}
