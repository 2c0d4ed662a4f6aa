import type { DocsReplay } from './docs-model.ts';

/**
 * How a client resumes after a dropped connection, when the gateway keeps a replay history:
 * Last-Event-ID (https://html.spec.whatwg.org/multipage/server-sent-events.html#last-event-id),
 * the history's bounds and the `retry:` hint.
 */
export function reconnectNote(replay: DocsReplay): string[] {
  const window = [`the last ${replay.maxEvents.toLocaleString('en-US')} events`, replay.maxAgeSeconds > 0 ? `at most ${duration(replay.maxAgeSeconds)} old` : undefined].filter(Boolean).join(', ');
  return [
    'Every event carries an id. When the connection drops, reconnect with the last id you received in the Last-Event-ID header; EventSource does this by itself.',
    `The gateway then resends the events you missed from its replay history (${window}), before the live ones: nothing lost, nothing twice.`,
    replay.retryMs !== undefined
      ? `The gateway sends "retry: ${replay.retryMs}" when you connect: wait ${replay.retryMs} ms before reconnecting (EventSource does).`
      : 'Wait a moment before reconnecting (EventSource waits a few seconds by itself, or as long as a "retry:" line says).',
    'Missed more than the history holds? Start again without Last-Event-ID and reload the state you need.',
  ];
}

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} seconds`;
}
