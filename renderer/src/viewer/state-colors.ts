import type { SubscriptionState } from '../../../shared/api/contract.ts';

/** One color per connection state, used by the state chip and the timeline dots. */
export const STATE_COLOR: Record<SubscriptionState, 'warning' | 'success' | 'default' | 'error' | 'info'> = {
  connecting: 'info',
  open: 'success',
  waiting: 'warning',
  closed: 'default',
  failed: 'error',
};
