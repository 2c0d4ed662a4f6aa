import type { MockBurst } from '../../shared/model/mock.ts';

/** When a stream produces events: `events` at once every `everyMs` (a steady rate is 1 per 1000/rate ms). */
export interface TickPlan {
  everyMs: number;
  events: number;
}

export function tickPlan(rate: number, burst: MockBurst | undefined): TickPlan {
  if (burst) return { everyMs: burst.everyMs, events: burst.events };
  // Timers do not fire faster than every millisecond: above 1000/s the stream would send several per tick.
  const everyMs = Math.max(1, Math.round(1000 / rate));
  return { everyMs, events: Math.max(1, Math.round((rate * everyMs) / 1000)) };
}
