/**
 * Where a mock stream's events come from: built-in scenarios (stock ticker, counter, clock) or a
 * topic's messages (examples, schema-generated payloads). The stream assigns ids and timing.
 */
export interface ScenarioEvent {
  event?: string;
  data: string;
  /** Lets a subscriber filter events (one stock symbol of /prices). */
  key?: string;
}

export interface Scenario {
  /** Default events per second. */
  rate: number;
  /** The `seq`-th event (1-based); `now` is the time it is produced (ms since the epoch). */
  next(seq: number, now: number): ScenarioEvent;
  /**
   * A scenario with its own timing (a recorded stream played as recorded): the wait before the
   * `seq`-th event, in ms. The stream then ignores `rate` and bursts.
   */
  delayMs?(seq: number): number;
}
