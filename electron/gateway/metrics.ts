import type { GatewayMetricsRow } from '../../shared/api/contract.ts';

/**
 * Live gateway metrics per API and topic: what a tester watches while dropping connections, and
 * what the Prometheus endpoint exports. Counters only grow; `connectionsOpen` is a gauge.
 */
/** The live counters of one API topic; the contract's GatewayMetricsRow is their snapshot. */
export type StreamCounters = Omit<GatewayMetricsRow, 'apiId' | 'topic' | 'addedLatencyP50Micros' | 'addedLatencyP99Micros'> & {
  /** Time the gateway adds per event (backend bytes read -> written to every subscriber), in µs. */
  addedLatency: LatencyHistogram;
};

// Bucket upper bounds in microseconds.
const BUCKETS = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000];

export class LatencyHistogram {
  readonly counts = new Array<number>(BUCKETS.length + 1).fill(0);
  count = 0;
  sumMicros = 0;

  record(micros: number): void {
    let i = 0;
    while (i < BUCKETS.length && micros > (BUCKETS[i] as number)) i++;
    this.counts[i] = (this.counts[i] as number) + 1;
    this.count++;
    this.sumMicros += micros;
  }

  /** The bucket bound under which `q` of the samples fall (an upper estimate). */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const target = Math.ceil(q * this.count);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i] as number;
      if (seen >= target) return BUCKETS[i] ?? Number.POSITIVE_INFINITY;
    }
    return Number.POSITIVE_INFINITY;
  }
}

export type MetricsRow = GatewayMetricsRow;

const COUNTER_KEYS = [
  'connectionsTotal', 'eventsIn', 'eventsOut', 'bytesIn', 'bytesOut', 'replays', 'replayedEvents', 'gaps',
  'slowSubscriberDrops', 'oversizeEventsDropped', 'rateLimited', 'authFailures', 'upstreamConnects', 'upstreamFailures',
] as const;

/** Gateway-wide memory figures: what the replay histories hold against their budget. */
export interface MemoryFigures {
  historyBytes: number;
  historyBudgetBytes: number;
  /** Idle streams whose whole history was evicted under memory pressure. */
  historiesEvicted: number;
  /** Live backend streams (upstream keys). */
  streams: number;
  /** Requests refused because an API was at its maxStreams. */
  streamsRefused: number;
}

export class GatewayMetrics {
  memory: (() => MemoryFigures) | undefined;
  private readonly streams = new Map<string, { apiId: string; topic: string; counters: StreamCounters }>();

  for(apiId: string, topic: string): StreamCounters {
    const key = `${apiId}\n${topic}`;
    let entry = this.streams.get(key);
    if (!entry) {
      const counters = Object.fromEntries(COUNTER_KEYS.map((k) => [k, 0])) as unknown as StreamCounters;
      counters.connectionsOpen = 0;
      counters.addedLatency = new LatencyHistogram();
      entry = { apiId, topic, counters };
      this.streams.set(key, entry);
    }
    return entry.counters;
  }

  rows(): MetricsRow[] {
    return [...this.streams.values()].map(({ apiId, topic, counters }) => {
      const { addedLatency, ...rest } = counters;
      return { apiId, topic, ...rest, addedLatencyP50Micros: addedLatency.quantile(0.5), addedLatencyP99Micros: addedLatency.quantile(0.99) };
    });
  }

  /** Prometheus text exposition format 0.0.4. */
  prometheus(): string {
    const lines: string[] = [];
    const label = (apiId: string, topic: string) => `{api="${escapeLabel(apiId)}",topic="${escapeLabel(topic)}"}`;
    lines.push('# HELP sse_gateway_connections_open Subscribers connected now.', '# TYPE sse_gateway_connections_open gauge');
    for (const { apiId, topic, counters } of this.streams.values()) lines.push(`sse_gateway_connections_open${label(apiId, topic)} ${counters.connectionsOpen}`);
    for (const key of COUNTER_KEYS) {
      const name = `sse_gateway_${key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}_total`.replace('_total_total', '_total');
      lines.push(`# TYPE ${name} counter`);
      for (const { apiId, topic, counters } of this.streams.values()) lines.push(`${name}${label(apiId, topic)} ${counters[key]}`);
    }
    lines.push('# HELP sse_gateway_added_latency_microseconds Time the gateway adds per event.', '# TYPE sse_gateway_added_latency_microseconds histogram');
    for (const { apiId, topic, counters } of this.streams.values()) {
      const h = counters.addedLatency;
      let cumulative = 0;
      const base = `api="${escapeLabel(apiId)}",topic="${escapeLabel(topic)}"`;
      h.counts.forEach((n, i) => {
        cumulative += n;
        lines.push(`sse_gateway_added_latency_microseconds_bucket{${base},le="${BUCKETS[i] ?? '+Inf'}"} ${cumulative}`);
      });
      lines.push(`sse_gateway_added_latency_microseconds_sum{${base}} ${Math.round(h.sumMicros)}`, `sse_gateway_added_latency_microseconds_count{${base}} ${h.count}`);
    }
    const memory = this.memory?.();
    if (memory) {
      lines.push('# HELP sse_gateway_replay_history_bytes Bytes held by all replay histories (budget: sse_gateway_replay_history_budget_bytes).', '# TYPE sse_gateway_replay_history_bytes gauge', `sse_gateway_replay_history_bytes ${memory.historyBytes}`);
      lines.push('# TYPE sse_gateway_replay_history_budget_bytes gauge', `sse_gateway_replay_history_budget_bytes ${memory.historyBudgetBytes}`);
      lines.push('# TYPE sse_gateway_histories_evicted_total counter', `sse_gateway_histories_evicted_total ${memory.historiesEvicted}`);
      lines.push('# TYPE sse_gateway_streams gauge', `sse_gateway_streams ${memory.streams}`);
      lines.push('# TYPE sse_gateway_streams_refused_total counter', `sse_gateway_streams_refused_total ${memory.streamsRefused}`);
    }
    return lines.join('\n') + '\n';
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
