import { computeReplayVerdict, type ReplayVerdict, type StreamLogEntry, type VerdictOptions } from '../../shared/sse/replay-verdict.ts';
import type { ReceivedEvent } from './received-event.ts';
import type { TimelineEntry } from './sse-subscriber.ts';

/**
 * What one subscription saw, in the shape the replay verdict reads: connections opened (with the
 * Last-Event-ID sent), events, drops, and backend drops marked by whoever caused them. Bounded:
 * past `limit` entries the oldest tenth is forgotten (and counted), so a stream left open for days
 * cannot eat the host's memory; the verdict says so.
 */
const DEFAULT_LIMIT = 100_000;

export class StreamRecorder {
  private entries: StreamLogEntry[] = [];
  private forgotten = 0;
  private eventCount = 0;
  private requestedAt: number | undefined;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  /** Feed every timeline entry of the subscriber. */
  timeline(entry: TimelineEntry): void {
    if (entry.state === 'connecting' || entry.state === 'reconnecting') {
      this.requestedAt = entry.at;
      this.push({ kind: 'attempt', at: entry.at, lastEventId: entry.lastEventId });
    }
    if (entry.state === 'failed') this.push({ kind: 'fail', at: entry.at, detail: entry.detail, status: entry.status });
    if (entry.state === 'notice' && entry.gap) this.push({ kind: 'gap', at: entry.at, connection: entry.connection, detail: entry.detail });
    if (entry.state === 'open') this.push({ kind: 'open', connection: entry.connection, at: entry.at, lastEventId: entry.lastEventId, requestedAt: this.requestedAt });
    else if (entry.state === 'error' && entry.dropped) this.push({ kind: 'drop', connection: entry.connection, at: entry.at, cause: entry.dropped, detail: entry.detail });
  }

  event(event: ReceivedEvent): void {
    this.eventCount++;
    this.push({ kind: 'event', connection: event.connection, id: event.id, type: event.type, receivedAt: event.receivedAt, sentAt: event.sentAt });
  }

  /** The backend behind a gateway dropped (the client may not have seen it). */
  sourceDrop(detail: string, at = Date.now()): void {
    this.push({ kind: 'source-drop', at, detail });
  }

  /** Events recorded so far (forgotten ones included). */
  get events(): number {
    return this.eventCount;
  }

  get log(): readonly StreamLogEntry[] {
    return this.entries;
  }

  verdict(options: VerdictOptions = {}): ReplayVerdict {
    return computeReplayVerdict(this.entries, { ...options, forgottenEntries: this.forgotten });
  }

  private push(entry: StreamLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length <= this.limit) return;
    const cut = Math.max(1, Math.floor(this.limit / 10));
    this.entries = this.entries.slice(cut);
    this.forgotten += cut;
  }
}
