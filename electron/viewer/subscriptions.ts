import { randomUUID } from 'node:crypto';
import type { StudioEvent, ViewerEvent } from '../../shared/api/contract.ts';
import { SseSubscriber } from './sse-subscriber.ts';

/**
 * The viewer's open subscriptions. Events are batched (every 50 ms, at most 500 per batch, older
 * ones dropped with a count) so a fast stream cannot flood the UI transport.
 */
const FLUSH_MS = 50;
const MAX_PENDING = 500;

interface Open {
  subscriber: SseSubscriber;
  pending: ViewerEvent[];
  seq: number;
}

export class Subscriptions {
  private readonly open = new Map<string, Open>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly emit: (event: StudioEvent) => void) {}

  start(url: URL, lastEventId?: string): string {
    const subscriptionId = randomUUID();
    const entry: Open = {
      pending: [],
      seq: 0,
      subscriber: new SseSubscriber(
        url,
        {
          onState: (state, detail) => {
            this.flush();
            this.emit({ type: 'subscription.state', subscriptionId, state, detail, at: Date.now() });
            if (state === 'closed' || state === 'failed') this.open.delete(subscriptionId);
          },
          onEvent: (event, receivedAt) => {
            entry.pending.push({ seq: ++entry.seq, id: event.id, type: event.event ?? 'message', data: event.data, receivedAt });
            if (entry.pending.length > MAX_PENDING) entry.pending.splice(0, entry.pending.length - MAX_PENDING);
            this.scheduleFlush();
          },
        },
        lastEventId,
      ),
    };
    this.open.set(subscriptionId, entry);
    entry.subscriber.start();
    return subscriptionId;
  }

  close(subscriptionId: string): boolean {
    const entry = this.open.get(subscriptionId);
    if (!entry) return false;
    entry.subscriber.close();
    return true;
  }

  closeAll(): void {
    for (const id of [...this.open.keys()]) this.close(id);
    clearTimeout(this.flushTimer);
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const [subscriptionId, entry] of this.open) {
      if (!entry.pending.length) continue;
      this.emit({ type: 'subscription.events', subscriptionId, events: entry.pending });
      entry.pending = [];
    }
  }
}
