import type { ServerResponse } from 'node:http';
import type { FaultPlan } from '../../shared/model/mock.ts';
import { createFaultSession, type FaultSession } from './faults/fault-session.ts';
import type { FaultTarget } from './faults/fault-plans.ts';
import { malformFrame } from './faults/malform.ts';
import { createPacer, type Pacer } from './faults/pacer.ts';
import type { HistoryEntry } from './mock-history.ts';
import type { Random } from './random.ts';
import type { MockMemory } from './mock-memory.ts';

/**
 * One subscriber's connection: the edge where fault decisions (fault-session.ts, pure) become
 * socket effects. Events wait in a bounded queue (history replay first, then live, so nothing is
 * lost or doubled at the seam) and one pump writes them in order, applying latency, stalls,
 * bandwidth pacing, malformed frames and drops. A subscriber that falls too far behind is cut
 * instead of growing memory.
 */
export interface ConnectionDeps {
  planFor(target: FaultTarget): FaultPlan;
  random: Random;
  now(): number;
  /** An event was written to this connection. */
  onSent(): void;
  onClose(): void;
  /** All connections' queues together: past its limit the connection that queues more is cut as slow. */
  queues?: MockMemory;
}

type Item = { kind: 'event'; entry: HistoryEntry; at: number } | { kind: 'raw'; bytes: Uint8Array };

export const MAX_QUEUE_EVENTS = 10_000;
/** Room for a few huge-event faults (1 MiB each); a subscriber further behind is cut. */
export const MAX_QUEUE_BYTES = 4 * 1024 * 1024;
/** After a drop the socket is ended (pending bytes flushed first); it is destroyed if it lingers. */
const DROP_GRACE_MS = 1000;

const encoder = new TextEncoder();

export class MockConnection {
  private readonly queue: Item[] = [];
  private queuedBytes = 0;
  private session: FaultSession;
  private planKey: string;
  private stallUntil: number | 'cleared' | undefined;
  private closed = false;
  private wake: (() => void) | undefined;
  /** Pauses (pacing, drain) to cut short when the connection closes. */
  private readonly pending = new Set<() => void>();
  private dropTimer: NodeJS.Timeout | undefined;
  private lastSendAt = 0;
  private pacer: Pacer | undefined;
  /** Why the connection ended, for tests and logs: 'client', 'drop', 'slow', 'stop'. */
  endedBy: 'client' | 'drop' | 'slow' | 'stop' | undefined;

  constructor(
    private readonly res: ServerResponse,
    readonly target: FaultTarget,
    private readonly deps: ConnectionDeps,
  ) {
    const plan = deps.planFor(target);
    this.planKey = JSON.stringify(plan);
    this.session = createFaultSession(plan, deps);
    res.on('close', () => {
      this.endedBy ??= 'client';
      this.finish();
    });
  }

  /** Starts the pump; `prelude` (BOM, retry hint) goes first. Applies the plan's at-once faults. */
  begin(prelude: Array<string | Uint8Array>): void {
    for (const p of prelude) this.pushRaw(p);
    this.applySession();
    void this.pump();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  get isStalled(): boolean {
    return this.stallUntil !== undefined;
  }

  push(entry: HistoryEntry): void {
    if (this.closed) return;
    this.queue.push({ kind: 'event', entry, at: this.deps.now() });
    this.queued(entry.frame.length);
    if (this.queue.length > MAX_QUEUE_EVENTS || this.queuedBytes > MAX_QUEUE_BYTES || this.deps.queues?.isOver) return this.cut('slow');
    this.poke();
  }

  pushRaw(text: string | Uint8Array): void {
    if (this.closed) return;
    const bytes = typeof text === 'string' ? encoder.encode(text) : text;
    this.queue.push({ kind: 'raw', bytes });
    this.queued(bytes.length);
    this.poke();
  }

  /** Sends nothing for `ms` (undefined: until released); events keep queueing. */
  stall(ms: number | undefined): void {
    this.stallUntil = ms === undefined ? 'cleared' : this.deps.now() + ms;
    this.poke();
  }

  release(): void {
    this.stallUntil = undefined;
    this.poke();
  }

  /** Looks at the fault plans again; a changed plan starts a new session (its counts start at 0). */
  refreshPlan(): void {
    if (this.closed) return;
    const plan = this.deps.planFor(this.target);
    const key = JSON.stringify(plan);
    if (key === this.planKey) return;
    this.planKey = key;
    this.session = createFaultSession(plan, this.deps);
    this.applySession();
    this.poke();
  }

  /** A backend-side drop: what was written is flushed, then the connection ends without an HTTP end. */
  drop(): void {
    this.cut('drop');
  }

  /** A clean end (the backend stops or the API changed). */
  end(): void {
    if (this.closed) return;
    this.endedBy = 'stop';
    this.res.end();
    this.finish();
  }

  private applySession(): void {
    clearTimeout(this.dropTimer);
    this.dropTimer = undefined;
    const plan = this.session.plan;
    this.pacer = plan.bandwidth ? createPacer(plan.bandwidth.bytesPerSecond) : undefined;
    const at = this.session.dropAt();
    if (at !== undefined) this.dropTimer = setTimeout(() => this.cut('drop'), Math.max(0, at - this.deps.now()));
    const step = this.session.open();
    if (step.type === 'drop') this.cut('drop');
    else if (step.type === 'stall') this.stall(step.ms);
  }

  private cut(reason: 'drop' | 'slow'): void {
    if (this.closed) return;
    this.endedBy = reason;
    const socket = this.res.socket;
    this.finish();
    if (!socket) return;
    // end() (not destroy()) so the events already written reach the client before the FIN.
    socket.end();
    setTimeout(() => socket.destroy(), DROP_GRACE_MS).unref();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.dropTimer);
    this.queue.length = 0;
    this.queued(-this.queuedBytes);
    for (const done of [...this.pending]) done();
    this.poke();
    this.deps.onClose();
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Waits until poked or `ms` passed (no `ms`: until poked). */
  private rest(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      this.wake = done;
    });
  }

  private async pump(): Promise<void> {
    while (!this.closed) {
      if (this.stallUntil !== undefined) {
        const left = this.stallUntil === 'cleared' ? undefined : this.stallUntil - this.deps.now();
        if (left !== undefined && left <= 0) this.stallUntil = undefined;
        else await this.rest(left);
        continue;
      }
      const item = this.queue[0];
      if (!item) {
        await this.rest();
        continue;
      }
      if (item.kind === 'raw') {
        this.take();
        await this.write(item.bytes);
        continue;
      }
      const decision = this.session.beforeEvent();
      if (decision.type === 'drop') return this.cut('drop');
      const sendAt = Math.max(item.at + decision.delayMs, this.lastSendAt);
      while (!this.closed && this.deps.now() < sendAt) await this.rest(sendAt - this.deps.now());
      if (this.closed) return;
      this.take();
      const { frame, message } = item.entry;
      await this.write(decision.malform.length ? malformFrame(frame, message, decision.malform) : encoder.encode(frame));
      if (this.closed) return;
      this.lastSendAt = this.deps.now();
      this.deps.onSent();
      const after = this.session.afterEvent();
      if (after.type === 'drop') return this.cut('drop');
      if (after.type === 'stall') this.stall(after.ms);
    }
  }

  private take(): void {
    const item = this.queue.shift();
    if (item) this.queued(-(item.kind === 'raw' ? item.bytes.length : item.entry.frame.length));
  }

  private queued(delta: number): void {
    this.queuedBytes += delta;
    this.deps.queues?.change(delta);
  }

  private async write(bytes: Uint8Array): Promise<void> {
    const pacer = this.pacer;
    const slice = pacer ? pacer.sliceBytes : bytes.length;
    for (let from = 0; from < bytes.length && !this.closed; from += slice) {
      const part = bytes.subarray(from, from + slice);
      if (pacer) {
        const wait = pacer.reserve(part.length, this.deps.now());
        if (wait > 0) await this.sleep(wait);
        if (this.closed) return;
      }
      if (!this.res.write(part)) await this.drained();
    }
  }

  /** A pause that a drop or close cuts short (stalls and new events do not). */
  private sleep(ms: number): Promise<void> {
    return this.untilClosedOr((done) => {
      const timer = setTimeout(done, ms);
      return () => clearTimeout(timer);
    });
  }

  private drained(): Promise<void> {
    return this.untilClosedOr((done) => {
      this.res.once('drain', done);
      return () => this.res.off('drain', done);
    });
  }

  /** Resolves when `start`'s callback fires or the connection closes, whichever is first. */
  private untilClosedOr(start: (done: () => void) => () => void): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.pending.delete(done);
        stop();
        resolve();
      };
      const stop = start(done);
      this.pending.add(done);
    });
  }
}
