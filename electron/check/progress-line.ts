/**
 * The progress of a running check. On a terminal: one status line, rewritten in place with `\r`
 * (cut to the terminal's width, so it never wraps), with step notes printed above it. Elsewhere
 * (a pipe, a log file, CI): the notes only, one plain line each, and no status spam.
 */
export interface ProgressSink {
  isTTY: boolean;
  columns?: number;
  /** Raw text, no newline added (TTY only). */
  write(text: string): void;
  /** One line. */
  line(text: string): void;
}

export interface Progress {
  status(text: string): void;
  note(text: string): void;
  /** Clears the status line before the report is printed. */
  end(): void;
}

const CLEAR_TO_END = '\x1b[K';

export function createProgress(sink: ProgressSink): Progress {
  let shown = '';
  // A pseudo-terminal may report 0 columns: take that as unknown.
  const width = Math.max(20, (sink.columns || 100) - 1);
  const clear = () => {
    if (shown) sink.write(`\r${CLEAR_TO_END}`);
    shown = '';
  };
  return {
    status(text) {
      if (!sink.isTTY) return;
      const cut = text.length > width ? text.slice(0, width - 3) + '...' : text;
      if (cut === shown) return;
      sink.write(`\r${cut}${CLEAR_TO_END}`);
      shown = cut;
    },
    note(text) {
      if (!sink.isTTY) return sink.line(`progress  ${text}`);
      const last = shown;
      clear();
      sink.line(`progress  ${text}`);
      if (last) {
        sink.write(last);
        shown = last;
      }
    },
    end() {
      if (sink.isTTY) clear();
    },
  };
}
