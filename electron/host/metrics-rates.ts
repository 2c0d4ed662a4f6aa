import type { GatewayMetricsRow, RatePoint } from '../../shared/api/contract.ts';

/**
 * Events out per second per API, sampled by the host every second from its start, so a metrics
 * chart opened later shows what happened before it opened (not an empty chart that starts with the
 * tab). Bounded: the last MAX_POINTS seconds. A counter that went down was reset: it counts from zero.
 */
export const SAMPLE_MS = 1000;
export const MAX_POINTS = 600;

export class MetricsRates {
  readonly since: number;
  private readonly points = new Map<string, RatePoint[]>();
  private last: { at: number; eventsOut: Map<string, number> } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rows: () => readonly GatewayMetricsRow[],
    private readonly now: () => number = Date.now,
  ) {
    this.since = now();
  }

  start(): void {
    this.sample();
    this.timer ??= setInterval(() => this.sample(), SAMPLE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One sample now (the timer calls it every second). */
  sample(): void {
    const at = this.now();
    const eventsOut = new Map<string, number>();
    for (const row of this.rows()) eventsOut.set(`${row.apiId}\n${row.topic}`, (eventsOut.get(`${row.apiId}\n${row.topic}`) ?? 0) + row.eventsOut);
    const last = this.last;
    this.last = { at, eventsOut };
    if (!last || at <= last.at) return;
    const seconds = (at - last.at) / 1000;
    const byApi = new Map<string, RatePoint>();
    for (const [key, now] of eventsOut) {
      const [apiId, topic] = key.split('\n') as [string, string];
      const before = last.eventsOut.get(key) ?? 0;
      const rate = (now >= before ? now - before : now) / seconds;
      const point = byApi.get(apiId) ?? { at, total: 0, byTopic: {} };
      point.byTopic[topic] = rate;
      point.total += rate;
      byApi.set(apiId, point);
    }
    for (const [apiId, point] of byApi) {
      const list = this.points.get(apiId) ?? [];
      list.push(point);
      if (list.length > MAX_POINTS) list.splice(0, list.length - MAX_POINTS);
      this.points.set(apiId, list);
    }
  }

  /** The API's points after `after` (ms since the epoch), oldest first. */
  history(apiId: string, after = 0): RatePoint[] {
    return (this.points.get(apiId) ?? []).filter((p) => p.at > after);
  }
}
