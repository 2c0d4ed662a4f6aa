/**
 * Sends work to a worker one request at a time, always the newest: while the worker is busy, a new
 * request replaces the waiting one, so a fast typist never builds a queue of stale texts.
 */
export interface LatestOnly<Req> {
  send(request: Req): void;
  dispose(): void;
}

export function latestOnly<Req, Res>(worker: Worker, onAnswer: (answer: Res) => void): LatestOnly<Req> {
  let busy = false;
  let waiting: { value: Req } | undefined;
  worker.onmessage = (event: MessageEvent<Res>) => {
    busy = false;
    onAnswer(event.data);
    if (waiting) {
      const next = waiting.value;
      waiting = undefined;
      busy = true;
      worker.postMessage(next);
    }
  };
  return {
    send(request) {
      if (busy) {
        waiting = { value: request };
        return;
      }
      busy = true;
      worker.postMessage(request);
    },
    dispose: () => worker.terminate(),
  };
}
