import { createParser, type EventSourceMessage } from 'eventsource-parser';

/**
 * A minimal SSE client built on fetch + eventsource-parser: reads until `count` events arrived,
 * then aborts the connection. Returns the events and the response status/headers.
 */
export async function readEvents(url: string, count: number, options: { headers?: Record<string, string>; timeoutMs?: number; onEvent?: (e: EventSourceMessage) => void } = {}) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`Timed out after ${options.timeoutMs ?? 10000} ms waiting for ${count} events from ${url}`)), options.timeoutMs ?? 10000);
  const events: EventSourceMessage[] = [];
  let raw = '';
  try {
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...options.headers }, signal: controller.signal });
    if (!res.body) throw new Error('no body');
    const parser = createParser({
      onEvent: (e) => {
        events.push(e);
        options.onEvent?.(e);
      },
    });
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    while (events.length < count) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      raw += text;
      parser.feed(text);
    }
    controller.abort();
    return { status: res.status, headers: res.headers, events, raw };
  } finally {
    clearTimeout(timer);
  }
}
