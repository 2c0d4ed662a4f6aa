/**
 * Progress lines on stderr (the tables go to stdout): which scenario and target runs, what it is
 * doing, seconds left. On a terminal the countdown rewrites one line; in a log it prints every 2 s.
 */
export class Progress {
  private readonly started = performance.now();
  private step = 0;
  private live = false;

  constructor(
    private readonly totalSteps: number,
    private readonly tty = process.stderr.isTTY === true,
  ) {}

  private prefix(): string {
    const s = Math.round((performance.now() - this.started) / 1000);
    return `[${this.step}/${this.totalSteps} ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}]`;
  }

  private write(line: string, transient = false): void {
    if (this.tty) {
      process.stderr.write(`\r\x1b[K${line}${transient ? '' : '\n'}`);
      this.live = transient;
    } else if (!transient) process.stderr.write(`${line}\n`);
  }

  begin(label: string): void {
    this.step++;
    this.write(`${this.prefix()} ${label}`);
  }

  say(text: string): void {
    this.write(`${this.prefix()}   ${text}`);
  }

  /** Waits `seconds`, showing what happens and how long is left. */
  async countdown(what: string, seconds: number): Promise<void> {
    const end = performance.now() + seconds * 1000;
    let lastPrinted = Number.POSITIVE_INFINITY;
    for (;;) {
      const left = (end - performance.now()) / 1000;
      if (left <= 0) break;
      const whole = Math.ceil(left);
      if (this.tty) this.write(`${this.prefix()}   ${what}: ${whole} s left`, true);
      else if (lastPrinted - left >= 2 || lastPrinted === Number.POSITIVE_INFINITY) {
        this.write(`${this.prefix()}   ${what}: ${whole} s left`);
        lastPrinted = left;
      }
      await sleep(Math.min(left * 1000, this.tty ? 250 : 500));
    }
    if (this.tty && this.live) this.write(`${this.prefix()}   ${what}: done`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
