import { createParser } from 'eventsource-parser';
import type { ParamsOf, ResultOf, StudioClient, StudioEvent, StudioMethod } from '../../../shared/api/contract.ts';
import { fail, type Result } from '../../../shared/result.ts';
import type { LinkListener, LinkState } from './link-state.ts';

/**
 * The Studio API over HTTP on 127.0.0.1: `POST /api/call/<method>` answers a Result; host events come
 * from `GET /api/events` (SSE). The events are read with fetch + eventsource-parser rather than
 * EventSource because EventSource cannot send headers, and the token must stay in `Authorization`
 * (a token in the query string would end up in logs and history).
 */
export interface WebTransportOptions {
  token: string;
  /** Origin of the host; '' means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Reconnect delays: the first, doubled per failure up to the max. */
  retryMs?: { initial: number; max: number };
}

export interface WebStudioClient extends StudioClient {
  onLinkChange(listener: LinkListener): () => void;
  readonly link: LinkState;
}

const DEFAULT_RETRY = { initial: 500, max: 10_000 };
/**
 * Work done on arriving events before the page gets a turn. A fast stream's batches can pile up in
 * the socket (a busy moment, a GC): handled back to back they would be one long task that freezes
 * scrolling and drops frames, so they are handed over in slices with a task boundary in between.
 */
const SLICE_MS = 10;

export function createWebClient(options: WebTransportOptions): WebStudioClient {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const retry = options.retryMs ?? DEFAULT_RETRY;
  const auth = `Bearer ${options.token}`;
  const eventListeners = new Set<(event: StudioEvent) => void>();
  const linkListeners = new Set<LinkListener>();
  let link: LinkState = 'connecting';
  let stopStream: (() => void) | undefined;

  const setLink = (next: LinkState) => {
    if (next === link) return;
    link = next;
    for (const l of [...linkListeners]) l(next);
  };
  const emit = (event: StudioEvent) => {
    for (const l of [...eventListeners]) l(event);
  };

  async function call<M extends StudioMethod>(method: M, params: ParamsOf<M>): Promise<Result<ResultOf<M>>> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/call/${method}`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(params),
        cache: 'no-store',
      });
    } catch {
      return fail('host_unreachable', 'Cannot reach the SSE Studio host: is `sse-studio serve` still running?');
    }
    if (response.status === 401) setLink('unauthorized');
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return fail('bad_response', `The host answered HTTP ${response.status} without a JSON result.`);
    }
    return isResult(body) ? (body as Result<ResultOf<M>>) : fail('bad_response', `The host answered HTTP ${response.status} with an unexpected body.`);
  }

  /** Keeps one event stream open while anyone listens; reconnects with exponential backoff. */
  function openStream(): () => void {
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      let delay = retry.initial;
      let everOpen = false;
      while (!signal.aborted) {
        setLink('connecting');
        try {
          const response = await doFetch(`${base}/api/events`, { headers: { authorization: auth, accept: 'text/event-stream' }, cache: 'no-store', signal });
          if (response.status === 401) {
            setLink('unauthorized');
            return;
          }
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          setLink('online');
          delay = retry.initial;
          // Events sent while we were away are gone; tell listeners to re-read what they show.
          if (everOpen) emit({ type: 'apis.changed' });
          everOpen = true;
          await pump(response.body, signal, emit);
        } catch {
          // Network error or abort: handled below.
        }
        if (signal.aborted) return;
        setLink('offline');
        await sleep(delay, signal);
        delay = Math.min(delay * 2, retry.max);
      }
    })();
    return () => controller.abort();
  }

  return {
    call,
    onEvent(listener) {
      eventListeners.add(listener);
      stopStream ??= openStream();
      return () => {
        eventListeners.delete(listener);
        if (eventListeners.size === 0) {
          stopStream?.();
          stopStream = undefined;
        }
      };
    },
    onLinkChange(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    get link() {
      return link;
    },
  };
}

async function pump(body: ReadableStream<Uint8Array>, signal: AbortSignal, emit: (event: StudioEvent) => void): Promise<void> {
  const parsed: StudioEvent[] = [];
  const parser = createParser({
    onEvent(message) {
      const event = parseStudioEvent(message.data);
      if (event) parsed.push(event);
    },
  });
  let sliceStart = performance.now();
  // One decoder per connection, in streaming mode: a UTF-8 character split across chunks stays whole.
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      // Reads that are already buffered resolve as microtasks, never yielding: the slice spans them.
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTask();
        sliceStart = performance.now();
      }
      parser.feed(decoder.decode(value, { stream: true }));
      for (let i = 0; i < parsed.length; i++) {
        if (i > 0 && performance.now() - sliceStart > SLICE_MS) {
          await nextTask();
          sliceStart = performance.now();
          if (signal.aborted) return;
        }
        emit(parsed[i] as StudioEvent);
      }
      parsed.length = 0;
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

function parseStudioEvent(data: string): StudioEvent | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' ? (value as StudioEvent) : undefined;
  } catch {
    return undefined;
  }
}

function isResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  return ok === true || (ok === false && typeof (value as { error?: unknown }).error === 'object');
}

/** A macrotask boundary: the page may render, scroll and handle input before we go on. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
