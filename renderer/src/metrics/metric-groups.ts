import type { GatewayMetricsRow } from '../../../shared/api/contract.ts';
import { formatBytes, formatCount, formatMicros } from './format-metric.ts';

/**
 * The gateway's counters for one topic, grouped the way a tester reads them: who is connected (and
 * who was refused), what flowed, what was replayed, how the backend behaves. `warn` counters are the
 * ones that mean something went wrong when they are not zero.
 */
export type MetricKey = Exclude<keyof GatewayMetricsRow, 'apiId' | 'topic'>;

export interface MetricDef {
  key: MetricKey;
  label: string;
  help: string;
  unit: 'count' | 'bytes' | 'micros';
  warn?: boolean;
}

export const METRIC_GROUPS: Array<{ title: string; metrics: MetricDef[] }> = [
  {
    title: 'Connections',
    metrics: [
      { key: 'connectionsOpen', label: 'Open', help: 'Subscribers connected now', unit: 'count' },
      { key: 'connectionsTotal', label: 'Total', help: 'Subscriptions accepted since the Studio started', unit: 'count' },
      { key: 'authFailures', label: 'Auth failures', help: 'Requests refused with 401 (missing or wrong credentials)', unit: 'count', warn: true },
      { key: 'rateLimited', label: 'Rate limited', help: 'Subscriptions refused (429) or ended at the event limit', unit: 'count', warn: true },
    ],
  },
  {
    title: 'Events',
    metrics: [
      { key: 'eventsIn', label: 'In', help: 'Events read from the backend', unit: 'count' },
      { key: 'eventsOut', label: 'Out', help: 'Events written to subscribers (one per subscriber)', unit: 'count' },
      { key: 'oversizeEventsDropped', label: 'Oversize', help: 'Events dropped for exceeding the max event size', unit: 'count', warn: true },
      { key: 'slowSubscriberDrops', label: 'Slow drops', help: 'Subscribers disconnected for reading too slowly', unit: 'count', warn: true },
    ],
  },
  {
    title: 'Bytes',
    metrics: [
      { key: 'bytesIn', label: 'In', help: 'Bytes read from the backend', unit: 'bytes' },
      { key: 'bytesOut', label: 'Out', help: 'Bytes written to subscribers', unit: 'bytes' },
    ],
  },
  {
    title: 'Replay',
    metrics: [
      { key: 'replays', label: 'Replays', help: 'Reconnects answered from the history (Last-Event-ID)', unit: 'count' },
      { key: 'replayedEvents', label: 'Replayed', help: 'Events sent from the history', unit: 'count' },
      { key: 'gaps', label: 'Gaps', help: 'Reconnects whose Last-Event-ID was older than the history: events may be lost', unit: 'count', warn: true },
    ],
  },
  {
    title: 'Backend',
    metrics: [
      { key: 'upstreamConnects', label: 'Connects', help: 'Connections the gateway opened to the backend', unit: 'count' },
      { key: 'upstreamFailures', label: 'Failures', help: 'Backend connections that failed or dropped', unit: 'count', warn: true },
      { key: 'addedLatencyP50Micros', label: 'Added p50', help: 'Time the gateway adds per event, median', unit: 'micros' },
      { key: 'addedLatencyP99Micros', label: 'Added p99', help: 'Time the gateway adds per event, 99th percentile', unit: 'micros' },
    ],
  },
];

/** A row of zeros, for a topic nobody has asked for yet. */
export function emptyRow(apiId: string, topic: string): GatewayMetricsRow {
  const row = { apiId, topic } as GatewayMetricsRow;
  for (const group of METRIC_GROUPS) for (const m of group.metrics) row[m.key] = 0;
  return row;
}

export function formatMetric(def: MetricDef, value: number | null): string {
  if (def.unit === 'bytes') return formatBytes(value ?? 0);
  // A latency quantile of 0 means no samples; null is the open-ended top bucket (JSON has no Infinity).
  if (def.unit === 'micros') return formatMicros(value, value !== 0);
  return formatCount(value ?? 0);
}
