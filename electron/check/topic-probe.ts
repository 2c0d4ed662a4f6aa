import type { ReplayVerdict, SourceTruth } from '../../shared/sse/replay-verdict.ts';
import { SseSubscriber, type TimelineEntry } from '../viewer/sse-subscriber.ts';
import { StreamRecorder } from '../viewer/stream-recorder.ts';
import { MIN_PHASE_EVENTS, type DropAction, type TopicPlan } from './check-plan.ts';

/**
 * One topic under check: a subscriber, the record of what it saw, and where it is in its plan.
 * The probe does what it is told (drop now, mark a backend drop, finish); `run-check.ts` decides
 * when, because a backend drop is shared by every topic the mock serves.
 */
export type ProbeState = 'connecting' | 'open' | 'waiting' | 'done' | 'failed';

export interface DoneStep {
  action: DropAction;
  /** Events received (replayed ones included) when the drop was made. */
  atEvents: number;
  at: number;
}

export interface ProbeOptions {
  url: URL;
  plan: TopicPlan;
  headers: Record<string, string>;
  http2: boolean;
  /** A line worth printing (drops, reconnects, failures). */
  onNote(line: string): void;
}

/** Ids that looked like this before the first drop are taken as the source's numbering. */
const MIN_IDS_FOR_SCHEME = MIN_PHASE_EVENTS;
/** Events this soon after a (re)connect are taken for a replay and do not count toward a phase. */
const REPLAY_GUARD_MS = 20;

export class TopicProbe {
  readonly recorder = new StreamRecorder();
  readonly done: DoneStep[] = [];
  state: ProbeState = 'connecting';
  /** Why the subscription failed for good (HTTP 401, 404 ...). */
  failure: string | undefined;
  /** What the subscriber is doing now, for the progress line. */
  detail = 'connecting';
  private readonly subscriber: SseSubscriber;
  private readonly firstIds: string[] = [];
  private openedAt = 0;
  /** When the probe started: source records from before it are not its stream's. */
  readonly startedAt = Date.now();
  /** Live events since the last step. */
  private phaseEvents = 0;

  constructor(
    readonly label: string,
    private readonly options: ProbeOptions,
  ) {
    this.subscriber = new SseSubscriber(
      options.url,
      {
        onTimeline: (t) => this.onTimeline(t),
        onEvent: (event) => {
          this.recorder.event(event);
          if (event.receivedAt - this.openedAt > REPLAY_GUARD_MS) this.phaseEvents++;
          if (this.done.length === 0 && this.firstIds.length < MIN_IDS_FOR_SCHEME * 2 && event.id) this.firstIds.push(event.id);
        },
      },
      { headers: options.headers, http2: options.http2 },
    );
  }

  get events(): number {
    return this.recorder.events;
  }

  get plan(): TopicPlan {
    return this.options.plan;
  }

  /** The next drop of the plan, if any is left. */
  get nextStep(): DropAction | undefined {
    return this.options.plan.steps[this.done.length];
  }

  get active(): boolean {
    return this.state !== 'done' && this.state !== 'failed';
  }

  /** Due: the next step is `action` and a phase of live events came since the last one. */
  due(action: DropAction): boolean {
    return this.active && this.nextStep === action && this.phaseEvents >= this.options.plan.phaseEvents;
  }

  get finished(): boolean {
    return this.nextStep === undefined && this.phaseEvents >= this.options.plan.phaseEvents;
  }

  start(): void {
    this.subscriber.start();
  }

  /** Client-side drop: only on an open connection (one still reconnecting has nothing to drop). */
  dropClient(): boolean {
    if (this.state !== 'open') return false;
    this.markDone();
    this.options.onNote(`${this.label}: client drop after ${this.events} events (last id ${this.subscriber.lastEventId || 'none'})`);
    return this.subscriber.dropConnection();
  }

  /** The backend was dropped under this topic (the gateway may hide it from the client). */
  markBackendDrop(detail: string, at: number): void {
    this.markDone();
    this.recorder.sourceDrop(detail, at);
  }

  finish(): void {
    if (!this.active) return;
    this.state = 'done';
    this.detail = `done, ${this.events} events`;
    this.subscriber.close();
  }

  /** Stops without the plan done (time limit). */
  stop(): void {
    if (this.active) this.subscriber.close();
  }

  /**
   * What the source promised about ids, judged from the first ones seen: numbers counting up by a
   * constant step (1, or 4 for one symbol of a shared counter) make gaps count as lost.
   */
  truth(): { truth: SourceTruth | undefined; words: string } {
    const ids = this.firstIds;
    if (ids.length >= MIN_IDS_FOR_SCHEME && ids.every((id) => /^\d{1,15}$/.test(id))) {
      const steps = ids.slice(1).map((id, i) => Number(id) - Number(ids[i]));
      const step = steps[0] as number;
      if (step >= 1 && steps.every((s) => s === step)) {
        return { truth: { kind: 'consecutive', step }, words: step === 1 ? 'consecutive numbers (a gap counts as lost)' : `numbers counting up by ${step} (a missing step counts as lost)` };
      }
      return { truth: undefined, words: 'numbers with uneven gaps (lost events are not checked, only duplicates and order)' };
    }
    if (ids.length === 0) return { truth: undefined, words: 'none seen before the first drop' };
    return { truth: undefined, words: ids.length < MIN_IDS_FOR_SCHEME ? 'too few ids before the first drop to know the numbering' : 'not numbers (only duplicates can be checked)' };
  }

  /** The verdict from the one engine, judged by `truth` (a source record, or the numeric-id rule when asked for). */
  verdict(truth: SourceTruth | undefined): ReplayVerdict {
    return this.recorder.verdict({ truth });
  }

  private markDone(): void {
    const action = this.nextStep;
    if (action) this.done.push({ action, atEvents: this.events, at: Date.now() });
    this.phaseEvents = 0;
  }

  private onTimeline(t: TimelineEntry): void {
    this.recorder.timeline(t);
    switch (t.state) {
      case 'open':
        this.openedAt = t.at;
        if (this.state === 'waiting') this.options.onNote(`${this.label}: reconnected${t.lastEventId ? ` with Last-Event-ID ${t.lastEventId}` : ' without Last-Event-ID'}`);
        this.state = 'open';
        this.detail = 'open';
        break;
      case 'waiting':
        this.state = 'waiting';
        this.detail = `waiting ${t.delayMs} ms`;
        break;
      case 'connecting':
      case 'reconnecting':
        this.detail = t.state;
        break;
      case 'failed':
        this.state = 'failed';
        this.failure = t.detail;
        this.detail = 'failed';
        this.options.onNote(`${this.label}: failed: ${t.detail}`);
        break;
      default:
        break;
    }
  }
}
