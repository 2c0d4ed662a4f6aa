import { DEFAULT_OUTAGE_SECONDS, DEFAULT_STREAM_HISTORY_BYTES, type ApiRuntime } from '../../../shared/model/runtime.ts';
import { encodeSseComment, encodeSseRetry } from '../../../shared/sse/encode.ts';
import { gatewayGapText, sourceGapText } from '../../../shared/sse/gap-notice.ts';
import type { StreamCounters } from '../metrics.ts';
import { ReplayHistory, type HistoryEntry, type HistoryOwner } from './replay-history.ts';
import type { HistoryBudget } from './history-budget.ts';
import { Subscriber, type SubscriberResponse } from './subscriber.ts';
import { connectUpstream, type UpstreamConnection } from './upstream-connection.ts';
import type { BlockMeaning } from './block-reader.ts';
import { passAnswerThrough, sendBadGateway } from './backend-answer.ts';
import { IdContinuity } from './id-continuity.ts';
import { ReadBatch } from './read-batch.ts';
import { compareNumericIds, HOLD_MS, holdOutcome, type HeldClient } from './held-clients.ts';
import { withoutBom } from './bom.ts';
import { runPerClientLane } from './per-client-lane.ts';
import { MAX_BACKOFF_MS, MIN_BACKOFF_MS, OUTAGE_RETRY_MS } from './backoff.ts';

/**
 * Everything the gateway knows about one backend stream (one API + one upstream key): its replay
 * history, its subscribers and its upstream connection(s).
 *
 * - shared mode (the default): one upstream connection fanned out to every subscriber; it keeps
 *   recording for the replay window (`lingerSeconds`) after the last one leaves, so a client that
 *   reconnects finds the events it missed in the history even if the backend ignores Last-Event-ID.
 * - per-client mode: one upstream connection per subscriber (what WSO2 does); the history is still
 *   shared, so reconnects are replayed from it before the backend is asked to resume.
 *
 * Reconnects with Last-Event-ID get the history after that id, then live events. The seam is
 * synchronous (Mercure-style): nothing arrives between the replay and joining the live set, so
 * nothing is lost or doubled. When the gateway itself resumes a backend, events whose ids it
 * already has are skipped until the first new one, in case the backend ignores Last-Event-ID; if
 * the first new one does not follow the Last-Event-ID sent, the hole is announced (`: gap:`).
 *
 * Outages: a client that connects while the backend is unreachable or answers 5xx is held open
 * (200, a `retry:` hint, a comment, its replay) while the gateway reconnects with backoff, for up
 * to `outageSeconds`; then its stream ends and it reconnects by itself. Only a first connection
 * (no Last-Event-ID) to a stream the backend has never answered gets the 502.
 */
export interface SubscribeRequest {
  res: SubscriberResponse;
  lastEventId: string | undefined;
  /** Per-event admission (rate limits); false ends the subscription. */
  admitEvent?: () => boolean;
}

export interface StreamHubOptions {
  /** The gateway-wide byte budget shared by every history. */
  budget?: HistoryBudget;
  /** This stream's history was evicted earlier (the hub was forgotten): older ids are a gap. */
  historyWasEvicted?: boolean;
}


type SharedState = 'idle' | 'connecting' | 'open' | 'retrying';

export class StreamHub implements HistoryOwner {
  readonly history: ReplayHistory;
  readonly subscribers = new Set<Subscriber>();
  /** Consecutive-number ids seen on this stream, to tell a backend that did not resume. */
  readonly ids = new IdContinuity();
  /** The backend has answered this stream with a stream at least once. */
  everStreamed = false;
  lastActiveAt = Date.now();
  private heartbeat: NodeJS.Timeout | undefined;
  private lanes = 0;
  private recorder: (() => void) | undefined;

  // Shared mode only.
  private state: SharedState = 'idle';
  private upstream: UpstreamConnection | undefined;
  private waiting: Array<{ sub: Subscriber; lastEventId: string | undefined; passedUpstream: boolean }> = [];
  /** Clients whose Last-Event-ID the stream has not reached yet (see held-clients.ts). */
  private held: HeldClient[] = [];
  private holdTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private lingerTimer: NodeJS.Timeout | undefined;
  private backoffMs = MIN_BACKOFF_MS;
  backendRetryMs: number | undefined;
  private lastId: string | undefined;
  private dedupeSeam = false;
  private checkResume = false;
  /** The Last-Event-ID the current (or pending) upstream connection sent: the resume is checked against it. */
  private sentLastEventId: string | undefined;
  /** The last id before each upstream reconnect (bounded): where the record of what the gateway got may have a hole. */
  readonly resumedAfter: string[] = [];
  private firstBlock = true;
  private contentType: string | undefined;
  private outageSince: number | undefined;
  /** The current upstream brought new events: after it ends, the first reconnect is immediate. */
  private productive = false;
  private readonly batch = new ReadBatch();

  constructor(
    readonly url: URL,
    readonly runtime: ApiRuntime,
    readonly counters: StreamCounters,
    /** The API topic (pattern) this stream belongs to, e.g. `/prices/{symbol}`. */
    readonly topic = '',
    options: StreamHubOptions = {},
  ) {
    this.history = new ReplayHistory({
      maxEvents: runtime.replay.maxEvents,
      maxAgeMs: runtime.replay.maxAgeSeconds * 1000,
      maxBytes: runtime.replay.maxBytes ?? DEFAULT_STREAM_HISTORY_BYTES,
      ...(options.budget ? { budget: options.budget } : {}),
      owner: this,
    });
    if (options.historyWasEvicted) this.history.lostUnderPressure = true;
  }

  get subscriberCount(): number {
    // A per-client subscriber joins `subscribers` only once live; `lanes` counts them all.
    return this.runtime.upstream === 'per-client' ? this.lanes : this.subscribers.size + this.waiting.length + this.held.length;
  }

  get idle(): boolean {
    return this.subscriberCount === 0;
  }

  /** Per-client mode: stops the upstream of a departed client, still recording (`only`: if it is this one). */
  stopRecorder(only?: () => void): void {
    const stop = this.recorder;
    if (!stop || (only && stop !== only)) return;
    this.recorder = undefined;
    stop();
  }

  /** Per-client mode: a departed client's upstream records for the replay window; it replaces any earlier one. */
  adoptRecorder(stop: () => void): void {
    this.stopRecorder();
    this.recorder = stop;
  }

  /** Under memory pressure an idle stream's history went: stop recording it (its clients will hear of the gap). */
  historyEvicted(): void {
    if (!this.idle) return;
    this.stopRecorder();
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    this.stopShared();
  }

  /** True when nothing is connected and nothing is worth keeping: the gateway may forget the hub. */
  get disposable(): boolean {
    return this.subscriberCount === 0 && this.state === 'idle' && this.history.prune() === 0;
  }

  get outageWindowMs(): number {
    return (this.runtime.outageSeconds ?? DEFAULT_OUTAGE_SECONDS) * 1000;
  }

  subscribe(request: SubscribeRequest): void {
    this.counters.connectionsTotal++;
    this.counters.connectionsOpen++;
    this.lastActiveAt = Date.now();
    const perClient = this.runtime.upstream === 'per-client';
    const sub = new Subscriber(request.res, {
      queueLimit: this.runtime.subscriberQueueEvents,
      ...(request.admitEvent ? { admitEvent: request.admitEvent } : {}),
      onSlow: () => this.counters.slowSubscriberDrops++,
      onRateLimited: () => this.counters.rateLimited++,
      onClose: () => {
        if (perClient) this.lanes--;
        this.leave(sub);
      },
    });
    if (perClient) {
      this.lanes++;
      runPerClientLane(this, sub, request.lastEventId);
    } else this.joinShared(sub, request.lastEventId);
  }

  /**
   * Cuts every subscriber's connection (a gateway-side drop, for reconnect tests); the upstream and
   * the history stay, so clients that reconnect with Last-Event-ID get what they missed.
   */
  dropSubscribers(): number {
    const dropped = this.subscribers.size + this.held.length;
    for (const sub of [...this.subscribers, ...this.held.map((h) => h.sub)]) sub.destroy();
    return dropped;
  }

  /** Ends every subscriber, closes the upstream and leaves the memory budget (gateway stop, undeploy, eviction). */
  close(): void {
    this.stopRecorder();
    clearTimeout(this.retryTimer);
    clearTimeout(this.lingerTimer);
    this.stopHeartbeat();
    this.upstream?.close();
    this.upstream = undefined;
    this.state = 'idle';
    for (const { sub } of this.waiting) sub.destroy();
    this.waiting = [];
    for (const { sub } of this.held) sub.destroy();
    this.held = [];
    clearTimeout(this.holdTimer);
    for (const sub of this.subscribers) sub.destroy();
    this.history.dispose();
  }

  // ---- shared mode -------------------------------------------------------------------------

  private joinShared(sub: Subscriber, lastEventId: string | undefined): void {
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    if (this.state === 'open' || this.state === 'retrying') {
      const note = this.outageSince !== undefined ? `the backend has been unreachable for ${Math.round((Date.now() - this.outageSince) / 1000)} s; the gateway holds this stream open and reconnects` : undefined;
      // A numeric id ahead of the stream: the events up to it are still to come, and the client has them.
      if (this.state === 'open' && lastEventId !== undefined && compareNumericIds(lastEventId, this.lastId) === 1 && this.canHold(lastEventId)) return this.hold(sub, lastEventId);
      return this.attach(sub, lastEventId, false, note);
    }
    // A fresh stream: the client's Last-Event-ID goes to the backend — unless the history was
    // evicted, in which case the client must hear that events may be lost.
    // A client that waits for a connection already asking for the events after its own id needs no replay either.
    const fresh = this.history.size === 0 && lastEventId !== undefined && !this.history.lostUnderPressure;
    const passedUpstream = fresh && (this.state === 'idle' || lastEventId === this.sentLastEventId);
    this.waiting.push({ sub, lastEventId, passedUpstream });
    if (this.state === 'idle') this.connectShared(this.history.lastId ?? lastEventId);
  }

  private connectShared(lastEventId: string | undefined): void {
    const resuming = this.history.size > 0;
    this.state = this.state === 'retrying' ? 'retrying' : 'connecting';
    this.counters.upstreamConnects++;
    this.sentLastEventId = lastEventId;
    this.upstream = connectUpstream(this.url, lastEventId, this.runtime.maxEventBytes, {
      onStream: (headers) => {
        this.contentType = headers['content-type'];
        this.state = 'open';
        this.everStreamed = true;
        this.outageSince = undefined;
        this.productive = false;
        this.dedupeSeam = resuming;
        if (resuming && this.lastId !== undefined) {
          this.resumedAfter.push(this.lastId);
          if (this.resumedAfter.length > 100) this.resumedAfter.shift();
        }
        this.checkResume = lastEventId !== undefined;
        this.lastId ??= lastEventId;
        this.firstBlock = true;
        const waiting = this.waiting;
        this.waiting = [];
        for (const w of waiting) {
          // Waited with an id the upstream was not asked for: unless it is behind that one, hold it
          // until the stream reaches it, so it is neither sent what it has nor told of a gap.
          const behind = compareNumericIds(w.lastEventId, lastEventId) === -1;
          if (w.lastEventId !== undefined && !w.passedUpstream && !behind && w.lastEventId !== lastEventId && this.canHold(w.lastEventId)) this.hold(w.sub, w.lastEventId);
          else this.attach(w.sub, w.lastEventId, w.passedUpstream);
        }
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
        const why = `backend answered HTTP ${status}`;
        if (this.state === 'connecting') {
          // 5xx is an outage; 204, 4xx and a wrong content type are the backend's deliberate answers.
          if (status >= 500) return this.holdThroughOutage(why, (w) => passAnswerThrough(w.sub.res, status, headers, body));
          this.state = 'idle';
          for (const w of this.drainWaiting()) passAnswerThrough(w.sub.res, status, headers, body);
          return;
        }
        if (status === 204) return this.endAll('backend answered 204 No Content: the stream is over');
        this.scheduleSharedRetry(why);
      },
      onClosed: ({ kind, detail, trailing }) => {
        this.flushShared();
        this.upstream = undefined;
        if (this.state === 'connecting') {
          this.counters.upstreamFailures++;
          return this.holdThroughOutage(detail, (w) => sendBadGateway(w.sub.res, detail, this.url));
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
            // At once after a stream that brought events; with backoff after one that did not
            // (a backend that ends every stream at once must not be hammered).
            clearTimeout(this.retryTimer);
            this.retryTimer = setTimeout(() => {
              this.retryTimer = undefined;
              if (this.state === 'retrying') this.connectShared(this.lastId);
            }, this.nextDelay(false));
          } else {
            this.state = 'idle';
          }
          return;
        }
        this.scheduleSharedRetry(detail);
      },
    });
  }

  /**
   * The backend is unreachable (or answered 5xx) while clients wait for their first bytes. Those
   * that are reconnecting (Last-Event-ID) or whose stream the backend has served before are held
   * open; a first connection to a stream that never answered gets `refuse` (502 or the 5xx).
   */
  private holdThroughOutage(why: string, refuse: (w: { sub: Subscriber }) => void): void {
    const waiting = this.drainWaiting();
    const held = waiting.filter((w) => this.everStreamed || w.lastEventId !== undefined);
    for (const w of waiting) if (!held.includes(w)) refuse(w);
    if (held.length === 0 || this.outageWindowMs === 0) {
      for (const w of held) refuse(w);
      this.state = 'idle';
      return;
    }
    this.outageSince ??= Date.now();
    this.state = 'retrying';
    for (const w of held) this.attach(w.sub, w.lastEventId, false, `${why}; the gateway holds this stream open and reconnects`);
    this.scheduleSharedRetry(why);
  }

  private drainWaiting() {
    const waiting = this.waiting;
    this.waiting = [];
    return waiting;
  }

  private scheduleSharedRetry(why: string): void {
    if (this.subscribers.size === 0 && this.waiting.length === 0 && this.held.length === 0 && this.lingerTimer === undefined) {
      this.state = 'idle';
      return;
    }
    const now = Date.now();
    this.outageSince ??= now;
    if (now - this.outageSince >= this.outageWindowMs) {
      const seconds = Math.round((now - this.outageSince) / 1000);
      this.outageSince = undefined;
      this.backoffMs = MIN_BACKOFF_MS;
      this.stopShared(true);
      return this.endAll(`${why}: the backend has been unreachable for ${seconds} s (outageSeconds ${this.outageWindowMs / 1000}); the gateway ends this stream, reconnect to resume`);
    }
    this.state = 'retrying';
    const delay = this.nextDelay(true);
    for (const sub of this.subscribers) sub.comment(`${why}; the gateway reconnects in ${delay} ms${this.lastId !== undefined ? ` with Last-Event-ID ${this.lastId}` : ''}`);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.state === 'retrying') this.connectShared(this.lastId);
    }, delay);
  }

  /** The wait before the next upstream connect: none right after a productive stream, else backoff. */
  private nextDelay(honourBackendRetry: boolean): number {
    const backend = honourBackendRetry ? (this.backendRetryMs ?? 0) : 0;
    if (this.productive) {
      this.productive = false;
      this.backoffMs = MIN_BACKOFF_MS;
      return backend;
    }
    const delay = Math.max(this.backoffMs, backend);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    return delay;
  }

  private endAll(why: string): void {
    this.state = 'idle';
    this.releaseHeld();
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
    let gapBefore: string | undefined;
    if (this.checkResume) {
      // A backend that resends the event it was asked to resume after (inclusive): clients have it.
      if (this.isResendOfSent(this.sentLastEventId, meaning.id, kept)) return;
      this.checkResume = false;
      // Checked against the id sent upstream, which is older than the hub's last id when a client
      // reconnects with an older Last-Event-ID to an idle stream without history (replay off).
      gapBefore = this.sourceHole(this.sentLastEventId, meaning.id);
      if (gapBefore !== undefined) this.batch.add(Buffer.from(encodeSseComment(gapBefore)), false, receivedAt);
      this.ids.observe(meaning.id, true);
    } else this.ids.observe(meaning.id);
    if (meaning.id !== undefined) this.lastId = meaning.id;
    this.productive = true;
    this.counters.eventsIn++;
    this.counters.bytesIn += block.length;
    const entry = this.history.append(this.lastId, kept);
    if (gapBefore !== undefined) entry.gapBefore = gapBefore;
    this.batch.add(block, true, receivedAt);
  }

  /** The gap notice when the first new event after a resume does not follow `lastSeen` (and counts it). */
  sourceHole(lastSeen: string | undefined, next: string | undefined, ids = this.ids): string | undefined {
    const hole = ids.holeAfterResume(lastSeen, next);
    if (!hole || lastSeen === undefined || next === undefined) return undefined;
    this.counters.gaps++;
    return sourceGapText(lastSeen, next, hole.missing);
  }

  /**
   * The first event after a resume carries the very Last-Event-ID sent: a backend that resumes
   * inclusively resent the event the client has. Dropped, unless the gateway kept that event with
   * other bytes (a restarted numbering reused the id for a new event: delivered, and a gap).
   */
  isResendOfSent(sent: string | undefined, id: string | undefined, block: Buffer): boolean {
    if (sent === undefined || id !== sent) return false;
    const kept = this.history.entryFor(id);
    return kept === undefined || kept.block.equals(block);
  }

  /** Writes the blocks of the last backend read to every subscriber, one write each. */
  private flushShared(): void {
    const batch = this.batch;
    if (batch.empty) return;
    const joined = batch.joined();
    for (const sub of this.subscribers) sub.writeBlocks(batch, joined, this.counters);
    if (batch.events) this.counters.addedLatency.record((performance.now() - batch.receivedAt) * 1000);
    batch.clear();
    if (this.held.length) this.checkHeld();
  }

  /** Holding needs the history (replay on) and an id the history does not have yet. */
  private canHold(lastEventId: string): boolean {
    return this.runtime.replay.maxEvents > 0 && !this.history.lostUnderPressure && !this.history.has(lastEventId);
  }

  private hold(sub: Subscriber, lastEventId: string): void {
    if (sub.closed) return;
    this.openClient(sub, this.contentType);
    this.held.push({ sub, lastEventId, fromSeq: this.history.nextSequence, until: Date.now() + HOLD_MS });
    this.scheduleHoldCheck(HOLD_MS + 10);
  }

  /** Looks at the held clients again after `ms` even if no event comes (one timer for all). */
  private scheduleHoldCheck(ms: number): void {
    if (this.holdTimer) return;
    this.holdTimer = setTimeout(() => {
      this.holdTimer = undefined;
      this.checkHeld();
    }, ms);
    this.holdTimer.unref();
  }

  /** Lets held clients go live once the stream reached their id, passed it, or the wait ended. */
  private checkHeld(now = Date.now()): void {
    const still: HeldClient[] = [];
    for (const h of this.held) {
      if (h.sub.closed) continue;
      const outcome = holdOutcome(h, this.history.has(h.lastEventId), () => this.history.since(h.fromSeq), this.lastId, now);
      if (outcome.kind === 'wait') still.push(h);
      else if (outcome.kind === 'found') this.attach(h.sub, h.lastEventId, false, undefined, true);
      else {
        if (outcome.gap) {
          this.counters.gaps++;
          h.sub.comment(gatewayGapText(h.lastEventId, 'not-reached'));
        }
        this.replayTo(h.sub, h.lastEventId, outcome.entries, false);
        this.subscribers.add(h.sub);
        this.startHeartbeat();
      }
    }
    this.held = still;
    if (still.length) this.scheduleHoldCheck(Math.max(10, Math.min(...still.map((h) => h.until)) - now + 10));
  }

  /** Held clients join the live set as they are (the stream is ending or the hub closing). */
  private releaseHeld(): void {
    for (const h of this.held) if (!h.sub.closed) this.subscribers.add(h.sub);
    this.held = [];
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
  }

  // ---- common --------------------------------------------------------------------------------

  /**
   * At a seam, an event is a resend of one the client has when its id AND its bytes match the
   * kept copy. A backend that restarted its numbering reuses ids for new events: those differ and
   * are delivered, so a restart never swallows events.
   */
  isResent(id: string, block: Buffer): boolean {
    const kept = this.history.entryFor(id);
    return kept !== undefined && kept.block.equals(block);
  }

  /**
   * Opens the response, replays what the client missed, then joins the live set — in one turn.
   * `outageNote`: the backend is down; the client gets a `retry:` hint and the reason first.
   */
  private attach(sub: Subscriber, lastEventId: string | undefined, passedUpstream: boolean, outageNote?: string, opened = false): void {
    if (sub.closed) return;
    if (!opened) this.openClient(sub, this.contentType, outageNote);
    if (lastEventId !== undefined && !passedUpstream) {
      const replay = this.history.after(lastEventId);
      this.replayTo(sub, lastEventId, replay.found ? replay.entries : undefined, true);
    }
    this.subscribers.add(sub);
    this.startHeartbeat();
  }

  /** Sends the response head; through an outage also a `retry:` hint (if the API sets none) and why. */
  openClient(sub: Subscriber, contentType: string | undefined, outageNote?: string): void {
    sub.open(this.runtime.retryMs, contentType);
    if (outageNote === undefined) return;
    if (this.runtime.retryMs === undefined) sub.write(Buffer.from(encodeSseRetry(this.backendRetryMs ?? OUTAGE_RETRY_MS)), false);
    sub.comment(outageNote);
  }

  /** Writes the replay (or the gap notice); returns the ids the client now has, for the seam. */
  replayTo(sub: Subscriber, lastEventId: string, entries: HistoryEntry[] | undefined, historyIsContinuous: boolean): Set<string> {
    if (!entries) {
      if (this.history.size > 0 || this.history.lostUnderPressure || (historyIsContinuous && this.lastId !== undefined)) {
        this.counters.gaps++;
        sub.comment(gatewayGapText(lastEventId, this.history.lostUnderPressure ? 'evicted' : 'older'));
      }
      return new Set([lastEventId]);
    }
    this.counters.replays++;
    const ids = new Set<string>([lastEventId]);
    const blocks: Buffer[] = [];
    for (const entry of entries) {
      blocks.push(entry.gapBefore === undefined ? entry.block : Buffer.concat([Buffer.from(encodeSseComment(entry.gapBefore)), entry.block]));
      if (entry.id !== undefined) ids.add(entry.id);
    }
    const sent = sub.writeEvents(blocks);
    this.counters.replayedEvents += sent;
    this.counters.eventsOut += sent;
    for (let i = 0; i < sent; i++) this.counters.bytesOut += (blocks[i] as Buffer).length;
    return ids;
  }

  /** A per-client lane's subscriber is live (its replay written). */
  joinLive(sub: Subscriber): void {
    this.subscribers.add(sub);
    this.startHeartbeat();
  }

  private leave(sub: Subscriber): void {
    this.subscribers.delete(sub);
    this.waiting = this.waiting.filter((w) => w.sub !== sub);
    this.held = this.held.filter((h) => h.sub !== sub);
    this.counters.connectionsOpen--;
    this.lastActiveAt = Date.now();
    if (this.subscribers.size === 0) this.stopHeartbeat();
    if (this.runtime.upstream === 'shared' && this.subscriberCount === 0) this.scheduleLinger();
  }

  private scheduleLinger(): void {
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    const linger = Math.min(this.runtime.lingerSeconds * 1000, this.runtime.replay.maxAgeSeconds * 1000);
    if (this.runtime.replay.maxEvents === 0 || linger <= 0) return this.stopShared();
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = undefined;
      this.stopShared();
    }, linger);
    this.lingerTimer.unref();
  }

  /** Closes the shared upstream when nobody needs it (or, `force`, when an outage ends the stream). */
  stopShared(force = false): void {
    if (!force && this.subscriberCount > 0) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
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
