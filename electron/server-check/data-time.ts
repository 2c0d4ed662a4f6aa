/**
 * The time an event says it was sent, when its data carries one: a JSON field (`time`,
 * `timestamp`, `ts`, `sentAt`, `sent_at`, `createdAt`, `date`), an ISO date as the whole data, or a
 * number leading the data. ISO dates are epoch ms; bare numbers are in an unknown unit and clock
 * (seconds, ms, a monotonic clock ...), so only their differences are used, scaled by `timeUnit`.
 */
const FIELDS = ['time', 'timestamp', 'ts', 'sentAt', 'sent_at', 'createdAt', 'date'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const LEADING_NUMBER = /^(\d+(?:\.\d+)?)(?:\s|$)/;

export interface DataTime {
  value: number;
  /** iso: epoch ms; number: unknown unit. */
  kind: 'iso' | 'number';
}

export function dataTime(data: string): DataTime | undefined {
  const text = data.trim();
  if (ISO.test(text)) return { value: Date.parse(text), kind: 'iso' };
  if (text.startsWith('{')) {
    try {
      const value = JSON.parse(text) as Record<string, unknown>;
      for (const key of FIELDS) {
        const v = value[key];
        if (typeof v === 'number' && Number.isFinite(v)) return { value: v, kind: 'number' };
        if (typeof v === 'string' && ISO.test(v)) return { value: Date.parse(v), kind: 'iso' };
      }
    } catch {
      return undefined;
    }
    return undefined;
  }
  const leading = LEADING_NUMBER.exec(text);
  return leading ? { value: Number(leading[1]), kind: 'number' } : undefined;
}

/**
 * Milliseconds per unit of the data's times, found from the run itself: over a long enough run the
 * data times advance like the arrival times (buffering only shifts them a little), so the ratio is
 * about 1 (ms), 0.001 (s) or 1000 (µs). Undefined when it fits none: then the numbers are not times.
 */
export function timeUnit(points: ReadonlyArray<{ arrivedAt: number; time: DataTime }>): number | undefined {
  if (points.length < 5) return undefined;
  const first = points[0] as { arrivedAt: number; time: DataTime };
  const last = points[points.length - 1] as { arrivedAt: number; time: DataTime };
  if (first.time.kind === 'iso') return 1;
  const arrivalSpan = last.arrivedAt - first.arrivedAt;
  const dataSpan = last.time.value - first.time.value;
  if (arrivalSpan < 500 || dataSpan <= 0) return undefined;
  for (const msPerUnit of [1, 1000, 0.001]) {
    const ratio = (dataSpan * msPerUnit) / arrivalSpan;
    if (ratio > 0.5 && ratio < 2) return msPerUnit;
  }
  return undefined;
}
