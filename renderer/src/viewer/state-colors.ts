import type { SubscriptionState, SubscriptionTimelineEntry } from '../../../shared/api/contract.ts';

type Color = 'warning' | 'success' | 'default' | 'error' | 'info';

/** One color per connection state, used by the state chip and the timeline dots. */
export const STATE_COLOR: Record<SubscriptionState, Color> = {
  connecting: 'info',
  open: 'success',
  waiting: 'warning',
  closed: 'default',
  failed: 'error',
};

/** The timeline's finer states: an error (a drop) in red, a reconnect in blue, notices grey. */
export const TIMELINE_COLOR: Record<SubscriptionTimelineEntry['state'], Color> = {
  connecting: 'info',
  reconnecting: 'info',
  open: 'success',
  error: 'error',
  waiting: 'warning',
  closed: 'default',
  failed: 'error',
  notice: 'default',
};
