import { randomUUID } from 'node:crypto';
import type { StudioEvent, SubscriptionState, SubscriptionSummary, VerdictIdRule, ViewerEvent } from '../../shared/api/contract.ts';
import type { ReplayVerdict, SourceTruth, VerdictOptions } from '../../shared/sse/replay-verdict.ts';
import { KeptEvents } from './kept-events.ts';
import type { ReceivedEvent } from './received-event.ts';
import { DeliveryBatch } from './delivery-batch.ts';
import { SseSubscriber, type SubscriberOptions, type TimelineEntry } from './sse-subscriber.ts';
import { StreamRecorder } from './stream-recorder.ts';

/**
 * The viewer's open subscriptions. Events are batched (every 50 ms, at most 30,000 a second, i.e.
 * 1,500 per batch or more when a flush comes late, sampled evenly past that; see DeliveryBatch) so a
 * fast stream cannot flood the UI transport; the window tells the gaps from `seq` and says
 * "showing 1 in N". Each subscription also
 * records what it saw, so the viewer can ask for a live replay verdict and drop the connection on
 * purpose; the record of a closed subscription is kept (the last few) to read its verdict after.
 *
 * Sessions live here, not in a view: a subscription runs until the user stops it; a tab switch,
 * another API or a page reload only detach the UI, which re-attaches with `list`, `events`,
 * `timeline` and `verdict`. The verdict, the drop log and the connection log are all read from the
 * one recorder every timeline entry goes through, so they agree on every Last-Event-ID.
 */
const FLUSH_MS = 50;
const MAX_PER_SECOND = 30_000;
const MAX_PER_FLUSH = (MAX_PER_SECOND * FLUSH_MS) / 1000;
const TIMELINE_ENTRIES = 200;
const FINISHED_KEPT = 10;
/** Log entries kept per subscription for its verdict (the oldest are forgotten past it). */
const RECORDED_ENTRIES = 50_000;
const RAW_PREVIEW_BYTES = 2048;
/** Events kept per session for a view that re-attaches. */
export const KEPT_EVENTS = 5000;

/** Where the session was opened, and its numeric-id rule. */
export interface SessionInfo {
  apiId?: string;
  topicPath?: string;
  ids?: VerdictIdRule;
}

/** The best source truth the host has for a URL (the mock's or the gateway's record), from when the session started. */
export type SourceTruthFinder = (url: URL, startedAt: number) => SourceTruth | undefined;

/** ViewerEvent plus the details the viewer shows; extra fields ride along until the contract names them. */
export interface ViewerEventDetail extends ViewerEvent {
  /** Bytes of the frame on the wire. */
  size: number;
  latencyMs?: number;
  /** The frame as sent (UTF-8, cut at 2 KiB). */
  raw: string;
  rawTruncated: boolean;
  connection: number;
}

export type SubscribeOptions = Omit<SubscriberOptions, 'lastEventId'>;

interface Entry {
  subscriber: SseSubscriber;
  recorder: StreamRecorder;
  timeline: TimelineEntry[];
  /** Converted to ViewerEventDetail only when sent: most of a very fast stream never is. */
  pending: DeliveryBatch<{ event: ReceivedEvent; seq: number }>;
  seq: number;
  kept: KeptEvents<{ event: ReceivedEvent; seq: number }>;
  info: SessionInfo;
  ids: VerdictIdRule;
  startedAt: number;
  state: SubscriptionState;
  detail: string;
}

export class Subscriptions {
  private readonly open = new Map<string, Entry>();
  /** Closed or failed subscriptions, oldest first, for verdicts read after the fact. */
  private readonly finished = new Map<string, Entry>();
  private flushTimer: NodeJS.Timeout | undefined;
  private lastFlushAt = performance.now();

  constructor(
    private readonly emit: (event: StudioEvent) => void,
    private readonly sourceTruth: SourceTruthFinder = () => undefined,
  ) {}

  start(url: URL, lastEventId?: string, options: SubscribeOptions = {}, info: SessionInfo = {}): string {
    const subscriptionId = randomUUID();
    const recorder = new StreamRecorder(RECORDED_ENTRIES);
    const entry: Entry = {
      pending: new DeliveryBatch(MAX_PER_FLUSH),
      kept: new KeptEvents(KEPT_EVENTS),
      info,
      ids: info.ids ?? 'off',
      startedAt: Date.now(),
      state: 'connecting',
      detail: '',
      seq: 0,
      recorder,
      timeline: [],
      subscriber: new SseSubscriber(
        url,
        {
          onTimeline: (t) => {
            recorder.timeline(t);
            entry.timeline.push(t);
            this.emit({ type: 'subscription.timeline', subscriptionId, entry: t });
            if (entry.timeline.length > TIMELINE_ENTRIES) entry.timeline.shift();
          },
          onState: (state, detail) => {
            this.flush();
            entry.state = state;
            entry.detail = detail;
            this.emit({ type: 'subscription.state', subscriptionId, state, detail, at: Date.now() });
            if (state === 'closed' || state === 'failed') this.retire(subscriptionId, entry);
          },
          onEvent: (event) => {
            recorder.event(event);
            const item = { event, seq: ++entry.seq };
            entry.pending.push(item);
            entry.kept.push(item);
            this.scheduleFlush();
          },
        },
        { ...options, ...(lastEventId !== undefined ? { lastEventId } : {}) },
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

  /** Drops the subscription's connection on purpose (it reconnects as after a network error). */
  drop(subscriptionId: string): boolean {
    return this.open.get(subscriptionId)?.subscriber.dropConnection() ?? false;
  }

  /**
   * The replay verdict so far: of an open subscription, or of one of the last stopped ones. Judged
   * with the best evidence there is: the source's record, else the numeric-id rule when the session
   * has it on (`ids` sets it, and it stays set), else what the client saw. An explicit `truth` wins.
   */
  verdict(subscriptionId: string, options: VerdictOptions & { ids?: VerdictIdRule } = {}): ReplayVerdict | undefined {
    const entry = this.find(subscriptionId);
    if (!entry) return undefined;
    const { ids, ...rest } = options;
    if (ids) entry.ids = ids;
    const truth = rest.truth ?? this.sourceTruth(entry.subscriber.url, entry.startedAt) ?? (entry.ids === 'consecutive' ? ({ kind: 'consecutive' } as const) : undefined);
    return entry.recorder.verdict({ ...rest, truth });
  }

  /** Every session: running ones (oldest first), then the last few stopped. */
  list(): SubscriptionSummary[] {
    return [...this.open, ...this.finished].map(([subscriptionId, entry]) => {
      const verdict = this.verdict(subscriptionId) as ReplayVerdict;
      return {
        subscriptionId,
        url: entry.subscriber.url.href,
        ...(entry.info.apiId !== undefined ? { apiId: entry.info.apiId } : {}),
        ...(entry.info.topicPath !== undefined ? { topicPath: entry.info.topicPath } : {}),
        state: entry.state,
        detail: entry.detail,
        startedAt: entry.startedAt,
        events: entry.seq,
        connections: entry.subscriber.connections,
        ids: entry.ids,
        verdictStatus: verdict.status,
        verdictSummary: verdict.summary,
      };
    });
  }

  /** The session's kept events after `afterSeq` (all kept ones when not given), for a view that re-attaches. */
  events(subscriptionId: string, afterSeq = 0): { events: ViewerEventDetail[]; total: number; firstSeq: number } | undefined {
    const entry = this.find(subscriptionId);
    if (!entry) return undefined;
    const events = entry.kept.after(afterSeq).map(({ event, seq }) => toViewerEvent(event, seq));
    return { events, total: entry.seq, firstSeq: entry.kept.firstSeq ?? entry.seq + 1 };
  }

  private find(subscriptionId: string): Entry | undefined {
    return this.open.get(subscriptionId) ?? this.finished.get(subscriptionId);
  }

  /** The latest reconnection timeline entries (connecting, open, error, waiting N ms, reconnecting ...). */
  timeline(subscriptionId: string): TimelineEntry[] | undefined {
    const entry = this.find(subscriptionId);
    return entry && [...entry.timeline];
  }

  private retire(subscriptionId: string, entry: Entry): void {
    this.open.delete(subscriptionId);
    this.finished.set(subscriptionId, entry);
    for (const id of this.finished.keys()) {
      if (this.finished.size <= FINISHED_KEPT) break;
      this.finished.delete(id);
    }
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    // A busy event loop runs the timer late: the cap is per second, not per flush.
    const now = performance.now();
    const max = Math.max(MAX_PER_FLUSH, Math.min(MAX_PER_FLUSH * 8, Math.round((MAX_PER_SECOND * (now - this.lastFlushAt)) / 1000)));
    this.lastFlushAt = now;
    for (const [subscriptionId, entry] of this.open) {
      if (!entry.pending.size) continue;
      const events = entry.pending.take(max).map(({ event, seq }) => toViewerEvent(event, seq));
      // A late flush passes more, in messages of a normal flush's size: the window handles each in one short task.
      for (let i = 0; i < events.length; i += MAX_PER_FLUSH) this.emit({ type: 'subscription.events', subscriptionId, events: events.slice(i, i + MAX_PER_FLUSH) });
    }
  }
}

function toViewerEvent(event: ReceivedEvent, seq: number): ViewerEventDetail {
  const raw = event.raw.subarray(0, RAW_PREVIEW_BYTES);
  return {
    seq,
    id: event.id,
    type: event.type,
    data: event.data,
    receivedAt: event.receivedAt,
    size: event.size,
    ...(event.latencyMs !== undefined ? { latencyMs: event.latencyMs } : {}),
    raw: raw.toString('utf8'),
    rawTruncated: event.rawTruncated || event.raw.length > RAW_PREVIEW_BYTES,
    connection: event.connection,
  };
}
