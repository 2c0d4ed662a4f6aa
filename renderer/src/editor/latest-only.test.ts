import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest-only.ts';

/** A stand-in worker that records what it was sent and answers when the test says so. */
function fakeWorker() {
  const sent: unknown[] = [];
  const worker = { postMessage: (m: unknown) => sent.push(m), terminate: () => undefined, onmessage: null as ((e: MessageEvent) => void) | null };
  return { worker: worker as unknown as Worker, sent, answer: (data: unknown) => worker.onmessage?.({ data } as MessageEvent) };
}

describe('latest-only worker channel', () => {
  it('sends at once when free, and only the newest of the texts typed while the worker was busy', () => {
    const fake = fakeWorker();
    const answers: unknown[] = [];
    const channel = latestOnly<string, string>(fake.worker, (a) => answers.push(a));
    channel.send('a');
    channel.send('ab');
    channel.send('abc');
    expect(fake.sent).toEqual(['a']);
    fake.answer('done a');
    expect(fake.sent).toEqual(['a', 'abc']);
    fake.answer('done abc');
    expect(answers).toEqual(['done a', 'done abc']);
    channel.send('abcd');
    expect(fake.sent).toEqual(['a', 'abc', 'abcd']);
  });
});
