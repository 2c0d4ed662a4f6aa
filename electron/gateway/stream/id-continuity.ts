/**
 * Tells whether a backend resumed where the gateway asked it to. The sign used: the stream's ids
 * are consecutive whole numbers (each one the last plus one, seen at least twice in a row), and the
 * first new event after a reconnect is not the Last-Event-ID sent plus one — a jump forward (events
 * skipped) or a number at or below it (the numbering restarted). Streams with other ids (UUIDs,
 * timestamps, numbers with steps) cannot be checked: no notice is made up for them.
 */
const WHOLE = /^\d{1,15}$/;

/** The id as a whole number when it is one (digits only, safely below 2^53), else undefined. */
export function wholeId(id: string | undefined): number | undefined {
  return id !== undefined && WHOLE.test(id) ? Number(id) : undefined;
}

export interface SourceHole {
  /** Events missing when the step is known (a jump forward), else undefined (a restart). */
  missing: number | undefined;
}

export class IdContinuity {
  private prev: number | undefined;
  private steps = 0;
  private unusable = false;

  /** Every event of the stream that is delivered, in order; `afterResume` for the first one after a reconnect. */
  observe(id: string | undefined, afterResume = false): void {
    if (id === undefined || this.unusable) return;
    const n = wholeId(id);
    if (n === undefined) {
      this.unusable = true;
      return;
    }
    if (!afterResume && this.prev !== undefined) {
      if (n === this.prev + 1) this.steps++;
      else this.unusable = true;
    }
    this.prev = n;
  }

  /** The first new event after resuming from `sent`: the hole, if the ids show one. */
  holeAfterResume(sent: string | undefined, next: string | undefined): SourceHole | undefined {
    if (this.unusable || this.steps < 2) return undefined;
    const from = wholeId(sent);
    const to = wholeId(next);
    if (from === undefined || to === undefined || to === from + 1) return undefined;
    return { missing: to > from + 1 ? to - from - 1 : undefined };
  }
}
