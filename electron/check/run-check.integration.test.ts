import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runChecks } from './run-check.ts';
import { startLiveBackend, type LiveBackend } from '../../test/support/live-backend.ts';

/**
 * Backend-side drops of a backend that is not the mock: the test cuts the scripted backend's
 * connections (hooks.dropBackend) and keeps it down for 400 ms while the client stays connected to the
 * gateway, which resumes the backend with Last-Event-ID. Whether anything is lost is up to the backend. The backend is not
 * the mock, so there is no source record: the numeric-id rule is turned on (--numeric-ids).
 */
let live: LiveBackend | undefined;
let dir: string | undefined;
afterEach(async () => {
  await live?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
  live = dir = undefined;
});

async function checkWithBackendDrop(honourLastEventId: boolean) {
  live = await startLiveBackend({ intervalMs: 20, honourLastEventId });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-run-check-'));
  await fs.writeFile(
    path.join(dir, 'ticks.yaml'),
    `asyncapi: 3.0.0
info: { title: Ticks, version: 1.0.0 }
x-context: /ticks
servers: { backend: { host: '${new URL(live.url).host}', protocol: sse } }
channels: { ticks: { address: /ticks } }
operations: { receiveTicks: { action: receive, channel: { $ref: '#/channels/ticks' } } }
x-gateway: { upstream: per-client, onBackendDrop: reconnect-upstream }
`,
  );
  const notes: string[] = [];
  const result = await runChecks(
    { project: dir, events: 9, durationSeconds: 20, rate: 20, http2: false, backendDrop: true, numericIds: true, json: false },
    { note: (l) => notes.push(l), status: () => undefined, dropBackend: () => live!.dropAll(400) },
  );
  return { result, notes, target: result.targets[0]!, verdict: result.targets[0]!.verdict! };
}

describe('check: a backend-side drop behind the gateway', () => {
  it('a backend that ignores Last-Event-ID: the client stays connected, the gateway resumes, the events in between are lost — red, in the backend drop\'s window', async () => {
    const { result, notes, target, verdict } = await checkWithBackendDrop(false);
    expect(result.status).toBe('red');
    expect(notes.some((n) => /^backend drop: the backend's connections were cut \(\/ticks\/1\.0\.0\/ticks after \d+ events\)$/.test(n)), notes.join('\n')).toBe(true);
    expect(target.drops.map((d) => d.action)).toEqual(['client-drop', 'backend-drop']);
    const source = verdict.windows.find((w) => w.kind === 'source')!;
    expect(source).toMatchObject({ cause: 'source-drop', detail: "backend drop: the backend's connections were cut" });
    expect(source.lostCount).toBeGreaterThan(0); // the backend stays down 400 ms and does not resend
    expect(source.lost[0]).toBe(String(Number(source.lastIdBefore) + 1));
    expect(verdict.reasons.some((r) => r.startsWith("drop 2 (backend drop: the backend's connections were cut): "))).toBe(true);
    expect(live!.requests.length).toBeGreaterThanOrEqual(3); // initial, after the client drop, after the backend drop
  });

  it('a backend that honours Last-Event-ID: the gateway resumes it with the last id and nothing is lost — green', async () => {
    const { result, target, verdict } = await checkWithBackendDrop(true);
    expect(result.status, JSON.stringify(verdict.reasons)).toBe('green');
    expect(target.drops.map((d) => d.action)).toEqual(['client-drop', 'backend-drop']);
    expect(verdict.windows.find((w) => w.kind === 'source')).toMatchObject({ lostCount: 0, missedCount: 0 });
    expect(live!.requests.at(-1)?.headers['last-event-id']).toMatch(/^\d+$/);
  });
});
