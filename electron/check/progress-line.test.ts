import { describe, expect, it } from 'vitest';
import { createProgress } from './progress-line.ts';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, sink: { isTTY, columns: 30, write: (t: string) => out.push(t), line: (t: string) => out.push(t + '\n') } };
}

describe('progress line', () => {
  it('on a terminal, rewrites one status line in place, cut to the width, with notes above it', () => {
    const { out, sink: s } = sink(true);
    const progress = createProgress(s);
    progress.status('check 1.0s  a 1/30 open');
    progress.status('check 1.0s  a 1/30 open'); // unchanged: nothing written
    progress.note('a: client drop after 10 events');
    progress.status('check 2.0s  a 12/30 waiting 1000 ms, and more');
    progress.end();
    expect(out).toEqual([
      '\rcheck 1.0s  a 1/30 open\x1b[K',
      '\r\x1b[K',
      'progress  a: client drop after 10 events\n',
      'check 1.0s  a 1/30 open',
      '\rcheck 2.0s  a 12/30 waitin...\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('elsewhere, prints notes as plain lines and no status', () => {
    const { out, sink: s } = sink(false);
    const progress = createProgress(s);
    progress.status('check 1.0s');
    progress.note('done');
    progress.end();
    expect(out).toEqual(['progress  done\n']);
  });
});
