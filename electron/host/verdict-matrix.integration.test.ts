import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioHost } from './studio-host.ts';
import { startLiveBackend, type LiveBackend } from '../../test/support/live-backend.ts';
import { waitForAsync } from '../../test/support/scripted-backend.ts';
import type { ReplayVerdict } from '../../shared/sse/replay-verdict.ts';

/**
 * The verdict matrix (issue 10): drop kind × gateway replay on/off × backend resume on/off × mock or
 * external backend, each a real subscription through the gateway judged by the Studio API, set
 * against the ground truth: every source here numbers its events 1, 2, 3 ..., so an id between the
 * first and the last one received that never arrived was lost. GREEN must mean nothing was lost,
 * RED that something was (or came twice); UNKNOWN says it could not judge (and why).
 * `VERDICT_MATRIX_OUT=file` also writes the table (Markdown).
 */
type DropKind = 'client' | 'gateway' | 'backend';
interface Case {
  n: number;
  drop: DropKind;
  replay: boolean;
  resume: boolean;
  backend: 'mock' | 'external';
}

const CASES: Case[] = [];
for (const backend of ['mock', 'external'] as const)
  for (const drop of ['client', 'gateway', 'backend'] as const)
    for (const replay of [true, false])
      for (const resume of [true, false]) CASES.push({ n: CASES.length + 1, drop, replay, resume, backend });

const RATE = 20;
let studio: StudioHost;
const externals = new Map<number, LiveBackend>();

function document(c: Case, endpoint: string): string {
  // Each case its own API and topic path: nothing is shared between cases on the gateway or the mock.
  const topic = `/t${c.n}`;
  return `asyncapi: 3.0.0
info: { title: Case ${c.n}, version: 1.0.0 }
x-context: /case${c.n}
servers: { backend: { host: '${endpoint}', protocol: sse } }
channels:
  ticks:
    address: ${topic}
    x-mock: { scenario: counter, rate: ${RATE}, resume: ${c.resume} }
operations: { receive: { action: receive, channel: { $ref: '#/channels/ticks' } } }
x-gateway: { replay: { maxEvents: ${c.replay ? 1000 : 0} }, upstream: shared, onBackendDrop: reconnect-upstream }
`;
}

beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-matrix-'));
  for (const c of CASES) {
    let endpoint = '127.0.0.1:8080';
    if (c.backend === 'external') {
      const live = await startLiveBackend({ intervalMs: 1000 / RATE, honourLastEventId: c.resume });
      externals.set(c.n, live);
      endpoint = new URL(live.url).host;
    }
    await fs.writeFile(path.join(dir, `case${c.n}.yaml`), document(c, endpoint));
  }
  studio = await StudioHost.start({ project: dir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', deployAll: true, dataDir: await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-matrix-data-')) });
}, 30_000);

afterAll(async () => {
  await studio?.stop();
  for (const live of externals.values()) await live.close();
});

interface Row {
  c: Case;
  verdict: ReplayVerdict;
  truthLost: number;
  truthDuplicated: number;
}

async function verdictOf(id: string): Promise<ReplayVerdict> {
  const v = await studio.handlers['subscriptions.verdict']({ subscriptionId: id });
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

async function run(c: Case): Promise<Row> {
  const opened = await studio.handlers['subscriptions.open']({ apiId: `case${c.n}.yaml`, topicPath: `/t${c.n}` });
  if (!opened.ok) throw new Error(opened.error.message);
  const id = opened.value.subscriptionId;
  await waitForAsync(async () => (await verdictOf(id)).counts.events >= 10, `case ${c.n}: events`, 15_000);
  const before = (await verdictOf(id)).counts.events;
  if (c.drop === 'client') await studio.handlers['subscriptions.drop']({ subscriptionId: id });
  else if (c.drop === 'gateway') await studio.handlers['gateway.drop']({ apiId: `case${c.n}.yaml` });
  else if (c.backend === 'mock') await studio.handlers['mock.faults.trigger']({ scope: { apiId: `case${c.n}.yaml` }, action: { type: 'drop' } });
  else externals.get(c.n)?.dropAll();
  // Back and live again: ten events after the drop (a reconnect takes the client's retry time, 1 s).
  await waitForAsync(async () => (await verdictOf(id)).counts.events >= before + 10 + RATE, `case ${c.n}: events after the drop`, 20_000);
  // Read together (the host answers both from the same state in one turn), then stop the session.
  const [verdict, events] = await Promise.all([verdictOf(id), studio.handlers['subscriptions.events']({ subscriptionId: id })]);
  await studio.handlers['subscriptions.close']({ subscriptionId: id });
  if (!events.ok) throw new Error(events.error.message);
  const ids = events.value.events.flatMap((e) => (e.id ? [Number(e.id)] : []));
  const seen = new Set(ids);
  const first = Math.min(...ids);
  const last = Math.max(...ids);
  let truthLost = 0;
  for (let i = first; i <= last; i++) if (!seen.has(i)) truthLost++;
  return { c, verdict, truthLost, truthDuplicated: ids.length - seen.size };
}

function agrees(r: Row): 'yes' | 'no' | 'not judged' {
  const bad = r.truthLost + r.truthDuplicated > 0;
  if (r.verdict.status === 'unknown') return 'not judged';
  return (r.verdict.status === 'red') === bad ? 'yes' : 'no';
}

function table(rows: Row[]): string {
  const lines = [
    '| # | backend | drop | gateway replay | backend resume | verdict | lost (verdict) | lost (truth) | duplicated (truth) | agrees | rule / why |',
    '| - | - | - | - | - | - | - | - | - | - | - |',
  ];
  for (const r of rows) {
    const v = r.verdict;
    const why = v.status === 'unknown' ? (v.unknown[0] ?? '') : v.rule + (v.counts.lostAtSource ? `, ${v.counts.lostAtSource} lost at the source (gateway gap)` : v.lostAtSource.announced.length ? ', a gap announced by the gateway' : '');
    lines.push(`| ${r.c.n} | ${r.c.backend} | ${r.c.drop} | ${r.c.replay ? 'on' : 'off'} | ${r.c.resume ? 'on' : 'off'} | ${v.status.toUpperCase()} | ${v.counts.lost} | ${r.truthLost} | ${r.truthDuplicated} | ${agrees(r)} | ${why.replace(/\|/g, '/')} |`);
  }
  return lines.join('\n');
}

describe('verdict matrix', () => {
  it('every verdict agrees with the ground truth, or says it could not judge', async () => {
    const rows = await Promise.all(CASES.map(run));
    const text = table(rows);
    console.log(text);
    if (process.env.VERDICT_MATRIX_OUT) await fs.writeFile(process.env.VERDICT_MATRIX_OUT, text + '\n');
    for (const r of rows) expect(agrees(r), `case ${r.c.n}: ${JSON.stringify({ ...r.c, status: r.verdict.status, lost: r.verdict.counts.lost, truthLost: r.truthLost, reasons: r.verdict.reasons, unknown: r.verdict.unknown })}`).not.toBe('no');
    // The mock's record judges every mock-backed case: none is left unknown.
    for (const r of rows.filter((x) => x.c.backend === 'mock')) expect(r.verdict.status, `case ${r.c.n}`).not.toBe('unknown');
  }, 90_000);
});
