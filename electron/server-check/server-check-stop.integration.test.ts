import { afterAll, describe, expect, it } from 'vitest';
import { sleep, waitFor, waitForAsync } from '../../test/support/scripted-backend.ts';
import { serverCheckHandlers } from './server-check-handlers.ts';
import { startRuleBreakingBackend, type RuleBreakingBackend } from './testing/rule-breaking-backends.ts';

// Real sockets: after Stop (or a new start replacing a run) nothing more reaches the old backend,
// in particular not the resume probe's reconnects, which otherwise go on until the old deadline.
const started: RuleBreakingBackend[] = [];
afterAll(async () => Promise.all(started.map((b) => b.close())));

async function backend(): Promise<RuleBreakingBackend> {
  const b = await startRuleBreakingBackend('honours-last-event-id');
  started.push(b);
  return b;
}

// Many drops in a long run: the probe reconnects about every half second until it is stopped.
const params = (url: string) => ({ url: `${url}/events`, durationSeconds: 30, drops: 40 });

async function expectQuietAfterStop(b: RuleBreakingBackend): Promise<void> {
  await waitFor(() => b.closedCount() >= b.requests.length, 'every connection to the stopped run closed', 5000);
  const after = b.requests.length;
  await sleep(2500);
  expect(b.requests.length, `requests after stop: ${b.requests.slice(after).map((r) => r.headers['last-event-id']).join(', ')}`).toBe(after);
  expect(b.closedCount()).toBe(b.requests.length);
}

describe('server.check.stop and a replacing start end the resume probe', () => {
  it('no new connection reaches the backend after server.check.stop', async () => {
    const b = await backend();
    const api = serverCheckHandlers();
    await api['server.check.start'](params(b.url));
    await waitFor(() => b.requests.length >= 4, 'the resume probe reconnecting', 15_000);
    await api['server.check.stop']({});
    await waitForAsync(async () => {
      const s = await api['server.check.status']({});
      return s.ok && s.value?.running === false;
    }, 'the run to end', 5000);
    await expectQuietAfterStop(b);
    const s = await api['server.check.status']({});
    const resume = s.ok ? s.value?.report?.checks.find((c) => c.id === 'resume') : undefined;
    expect(resume?.evidence.join('\n')).toMatch(/stopped after \d+ of 40 drops/);
  });

  it('a new start stops the old run\'s probe', async () => {
    const old = await backend();
    const next = await backend();
    const api = serverCheckHandlers();
    await api['server.check.start'](params(old.url));
    await waitFor(() => old.requests.length >= 4, 'the resume probe reconnecting', 15_000);
    await api['server.check.start']({ url: `${next.url}/events`, durationSeconds: 2, drops: 1 });
    await expectQuietAfterStop(old);
    await waitForAsync(async () => {
      const s = await api['server.check.status']({});
      return s.ok && s.value?.running === false;
    }, 'the new run to end', 15_000);
  });
});
