import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioHost } from './studio-host.ts';
import { waitForAsync } from '../../test/support/scripted-backend.ts';
import { startLiveBackend, type LiveBackend } from '../../test/support/live-backend.ts';
import { sseHeaders, startScriptedBackend, type ScriptedBackend } from '../../test/support/scripted-backend.ts';
import type { ReplayVerdict } from '../../shared/sse/replay-verdict.ts';

/**
 * Issue 10, done-when: through the Studio API, a viewer subscription on a mock-backed topic with the
 * gateway's replay off and the mock's resume off, after two client drops and with no hint about the
 * ids, is RED and names the lost ids (from the mock's record); a 401 is UNKNOWN with its reason.
 */
let studio: StudioHost;
let live: LiveBackend | undefined;
let scripted: ScriptedBackend | undefined;

const stock = async () => (await fs.readFile(path.resolve('examples/stock-ticker/stock-ticker.asyncapi.yaml'), 'utf8'))
  // The mock makes 40 events/s and ignores Last-Event-ID; the gateway keeps no replay history.
  .replace(/x-mock:\n {6}scenario: stock-ticker\n {6}rate: 2/g, 'x-mock:\n      scenario: stock-ticker\n      rate: 40\n      resume: false')
  .replace('x-context: /stocks', 'x-context: /stocks\nx-gateway:\n  replay:\n    maxEvents: 0');

beforeEach(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-verdict-'));
  const text = await stock();
  await fs.writeFile(path.join(dir, 'stock.yaml'), text);
  const secured = text
    .replace('title: Stock Ticker', 'title: Secured Ticker')
    .replace('x-context: /stocks', 'x-context: /secured')
    .replace('x-gateway:\n', 'x-gateway:\n  security:\n    type: apiKey\n    in: header\n    name: apikey\n    keys: [change-me-please]\n');
  await fs.writeFile(path.join(dir, 'secured.yaml'), secured);
  studio = await StudioHost.start({ project: dir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', deployAll: true, dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-verdict-data-')) });
});
afterEach(async () => {
  await studio.stop();
  await live?.close();
  await scripted?.close();
  live = scripted = undefined;
});

async function verdict(subscriptionId: string): Promise<ReplayVerdict> {
  const answer = await studio.handlers['subscriptions.verdict']({ subscriptionId });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

async function received(subscriptionId: string): Promise<string[]> {
  const answer = await studio.handlers['subscriptions.events']({ subscriptionId });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.events.flatMap((e) => (e.id ? [e.id] : []));
}

describe('subscriptions.verdict with source truth (issue 10)', () => {
  it('replay off, mock resume off, two client drops, no id hint: RED, naming the ids the mock produced while the client was away', async () => {
    const opened = await studio.handlers['subscriptions.open']({ apiId: 'stock.yaml', topicPath: '/prices' });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.subscriptionId;
    for (let drop = 1; drop <= 2; drop++) {
      await waitForAsync(async () => (await verdict(id)).counts.events >= drop * 10, `events before drop ${drop}`, 10_000);
      expect(await studio.handlers['subscriptions.drop']({ subscriptionId: id })).toEqual({ ok: true, value: { dropped: true } });
      await waitForAsync(async () => ((v) => v.counts.connections === drop + 1 && v.windows[drop - 1]?.firstLiveId !== undefined)(await verdict(id)), `the reconnect after drop ${drop}`, 10_000);
    }
    const v = await verdict(id);
    expect(v.status).toBe('red');
    expect(v.rule).toBe('mock-record');
    expect(v.windows).toHaveLength(2);
    // Ground truth: every id between the last one before a drop and the first live one after it
    // was produced by the mock (its ids count up by one here) and never delivered.
    const got = new Set(await received(id));
    for (const w of v.windows) {
      const from = Number(w.lastIdBefore) + 1;
      const to = Number(w.firstLiveId) - 1;
      expect(to).toBeGreaterThanOrEqual(from); // ~1 s away at 40 events/s
      const expected = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
      expect(w.lost).toEqual(expected);
      expect(w.lastEventIdSent).toBe(w.lastIdBefore);
      for (const lost of w.lost) expect(got.has(lost)).toBe(false);
    }
    expect(v.reasons[0]).toMatch(/^drop 1 \(client drop\): \d+ events lost, never received: \d+-\d+/);
    expect(v.counts.lost).toBe(v.windows[0]!.lostCount + v.windows[1]!.lostCount);
    // The same judgement shows in the session list.
    const list = await studio.handlers['subscriptions.list']({});
    expect(list.ok && list.value.subscriptions.find((s) => s.subscriptionId === id)).toMatchObject({ apiId: 'stock.yaml', topicPath: '/prices', verdictStatus: 'red', connections: 3 });
  });

  it('a 401 is UNKNOWN (grey), with its reason', async () => {
    const opened = await studio.handlers['subscriptions.open']({ apiId: 'secured.yaml', topicPath: '/prices' });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.subscriptionId;
    await waitForAsync(async () => (await verdict(id)).unknown.length > 0 && (await studio.handlers['subscriptions.list']({})).ok, 'the failure', 10_000);
    await waitForAsync(async () => /401/.test((await verdict(id)).unknown.join(' ')), 'the 401', 10_000);
    const v = await verdict(id);
    expect(v.status).toBe('unknown');
    expect(v.unknown[0]).toMatch(/^not connected: HTTP 401 .*Unauthorized/);
    expect(v.summary).toMatch(/^unknown: not connected: HTTP 401/);
  });

  it('an external backend: no source record, so a drop is UNKNOWN until the numeric-id rule is turned on — and it stays on', async () => {
    live = await startLiveBackend({ intervalMs: 10, honourLastEventId: false });
    const opened = await studio.handlers['subscriptions.open']({ url: live.url });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.subscriptionId;
    await waitForAsync(async () => (await verdict(id)).counts.events >= 5, 'events', 10_000);
    await studio.handlers['subscriptions.drop']({ subscriptionId: id });
    await waitForAsync(async () => ((v) => v.counts.connections === 2 && v.windows[0]?.firstLiveId !== undefined)(await verdict(id)), 'the reconnect', 10_000);
    const unchecked = await verdict(id);
    expect(unchecked.status).toBe('unknown');
    expect(unchecked.rule).toBe('client-only');
    expect(unchecked.unknown[0]).toMatch(/^no source record: 1 drop could not be checked for lost events/);
    const on = await studio.handlers['subscriptions.verdict']({ subscriptionId: id, ids: 'consecutive' });
    expect(on.ok && on.value).toMatchObject({ rule: 'numeric-ids', status: 'red' });
    // Asked again without saying: the rule is kept with the session.
    expect(await verdict(id)).toMatchObject({ rule: 'numeric-ids', status: 'red' });
    const list = await studio.handlers['subscriptions.list']({});
    expect(list.ok && list.value.subscriptions.find((s) => s.subscriptionId === id)?.ids).toBe('consecutive');
    expect((await studio.handlers['subscriptions.verdict']({ subscriptionId: id, ids: 'off' })).ok && (await verdict(id)).rule).toBe('client-only');
  });

  it('a stream that dies on a 503 after a drop is UNKNOWN (dead stream), and the verdict names the Last-Event-ID the connection log shows', async () => {
    // The first connection sends ids 1-5 and ends; the reconnect (with Last-Event-ID 5) gets 503.
    scripted = await startScriptedBackend((req, res) => {
      if (req.headers['last-event-id']) {
        res.writeHead(503, { 'content-type': 'text/plain' });
        res.end('maintenance');
        return;
      }
      sseHeaders(res);
      res.write('retry: 50\n\n');
      for (let id = 1; id <= 5; id++) res.write(`id: ${id}\ndata: ${id}\n\n`);
      res.end();
    });
    const opened = await studio.handlers['subscriptions.open']({ url: scripted.url, ids: 'consecutive' });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = opened.value.subscriptionId;
    await waitForAsync(async () => (await verdict(id)).unknown.some((u) => u.startsWith('dead stream')), 'the 503', 10_000);
    const v = await verdict(id);
    expect(v.status).toBe('unknown');
    expect(v.unknown[0]).toMatch(/^dead stream: HTTP 503 text\/plain: maintenance/);
    const timeline = await studio.handlers['subscriptions.timeline']({ subscriptionId: id });
    if (!timeline.ok) throw new Error(timeline.error.message);
    expect(timeline.value.entries.find((e) => e.state === 'reconnecting')).toMatchObject({ lastEventId: '5', detail: 'reconnecting with Last-Event-ID 5' });
    expect(v.windows[0]!.lastEventIdSent).toBe('5');
    expect(v.lastEventIdSent).toBe('5');
  });
});
