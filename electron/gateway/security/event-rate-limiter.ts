import type { RateLimit } from '../../../shared/model/runtime.ts';

/**
 * WSO2's Async API tiers limit how many events a subscriber receives per minute / per day, not how
 * many requests it makes. The counter is per subscriber key, shared by all of that subscriber's
 * streams. The gateway asks `admit` when a client connects (429 when a window is already used up)
 * and calls `consume` once per SSE event it is about to send (false: end the stream).
 *
 * Windows are fixed and aligned: the wall-clock minute and the UTC day. That is O(1) memory per
 * subscriber and gives an exact Retry-After; the cost is that a subscriber can receive up to twice
 * the per-minute limit across a minute boundary (e.g. 600 at 12:00:59 and 600 at 12:01:00).
 *
 * Memory is bounded: keys whose windows have all ended carry no information and are dropped as
 * time passes; beyond `maxTrackedKeys` the least recently active key is evicted (its counts are
 * forgotten, the lesser harm than unbounded growth). `admit` never creates an entry, so a flood
 * of connections with new keys costs nothing until events flow.
 */
export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

export interface SubscriberUsage {
  subscriberKey: string;
  /** Events in the current minute / UTC day; present when that limit is configured. */
  eventsThisMinute?: number;
  eventsToday?: number;
}

export interface RateLimiterSnapshot {
  limit: RateLimit;
  trackedKeys: number;
  maxTrackedKeys: number;
  /** Keys forgotten because the cap was reached while their windows were still open. */
  evictedKeys: number;
  /** The most recently active subscribers first, at most `max` of them. */
  subscribers: SubscriberUsage[];
}

type WindowName = 'minute' | 'day';
interface Window {
  name: WindowName;
  ms: number;
  limit: number;
}
interface Counter {
  /** Which window: floor(time / window length). Epoch time is UTC, so days are UTC days. */
  index: number;
  count: number;
}
type Usage = Partial<Record<WindowName, Counter>>;

export const DEFAULT_MAX_TRACKED_KEYS = 100_000;

export class EventRateLimiter {
  private readonly windows: Window[] = [];
  /** Insertion order is activity order: touched keys move to the end, so the oldest is first. */
  private readonly usage = new Map<string, Usage>();
  private evicted = 0;

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = () => Date.now(),
    private readonly maxTrackedKeys = DEFAULT_MAX_TRACKED_KEYS,
  ) {
    if (limit.eventsPerMinute !== undefined) this.windows.push({ name: 'minute', ms: 60_000, limit: positive(limit.eventsPerMinute, 'eventsPerMinute') });
    if (limit.eventsPerDay !== undefined) this.windows.push({ name: 'day', ms: 86_400_000, limit: positive(limit.eventsPerDay, 'eventsPerDay') });
    positive(maxTrackedKeys, 'maxTrackedKeys');
  }

  /** At connect: refuse (429 with Retry-After) while one of the subscriber's windows is used up. */
  admit(subscriberKey: string): Admission {
    const usage = this.usage.get(subscriberKey);
    if (!usage) return { ok: true };
    const now = this.clock();
    let worst: { window: Window; resetsAt: number } | undefined;
    for (const window of this.windows) {
      const counter = usage[window.name];
      // An ended window no longer counts (a clock that stepped back stays in the stored window).
      if (!counter || windowIndex(window, now) > counter.index || counter.count < window.limit) continue;
      const resetsAt = (counter.index + 1) * window.ms;
      if (!worst || resetsAt > worst.resetsAt) worst = { window, resetsAt };
    }
    if (!worst) return { ok: true };
    const retryAfterSeconds = Math.max(1, Math.ceil((worst.resetsAt - now) / 1000));
    const per = worst.window.name === 'minute' ? 'per minute' : 'per day (UTC)';
    return {
      ok: false,
      retryAfterSeconds,
      message: `Event limit reached: this subscriber may receive ${worst.window.limit} events ${per}. Try again in ${retryAfterSeconds} s (at ${new Date(worst.resetsAt).toISOString()}).`,
    };
  }

  /**
   * Counts `events` about to be sent. False means they would go over a limit: they are not counted,
   * the window is marked used up (so `admit` refuses a reconnect until it resets) and the caller
   * should end the stream; `admit(key)` then gives the message and Retry-After.
   */
  consume(subscriberKey: string, events = 1): boolean {
    if (!Number.isInteger(events) || events < 0) throw new RangeError(`events must be a whole number, 0 or more (got ${events})`);
    if (this.windows.length === 0 || events === 0) return true;
    const now = this.clock();
    this.dropEnded(now);
    const usage = this.usage.get(subscriberKey) ?? this.track(subscriberKey);
    let within = true;
    for (const window of this.windows) {
      const index = windowIndex(window, now);
      const counter = usage[window.name] ?? { index, count: 0 };
      if (index > counter.index) {
        counter.index = index;
        counter.count = 0;
      }
      usage[window.name] = counter;
      if (counter.count + events > window.limit) within = false;
    }
    for (const window of this.windows) {
      const counter = usage[window.name];
      if (!counter) continue;
      if (within) counter.count += events;
      else if (counter.count + events > window.limit) counter.count = window.limit;
    }
    // Most recently active last.
    this.usage.delete(subscriberKey);
    this.usage.set(subscriberKey, usage);
    return within;
  }

  snapshot(max = 100): RateLimiterSnapshot {
    const now = this.clock();
    const recent = [...this.usage].slice(-max).reverse();
    return {
      limit: { ...this.limit },
      trackedKeys: this.usage.size,
      maxTrackedKeys: this.maxTrackedKeys,
      evictedKeys: this.evicted,
      subscribers: recent.map(([subscriberKey, usage]) => {
        const row: SubscriberUsage = { subscriberKey };
        for (const window of this.windows) {
          const counter = usage[window.name];
          const count = counter && counter.index >= windowIndex(window, now) ? counter.count : 0;
          if (window.name === 'minute') row.eventsThisMinute = count;
          else row.eventsToday = count;
        }
        return row;
      }),
    };
  }

  private track(subscriberKey: string): Usage {
    if (this.usage.size >= this.maxTrackedKeys) {
      const oldest = this.usage.keys().next();
      if (!oldest.done) {
        this.usage.delete(oldest.value);
        this.evicted++;
      }
    }
    const usage: Usage = {};
    this.usage.set(subscriberKey, usage);
    return usage;
  }

  /**
   * Drops keys whose every window has ended. They sit at the front (least recently active), so
   * this stops at the first live key: amortized O(1) per call.
   */
  private dropEnded(now: number): void {
    for (const [key, usage] of this.usage) {
      const ended = this.windows.every((window) => {
        const counter = usage[window.name];
        return !counter || windowIndex(window, now) > counter.index;
      });
      if (!ended) return;
      this.usage.delete(key);
    }
  }
}

const windowIndex = (window: Window, now: number) => Math.floor(now / window.ms);

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number, 1 or more (got ${value})`);
  return value;
}
