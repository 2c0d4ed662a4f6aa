/**
 * Which mock stream served each request path, so the replay verdict can read what the mock
 * produced there (its source truth). A request path may be served by several streams over time (a
 * restart or a changed document makes a new one that numbers afresh): each is a run, kept in order.
 * Read-only on the streams, bounded in paths and runs.
 */
export interface ProducingStream {
  /** The ids the stream produced that `accept` lets through, oldest first, and whether none was forgotten. */
  producedIds(accept: (key: string | undefined) => boolean): { ids: string[]; complete: boolean };
}

export interface SourceRun {
  ids: string[];
  complete: boolean;
  /** When this run first served the path, and when a later one replaced it (ms since the epoch). */
  since: number;
  until: number | undefined;
}

interface Run {
  stream: ProducingStream;
  accept: (key: string | undefined) => boolean;
  since: number;
  until: number | undefined;
  /** What it had produced when the mock stopped (a stopped stream frees its history). */
  frozen?: { ids: string[]; complete: boolean };
}

const MAX_PATHS = 500;
const MAX_RUNS = 4;

export class MockSourceIndex {
  private readonly runs = new Map<string, Run[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A subscriber at `requestPath` (path and query, as requested) is served by `stream`. */
  note(requestPath: string, stream: ProducingStream, accept: (key: string | undefined) => boolean = () => true): void {
    const runs = this.runs.get(requestPath) ?? [];
    this.runs.delete(requestPath); // re-inserted last: the map's order is least recently used first
    const last = runs[runs.length - 1];
    if (last?.stream !== stream) {
      const at = this.now();
      if (last) last.until = at;
      runs.push({ stream, accept, since: at, until: undefined });
      if (runs.length > MAX_RUNS) runs.shift();
    }
    this.runs.set(requestPath, runs);
    if (this.runs.size > MAX_PATHS) this.runs.delete(this.runs.keys().next().value as string);
  }

  /** The mock is stopping (its streams free their histories): keep what each run produced. */
  freeze(): void {
    const at = this.now();
    for (const runs of this.runs.values()) {
      for (const run of runs) {
        run.frozen ??= run.stream.producedIds(run.accept);
        run.until ??= at;
      }
    }
  }

  /** What the mock produced at `requestPath` (exact, else the latest request with the same path), run by run. */
  record(requestPath: string): SourceRun[] | undefined {
    let runs = this.runs.get(requestPath);
    if (!runs) {
      const path = requestPath.split('?')[0];
      for (const [key, value] of this.runs) if (key.split('?')[0] === path) runs = value;
    }
    return runs?.map((r) => ({ ...(r.frozen ?? r.stream.producedIds(r.accept)), since: r.since, until: r.until }));
  }
}
