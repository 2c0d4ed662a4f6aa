import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordedScenario } from './recorded.ts';

const file = (text: string) => {
  const f = path.join(mkdtempSync(path.join(os.tmpdir(), 'sse-recorded-')), 'r.json');
  writeFileSync(f, text);
  return f;
};
const recording = file(JSON.stringify({ sseStudioRecording: 1, source: 'x', recordedAt: 'y', events: [{ atMs: 0, event: 'a', data: '1' }, { atMs: 100, data: '2' }, { atMs: 400, event: 'c', data: '3' }] }));

describe('recorded scenario', () => {
  it('plays the events in order, over and over, with their names', () => {
    const s = recordedScenario({ file: recording });
    expect([1, 2, 3, 4].map((seq) => s.next(seq, 0))).toEqual([{ event: 'a', data: '1' }, { data: '2' }, { event: 'c', data: '3' }, { event: 'a', data: '1' }]);
  });

  it('timing original: the recorded gaps, the loop after the average gap', () => {
    const s = recordedScenario({ file: recording, timing: 'original' });
    expect([1, 2, 3, 4, 5].map((seq) => s.delayMs?.(seq))).toEqual([0, 100, 300, 200, 100]);
  });

  it('timing rate: no own timing; the given rate, else the recording average', () => {
    expect(recordedScenario({ file: recording, timing: 'rate' })).toMatchObject({ rate: 5 });
    expect(recordedScenario({ file: recording, timing: 'rate', rate: 2 })).toMatchObject({ rate: 2 });
    expect(recordedScenario({ file: recording, timing: 'rate' }).delayMs).toBeUndefined();
  });

  it('a file that cannot be played says why on every event', () => {
    expect(() => recordedScenario({ file: file('{"events": []}') }).next(1, 0)).toThrow(/not an SSE Studio recording/);
    expect(() => recordedScenario({ file: '/nonexistent/r.json' }).next(1, 0)).toThrow(/cannot be read/);
  });
});
