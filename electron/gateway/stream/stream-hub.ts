import type { ApiRuntime } from '../../../shared/model/runtime.ts';
import type { StreamCounters } from '../metrics.ts';
import { ReplayHistory, type HistoryEntry } from './replay-history.ts';
import { Subscriber, type SubscriberResponse } from './subscriber.ts';
import { connectUpstream, type UpstreamConnection } from './upstream-connection.ts';
import type { BlockMeaning } from './block-reader.ts';
import { passAnswerThrough, sendBadGateway } from './backend-answer.ts';

/**
 * Everything the gateway knows about one backend stream (one API + one backend URL): its replay
 * history, its subscribers and its upstream connection(s).
 *
 * - shared mode: one upstream connection fanned out to every subscriber; it lingers a while after
 *   the last one leaves, so a client that reconnects finds the events it missed in the history.
 * - per-client mode: one upstream connection per subscriber (what WSO2 does); the history is still
 *   shared, so reconnects are replayed from it before the backend is asked to resume.
 *
 * Reconnects with Last-Event-ID get the history after that id, then live events. The seam is
 * synchronous (Mercure-style): nothing arrives between the replay and joining the live set, so
 * nothing is lost or doubled. When the gateway itself resumes a backend, events whose ids it
 * already has are skipped until the first new one, in case the backend ignores Last-Event-ID.
 */
export interface SubscribeRequest {
  res: SubscriberResponse;
  lastEventId: string | undefined;
  /** Per-event admission (rate limits); false ends the subscription. */
  admitEvent?: () => boolean;
}

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;

type SharedState = 'idle' | 'connecting' | 'open' | 'retrying';

/** Blocks of one backend read, written to each subscriber together (see Subscriber.writeBlocks). */
class ReadBatch {
  items: Array<{ block: Buffer; isEvent: boolean }> = [];
  events = 0;
  receivedAt = 0;

  add(block: Buffer, isEvent: boolean, receivedAt: number): void {
    this.items.push({ block, isEvent });
    if (isEvent) this.events++;
    this.receivedAt = receivedAt;
  }

  /** Hands the batch over and starts a new one. */
  take(): { items: Array<{ block: Buffer; isEvent: boolean }>; joined: Buffer; events: number; receivedAt: number } | undefined {
    if (this.items.length === 0) return undefined;
    const items = this.items;
    const taken = { items, joined: items.length === 1 ? (items[0] as { block: Buffer }).block : Buffer.concat(items.map((i) => i.block)), events: this.events, receivedAt: this.receivedAt };
    this.items = [];
    this.events = 0;
    return taken;
  }
}

export class StreamHub {
  private readonly history: ReplayHistory;
  private readonly subscribers = new Set<Subscriber>();
  private heartbeat: NodeJS.Timeout | undefined;

  // Shared mode only.
  private state: SharedState = 'idle';
  private upstream: UpstreamConnection | undefined;
  private waiting: Array<{ sub: Subscriber; lastEventId: string | undefined; passedUpstream: boolean }> = [];
  private retryTimer: NodeJS.Timeout | undefined;
  private lingerTimer: NodeJS.Timeout | undefined;
  private backoffMs = MIN_BACKOFF_MS;
  private backendRetryMs: number | undefined;
  private lastId: string | undefined;
  private dedupeSeam = false;
  private firstBlock = true;
  private contentType: string | undefined;
  private readonly batch = new ReadBatch();

  constructor(
    readonly url: URL,
    private readonly runtime: ApiRuntime,
    private readonly counters: StreamCounters,
    /** The API topic (pattern) this stream belongs to, e.g. `/prices/{symbol}`. */
    readonly topic = '',
  ) {
    this.history = new ReplayHistory(runtime.replay.maxEvents, runtime.replay.maxAgeSeconds * 1000);
  }

  get subscriberCount(): number {
    return this.subscribers.size + this.waiting.length;
  }

  /** True when nothing is connected and nothing is worth keeping: the gateway may forget the hub. */
  get disposable(): boolean {
    return this.subscriberCount === 0 && this.state === 'idle' && this.history.prune() === 0;
  }

  subscribe(request: SubscribeRequest): void {
    this.counters.connectionsTotal++;
    this.counters.connectionsOpen++;
    const sub = new Subscriber(request.res, {
      queueLimit: this.runtime.subscriberQueueEvents,
      ...(request.admitEvent ? { admitEvent: request.admitEvent } : {}),
      onSlow: () => this.counters.slowSubscriberDrops++,
      onRateLimited: () => this.counters.rateLimited++,
      onClose: () => this.leave(sub),
    });
    if (this.runtime.upstream === 'per-client') this.runPerClient(sub, request.lastEventId);
    else this.joinShared(sub, request.lastEventId);
  }

  /**
   * Cuts every subscriber's connection (a gateway-side drop, for reconnect tests); the upstream and
   * the history stay, so clients that reconnect with Last-Event-ID get what they missed.
   */
  dropSubscribers(): number {
    const dropped = this.subscribers.size;
    for (const sub of [...this.subscribers]) sub.destroy();
    return dropped;
  }

  /** Ends every subscriber and closes the upstream (gateway stop or undeploy). */
  close(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.lingerTimer);
    this.stopHeartbeat();
    this.upstream?.close();
    this.upstream = undefined;
    this.state = 'idle';
    for (const { sub } of this.waiting) sub.destroy();
    this.waiting = [];
    for (const sub of this.subscribers) sub.destroy();
  }

  // ---- shared mode -------------------------------------------------------------------------

  private joinShared(sub: Subscriber, lastEventId: string | undefined): void {
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    if (this.state === 'open' || this.state === 'retrying') return this.attach(sub, lastEventId, false);
    const passedUpstream = this.state === 'idle' && this.history.size === 0 && lastEventId !== undefined;
    this.waiting.push({ sub, lastEventId, passedUpstream });
    if (this.state === 'idle') this.connectShared(this.history.lastId ?? lastEventId);
  }

  private connectShared(lastEventId: string | undefined): void {
    const resuming = this.history.size > 0;
    this.state = this.state === 'retrying' ? 'retrying' : 'connecting';
    this.counters.upstreamConnects++;
    this.upstream = connectUpstream(this.url, lastEventId, this.runtime.maxEventBytes, {
      onStream: (headers) => {
        this.contentType = headers['content-type'];
        this.state = 'open';
        this.backoffMs = MIN_BACKOFF_MS;
        this.dedupeSeam = resuming;
        this.firstBlock = true;
        const waiting = this.waiting;
        this.waiting = [];
        for (const w of waiting) this.attach(w.sub, w.lastEventId, w.passedUpstream);
      },
      onBlock: (block, meaning, receivedAt) => this.fanOut(block, meaning, receivedAt),
      onReadEnd: () => this.flushShared(),
      onOversize: (bytes) => {
        this.flushShared();
        this.counters.oversizeEventsDropped++;
        for (const sub of this.subscribers) sub.comment(`gateway dropped an event of ${bytes} bytes (over maxEventBytes ${this.runtime.maxEventBytes})`);
      },
      onAnswer: (status, headers, body) => {
        this.flushShared();
        this.upstream = undefined;
        this.counters.upstreamFailures++;
        if (this.state === 'connecting') {
          this.state = 'idle';
          for (const w of this.drainWaiting()) passAnswerThrough(w.sub.res, status, headers, body);
          return;
        }
        if (status === 204) return this.endAll('backend answered 204 No Content: the stream is over');
        this.scheduleSharedRetry(`backend answered HTTP ${status}`);
      },
      onClosed: ({ kind, detail, trailing }) => {
        this.flushShared();
        this.upstream = undefined;
        if (this.state === 'connecting') {
          this.counters.upstreamFailures++;
          this.state = 'idle';
          for (const w of this.drainWaiting()) sendBadGateway(w.sub.res, detail, this.url);
          return;
        }
        if (kind === 'refused') this.counters.upstreamFailures++;
        if (this.runtime.onBackendDrop === 'close-client' && this.state === 'open') {
          // Clients reconnect by themselves; forward the unfinished bytes as a plain proxy would.
          if (trailing.length) for (const sub of this.subscribers) sub.write(trailing, false);
          for (const sub of this.subscribers) sub.end();
          // They will be back after their retry delay: keep the history filling meanwhile (as the
          // linger does), so they find what they missed even if the backend ignores Last-Event-ID.
          if (this.runtime.lingerSeconds > 0 && this.runtime.replay.maxEvents > 0) {
            this.state = 'retrying';
            this.connectShared(this.lastId);
          } else {
            this.state = 'idle';
          }
          return;
        }
        this.scheduleSharedRetry(detail);
      },
    });
  }

  private drainWaiting() {
    const waiting = this.waiting;
    this.waiting = [];
    return waiting;
  }

  private scheduleSharedRetry(why: string): void {
    if (this.subscribers.size === 0 && this.waiting.length === 0) {
      this.state = 'idle';
      return;
    }
    this.state = 'retrying';
    const delay = Math.max(this.backoffMs, this.backendRetryMs ?? 0);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    for (const sub of this.subscribers) sub.comment(`${why}; the gateway reconnects in ${delay} ms${this.lastId !== undefined ? ` with Last-Event-ID ${this.lastId}` : ''}`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.state === 'retrying') this.connectShared(this.lastId);
    }, delay);
  }

  private endAll(why: string): void {
    this.state = 'idle';
    for (const sub of this.subscribers) {
      sub.comment(why);
      sub.end();
    }
  }

  private fanOut(block: Buffer, meaning: BlockMeaning, receivedAt: number): void {
    let kept = block;
    if (this.firstBlock) {
      this.firstBlock = false;
      kept = withoutBom(block);
    }
    if (!meaning.isEvent) {
      if (meaning.retryMs !== undefined) {
        this.backendRetryMs = meaning.retryMs;
        // The gateway's own reconnect delay, when set, is the one clients get.
        if (this.runtime.retryMs !== undefined) return;
      }
      this.batch.add(block, false, receivedAt);
      return;
    }
    if (this.dedupeSeam) {
      if (meaning.id !== undefined && this.isResent(meaning.id, kept)) return;
      this.dedupeSeam = false;
    }
    if (meaning.id !== undefined) this.lastId = meaning.id;
    this.counters.eventsIn++;
    this.counters.bytesIn += block.length;
    this.history.append(this.lastId, kept);
    this.batch.add(block, true, receivedAt);
  }

  /** Writes the blocks of the last backend read to every subscriber, one write each. */
  private flushShared(): void {
    const taken = this.batch.take();
    if (!taken) return;
    for (const sub of this.subscribers) this.deliverBlocks(sub, taken);
    if (taken.events) this.counters.addedLatency.record((performance.now() - taken.receivedAt) * 1000);
  }

  private deliverBlocks(sub: Subscriber, taken: NonNullable<ReturnType<ReadBatch['take']>>): void {
    const sent = sub.writeBlocks(taken.items, taken.joined, taken.events);
    this.counters.eventsOut += sent.events;
    this.counters.bytesOut += sent.bytes;
  }

  // ---- per-client mode -----------------------------------------------------------------------

  private runPerClient(sub: Subscriber, lastEventId: string | undefined): void {
    const replay = lastEventId === undefined ? undefined : this.history.after(lastEventId);
    let laneLastId = replay?.found ? (this.history.lastId ?? lastEventId) : lastEventId;
    let upstream: UpstreamConnection | undefined;
    let opened = false;
    // Ids this client already has (replayed or delivered), bounded: the seam skips them when a
    // backend ignores Last-Event-ID. Lane-local, since other lanes add to the history too.
    const had = new BoundedIdSet(Math.max(1, Math.min(this.runtime.replay.maxEvents, 1000)));
    let atSeam = false;
    let backoff = MIN_BACKOFF_MS;
    let backendRetry: number | undefined;
    let timer: NodeJS.Timeout | undefined;

    const connect = () => {
      this.counters.upstreamConnects++;
      let firstBlock = true;
      upstream = connectUpstream(this.url, laneLastId, this.runtime.maxEventBytes, {
        onStream: (headers) => {
          backoff = MIN_BACKOFF_MS;
          if (!opened) {
            opened = true;
            sub.open(this.runtime.retryMs, headers['content-type']);
            this.subscribers.add(sub);
            this.startHeartbeat();
            if (replay && lastEventId !== undefined) {
              for (const id of this.replayTo(sub, lastEventId, replay.found ? replay.entries : undefined, false)) had.add(id);
              atSeam = replay.found;
            }
          } else {
            atSeam = true; // the gateway resumed the backend itself
          }
        },
        onBlock: (block, meaning, receivedAt) => {
          // Mid-stream for this client (after a replay or a resume): a BOM would corrupt a line.
          if (firstBlock) {
            firstBlock = false;
            if (atSeam) block = withoutBom(block);
          }
          if (!meaning.isEvent) {
            if (meaning.retryMs !== undefined) {
              backendRetry = meaning.retryMs;
              if (this.runtime.retryMs !== undefined) return;
            }
            sub.write(block, false);
            return;
          }
          if (atSeam) {
            if (meaning.id !== undefined && had.has(meaning.id) && this.isResent(meaning.id, withoutBom(block))) return;
            atSeam = false;
          }
          if (meaning.id !== undefined) {
            laneLastId = meaning.id;
            had.add(meaning.id);
            if (!this.history.has(meaning.id)) this.history.append(meaning.id, withoutBom(block));
          }
          this.counters.eventsIn++;
          this.counters.bytesIn += block.length;
          this.deliver(sub, block);
          this.counters.addedLatency.record((performance.now() - receivedAt) * 1000);
        },
        onOversize: (bytes) => {
          this.counters.oversizeEventsDropped++;
          sub.comment(`gateway dropped an event of ${bytes} bytes (over maxEventBytes ${this.runtime.maxEventBytes})`);
        },
        onAnswer: (status, headers, body) => {
          upstream = undefined;
          this.counters.upstreamFailures++;
          if (!opened) return passAnswerThrough(sub.res, status, headers, body);
          if (status === 204) {
            sub.comment('backend answered 204 No Content: the stream is over');
            return sub.end();
          }
          retry(`backend answered HTTP ${status}`);
        },
        onClosed: ({ kind, detail, trailing }) => {
          upstream = undefined;
          if (!opened) {
            this.counters.upstreamFailures++;
            return sendBadGateway(sub.res, detail, this.url);
          }
          if (kind === 'refused') this.counters.upstreamFailures++;
          if (this.runtime.onBackendDrop === 'close-client') {
            if (trailing.length) sub.write(trailing, false);
            return sub.end();
          }
          retry(detail);
        },
      });
    };

    const retry = (why: string) => {
      if (sub.closed) return;
      const delay = Math.max(backoff, backendRetry ?? 0);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      sub.comment(`${why}; the gateway reconnects in ${delay} ms${laneLastId !== undefined ? ` with Last-Event-ID ${laneLastId}` : ''}`);
      timer = setTimeout(connect, delay);
    };

    sub.res.on('close', () => {
      clearTimeout(timer);
      upstream?.close();
    });
    connect();
  }

  // ---- common --------------------------------------------------------------------------------

  /**
   * At a seam, an event is a resend of one the client has when its id AND its bytes match the
   * kept copy. A backend that restarted its numbering reuses ids for new events: those differ and
   * are delivered, so a restart never swallows events.
   */
  private isResent(id: string, block: Buffer): boolean {
    const kept = this.history.entryFor(id);
    return kept !== undefined && kept.block.equals(block);
  }

  /** Opens the response, replays what the client missed, then joins the live set — in one turn. */
  private attach(sub: Subscriber, lastEventId: string | undefined, passedUpstream: boolean): void {
    if (sub.closed) return;
    sub.open(this.runtime.retryMs, this.contentType);
    if (lastEventId !== undefined && !passedUpstream) {
      const replay = this.history.after(lastEventId);
      this.replayTo(sub, lastEventId, replay.found ? replay.entries : undefined, true);
    }
    this.subscribers.add(sub);
    this.startHeartbeat();
  }

  /** Writes the replay (or the gap notice); returns the ids the client now has, for the seam. */
  private replayTo(sub: Subscriber, lastEventId: string, entries: HistoryEntry[] | undefined, historyIsContinuous: boolean): Set<string> {
    if (!entries) {
      if (this.history.size > 0 || (historyIsContinuous && this.lastId !== undefined)) {
        this.counters.gaps++;
        sub.comment(`gap: Last-Event-ID ${lastEventId} is older than the gateway's replay history; events in between may be lost`);
      }
      return new Set([lastEventId]);
    }
    this.counters.replays++;
    const ids = new Set<string>([lastEventId]);
    const blocks: Buffer[] = [];
    for (const entry of entries) {
      blocks.push(entry.block);
      if (entry.id !== undefined) ids.add(entry.id);
    }
    const sent = sub.writeEvents(blocks);
    this.counters.replayedEvents += sent;
    this.counters.eventsOut += sent;
    for (let i = 0; i < sent; i++) this.counters.bytesOut += (blocks[i] as Buffer).length;
    return ids;
  }

  private deliver(sub: Subscriber, block: Buffer): void {
    if (sub.closed) return;
    sub.write(block, true);
    this.counters.eventsOut++;
    this.counters.bytesOut += block.length;
  }

  private leave(sub: Subscriber): void {
    this.subscribers.delete(sub);
    this.waiting = this.waiting.filter((w) => w.sub !== sub);
    this.counters.connectionsOpen--;
    if (this.subscribers.size === 0) this.stopHeartbeat();
    if (this.runtime.upstream === 'shared' && this.subscriberCount === 0) this.scheduleLinger();
  }

  private scheduleLinger(): void {
    clearTimeout(this.lingerTimer);
    const linger = Math.min(this.runtime.lingerSeconds * 1000, this.runtime.replay.maxAgeSeconds * 1000);
    if (this.runtime.replay.maxEvents === 0 || linger <= 0) return this.stopShared();
    this.lingerTimer = setTimeout(() => this.stopShared(), linger);
    this.lingerTimer.unref();
  }

  private stopShared(): void {
    if (this.subscriberCount > 0) return;
    clearTimeout(this.retryTimer);
    this.upstream?.close();
    this.upstream = undefined;
    this.state = 'idle';
  }

  private startHeartbeat(): void {
    const seconds = this.runtime.heartbeatSeconds;
    if (this.heartbeat || seconds === 0) return;
    const periodMs = seconds * 1000;
    this.heartbeat = setInterval(() => {
      const due = Date.now() - periodMs + 50;
      for (const sub of this.subscribers) if (sub.lastWriteAt <= due) sub.comment('');
    }, Math.min(periodMs, 1000));
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }
}

function withoutBom(block: Buffer): Buffer {
  return block.length >= 3 && block[0] === 0xef && block[1] === 0xbb && block[2] === 0xbf ? block.subarray(3) : block;
}

/** A set that forgets its oldest ids beyond `limit`. */
class BoundedIdSet {
  private readonly ids = new Set<string>();
  constructor(private readonly limit: number) {}
  add(id: string): void {
    if (this.ids.has(id)) this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as string);
  }
  has(id: string): boolean {
    return this.ids.has(id);
  }
}
