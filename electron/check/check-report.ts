import { formatIds, type DropWindow } from '../../shared/sse/replay-verdict.ts';
import type { CheckResult, TargetReport } from './run-check.ts';

/**
 * The check result for a person: per API and topic the verdict first (GREEN / RED / UNKNOWN / SKIPPED), then
 * what was subscribed to and why, the counts, one line per drop, and the reasons with the ids.
 */
export function formatCheckReport(result: CheckResult): string[] {
  const lines: string[] = [];
  const checked = result.targets.filter((t) => t.status !== 'skipped');
  const apis = new Set(result.targets.map((t) => t.apiId)).size;
  lines.push(`SSE Studio check: ${result.project} (${plural(apis, 'API')}, ${plural(result.targets.length, 'topic')})`);
  const mock = result.targets.some((t) => t.mockBacked && t.url) ? `; mock at ${result.settings.rate} events/s` : '';
  lines.push(`plan: ${result.plan}${mock}; ${result.settings.http2 ? 'HTTP/2 (h2c)' : 'HTTP/1.1'}`);
  for (const p of result.problems) lines.push(`warning: ${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`);

  let api: string | undefined;
  for (const target of result.targets) {
    if (target.apiId !== api) {
      api = target.apiId;
      lines.push('', `${target.api} ${target.version} (${target.apiId})`);
    }
    lines.push(...formatTarget(target));
  }

  const green = checked.filter((t) => t.status === 'green').length;
  const skipped = result.targets.length - checked.length;
  lines.push('');
  lines.push(
    `Result: ${result.status.toUpperCase()}, ${green} of ${plural(checked.length, 'topic')} green${skipped ? `, ${skipped} skipped` : ''}` +
      `${checked.length === 0 ? ' (nothing could be checked)' : ''}; ${result.mockRestarts ? `mock restarted ${result.mockRestarts}x; ` : ''}${(result.durationMs / 1000).toFixed(1)} s`,
  );
  return lines;
}

const INDENT = '         ';

function formatTarget(t: TargetReport): string[] {
  const status = t.status.toUpperCase();
  const head = `  ${status.padEnd(7)}${status.length >= 7 ? ' ' : ''}${t.topic}`;
  if (t.status === 'skipped' || !t.url) return [`${head}: skipped: ${t.reason ?? 'not subscribed'}`];
  const url = new URL(t.url);
  const lines = [`${head} -> ${url.pathname}${url.search}`];
  lines.push(`${INDENT}path: ${t.how}; backend ${t.backend}${t.mockBacked ? ' (the mock)' : ''}${t.credentials ? `; credentials: ${t.credentials}` : ''}`);
  if (t.reason) lines.push(`${INDENT}! ${t.reason}`);
  const v = t.verdict;
  if (!v) return lines;
  lines.push(`${INDENT}ids: ${t.ids}`);
  const c = v.counts;
  lines.push(`${INDENT}${plural(c.events, 'event')}, ${plural(c.drops, 'drop')}, ${c.replayed} replayed, ${c.lost} lost, ${c.duplicated} duplicated, ${c.outOfOrder} out of order${c.withoutId ? `, ${c.withoutId} without id` : ''}`);
  const types = Object.entries(t.eventTypes.received).map(([type, n]) => `${type} x${n}`).join(', ');
  if (types) lines.push(`${INDENT}event types: ${types}${t.eventTypes.declared ? ` (declared: ${t.eventTypes.declared.join(', ')})` : ' (none declared in the document)'}`);
  for (const w of v.windows) lines.push(`${INDENT}${formatWindow(w)}`);
  for (const reason of v.reasons) lines.push(`${INDENT}! ${reason}`);
  for (const why of v.unknown) lines.push(`${INDENT}unknown: ${why}`);
  if (t.eventTypes.undeclared.length) lines.push(`${INDENT}warning: event types the document does not declare for ${t.topic}: ${t.eventTypes.undeclared.join(', ')} (a client listening for the declared names misses them)`);
  for (const note of v.notes) lines.push(`${INDENT}note: ${note}`);
  if (t.incomplete) lines.push(`${INDENT}note: ${t.incomplete}`);
  return lines;
}

function formatWindow(w: DropWindow): string {
  const cause = w.cause === 'client-drop' ? 'client drop' : w.cause === 'server-closed' ? 'server closed the stream' : w.cause === 'network-error' ? 'connection lost' : (w.detail ?? 'backend drop');
  const before = `after ${plural(w.eventsBefore, 'event')}${w.lastIdBefore ? ` (last id ${w.lastIdBefore})` : ''}`;
  const away = w.resumedAt === undefined ? undefined : w.resumedAt - w.droppedAt;
  let back: string;
  if (w.kind === 'reconnect') {
    const header = w.lastEventIdSent ? `with Last-Event-ID ${w.lastEventIdSent}` : 'without Last-Event-ID';
    back = away === undefined ? 'not reconnected' : `reconnected in ${away} ms ${header}`;
  } else {
    back = away === undefined ? 'no event since' : `next event ${away} ms later${w.firstLiveId ? `, id ${w.firstLiveId}` : ''}`;
  }
  const parts = [`drop ${w.index}  ${cause} ${before}: ${back}`];
  if (w.missed === null) parts.push(w.resets.length ? 'missed: unknown (the ids restarted)' : 'missed: unknown (no id numbering to go by)');
  else parts.push(`missed ${w.missedCount ? formatIds(w.missed, w.missedCount ?? 0) : 'nothing'}`);
  if (w.kind === 'reconnect') parts.push(`replayed ${w.replayedCount ? formatIds(w.replayed, w.replayedCount) : 'nothing'}`);
  if (w.lostCount) parts.push(`LOST ${formatIds(w.lost, w.lostCount)}`);
  if (w.duplicated.length) parts.push(`DUPLICATED ${formatIds(w.duplicated)}`);
  if (w.outOfOrder.length) parts.push(`OUT OF ORDER ${formatIds(w.outOfOrder)}`);
  if (w.resets.length) parts.push(`ids restarted at ${w.resets.join(', ')}`);
  return parts.join('; ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
