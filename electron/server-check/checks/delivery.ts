import { dataTime, timeUnit, type DataTime } from '../data-time.ts';
import type { RunEvidence } from '../evidence.ts';
import type { CapturedEvent } from '../stream-capture.ts';
import type { CheckResult } from '../types.ts';

/**
 * Unbuffered delivery: the time to the headers, the first byte and the first event, and events
 * arriving in bursts, the mark of a buffering proxy (or compression). Where the data carries a send
 * time, a burst whose events were sent far apart but arrived together proves the buffering (FAIL);
 * without times, bursts are only reported (WARN): the server may send them so on purpose.
 */
const BURST_GAP_MS = 5;
const MIN_BURST = 3;
const BUFFERED_SPREAD_MS = 100;

interface Burst {
  events: CapturedEvent[];
  arrivalSpreadMs: number;
  /** ms between the first and last send time in the data (undefined: no times). */
  sentSpreadMs: number | undefined;
}

export function deliveryCheck(e: RunEvidence): CheckResult {
  const base = { id: 'delivery' as const, title: 'Unbuffered delivery' };
  const c = e.observe.capture;
  if (!c && e.observe.error?.startsWith('no answer within')) {
    return { ...base, status: 'fail', summary: `nothing arrived, not even the headers (${e.observe.error}): a client sees no event at all`, evidence: [] };
  }
  if (!c) return { ...base, status: 'unknown', summary: 'no stream to watch', evidence: [] };
  const requestedAt = c.answer.requestedAt;
  const firstByte = c.firstByteAt();
  const firstEvent = c.events[0]?.receivedAt;
  const figures = {
    headersMs: c.answer.answeredAt - requestedAt,
    firstByteMs: firstByte === undefined ? null : firstByte - requestedAt,
    firstEventMs: firstEvent === undefined ? null : firstEvent - requestedAt,
    events: c.eventCount(),
    bursts: 0,
    bufferedBursts: 0,
  };
  const evidence = [
    `headers after ${figures.headersMs} ms, first byte ${figures.firstByteMs === null ? 'never' : `after ${figures.firstByteMs} ms`}, first event ${figures.firstEventMs === null ? 'never' : `after ${figures.firstEventMs} ms`}`,
    `${c.eventCount()} events in ${(e.watchedMs / 1000).toFixed(1)} s`,
  ];
  if (c.eventCount() === 0) {
    const compressed = c.answer.headers['content-encoding'];
    return {
      ...base,
      status: 'warn',
      summary: compressed ? `no event reached the client in ${(e.watchedMs / 1000).toFixed(1)} s: the compressed stream (${compressed}) is being held back` : `no event in ${(e.watchedMs / 1000).toFixed(1)} s: a quiet stream, or something buffers it`,
      evidence,
      figures,
    };
  }
  const bursts = findBursts(c.events);
  const buffered = bursts.filter((b) => b.sentSpreadMs !== undefined && b.sentSpreadMs >= BUFFERED_SPREAD_MS && b.arrivalSpreadMs < b.sentSpreadMs / 4);
  const inBursts = bursts.reduce((n, b) => n + b.events.length, 0);
  figures.bursts = bursts.length;
  figures.bufferedBursts = buffered.length;
  if (bursts.length) evidence.push(`${bursts.length} burst${bursts.length === 1 ? "" : "s"} of ${MIN_BURST}+ events arriving together (${inBursts} of ${c.events.length} events), largest ${Math.max(...bursts.map((b) => b.events.length))}`);
  for (const b of buffered.slice(0, 3)) evidence.push(`${b.events.length} events sent over ${Math.round(b.sentSpreadMs as number)} ms (by the time in their data) arrived within ${b.arrivalSpreadMs} ms (ids ${b.events[0]?.id ?? '?'} to ${b.events[b.events.length - 1]?.id ?? '?'})`);
  if (buffered.length >= 2 || buffered.some((b) => (b.sentSpreadMs as number) >= 5 * BUFFERED_SPREAD_MS)) {
    return { ...base, status: 'fail', summary: `buffered: ${buffered.length} bursts of events sent apart arrived together (a buffering proxy or compression in the path)`, evidence, figures };
  }
  if (bursts.length >= 2 && inBursts * 2 >= c.events.length) {
    const timed = bursts.some((b) => b.sentSpreadMs !== undefined);
    return { ...base, status: 'warn', summary: `events arrive in bursts (${inBursts} of ${c.events.length})${timed ? '' : '; the data carries no send time to tell buffering from a bursty source'}`, evidence, figures };
  }
  return { ...base, status: 'pass', summary: `first event after ${figures.firstEventMs} ms, events arrive one by one`, evidence, figures };
}

function findBursts(events: readonly CapturedEvent[]): Burst[] {
  const points = events.flatMap((ev) => {
    const time = dataTime(ev.data);
    return time ? [{ arrivedAt: ev.receivedAt, time }] : [];
  });
  const unit = points.length * 2 >= events.length ? timeUnit(points) : undefined;
  const times = new Map<CapturedEvent, DataTime>();
  if (unit !== undefined) for (const ev of events) {
    const t = dataTime(ev.data);
    if (t) times.set(ev, t);
  }
  const groups: CapturedEvent[][] = [];
  let group: CapturedEvent[] = [];
  for (const ev of events) {
    const prev = group[group.length - 1];
    if (prev && (ev.arrival === prev.arrival || ev.receivedAt - prev.receivedAt <= BURST_GAP_MS)) group.push(ev);
    else {
      if (group.length) groups.push(group);
      group = [ev];
    }
  }
  if (group.length) groups.push(group);
  return groups
    .filter((g) => g.length >= MIN_BURST)
    .map((g) => {
      const first = g[0] as CapturedEvent;
      const last = g[g.length - 1] as CapturedEvent;
      const t0 = times.get(first);
      const t1 = times.get(last);
      return { events: g, arrivalSpreadMs: last.receivedAt - first.receivedAt, sentSpreadMs: unit !== undefined && t0 && t1 ? (t1.value - t0.value) * unit : undefined };
    });
}
