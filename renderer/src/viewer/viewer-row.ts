import type { ViewerEvent } from '../../../shared/api/contract.ts';

/** An event as the viewer keeps it: what the host sent, plus the contract check's findings. */
export interface ViewerRow extends ViewerEvent {
  /** Why the event breaks the topic's AsyncAPI message (event name, payload schema); absent when it fits or nothing was checked. */
  violations?: string[];
}
