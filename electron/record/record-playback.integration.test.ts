import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServe, type ServeProcess } from '../../test/support/cli-process.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { startScriptedBackend, sseHeaders, type ScriptedBackend } from '../../test/support/scripted-backend.ts';
import { parseRecording } from './recording-file.ts';

// Record a live stream with `sse-studio record`, then play it from the project's mock
// (x-mock scenario: recorded): the same names and data, and with timing: original the same spacing.
const GAPS_MS = [0, 150, 900, 100, 1200, 300];
const NAMES = ['quote', 'trade', 'quote', 'halt', 'trade', 'quote'];

let live: ScriptedBackend | undefined;
let serve: ServeProcess | undefined;
afterAll(async () => {
  await serve?.stop();
  await live?.close();
});

describe('record a live stream, play it from the mock', () => {
  it('plays back the recorded names, data and (timing: original) spacing', async () => {
    live = await startScriptedBackend((_req, res) => {
      sseHeaders(res);
      let i = 0;
      const next = () => {
        if (i >= NAMES.length || res.destroyed) return;
        res.write(`id: ${100 + i}\nevent: ${NAMES[i]}\ndata: {"n":${i},"note":"line ${i}"}\n\n`);
        i++;
        if (i < NAMES.length) setTimeout(next, GAPS_MS[i]);
      };
      next();
    });
    const project = mkdtempSync(path.join(os.tmpdir(), 'sse-record-'));
    const file = path.join(project, 'recordings', 'live.json');
    const run = await runCli(['record', `${live.url}/feed`, '--events', String(NAMES.length), '--seconds', '20', '--out', file], 30_000);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/recorded 6 events \(quote, trade, halt\) over [\d.]+ s to /);
    expect(run.stdout).toContain('x-mock: { scenario: recorded, file: live.json, timing: original }');
    // The offer for the topic's messages: examples and a payload schema inferred from the JSON data.
    expect(run.stdout).toMatch(/examples and a payload schema inferred from the 6 JSON events/);
    expect(run.stdout).toMatch(/^ {4}quote:\n {6}name: quote\n {6}payload:\n {8}type: object/m);
    const recording = parseRecording(readFileSync(file, 'utf8'));
    if (!recording.ok) throw new Error(recording.message);
    const recorded = recording.value.events;
    expect(recorded.map((e) => e.event)).toEqual(NAMES);
    expect(recorded.map((e) => e.id)).toEqual(['100', '101', '102', '103', '104', '105']);

    writeFileSync(
      path.join(project, 'live.asyncapi.yaml'),
      `asyncapi: 2.6.0
info: { title: Live Feed, version: '1.0' }
servers:
  backend: { url: 'http://127.0.0.1:8080', protocol: sse }
channels:
  /feed:
    x-mock: { scenario: recorded, file: recordings/live.json, timing: original }
    subscribe:
      message: { payload: { type: object } }
`,
    );
    serve = await startServe([project, '--gateway-port', '0', '--no-https', '--mock-port', '0', '--no-ui']);
    const arrivals: number[] = [];
    const played = await readEvents(`${serve.urls.mock}/feed`, NAMES.length, { timeoutMs: 15_000, onEvent: () => arrivals.push(performance.now()) });
    expect(played.status).toBe(200);
    expect(played.events.map((e) => e.event)).toEqual(NAMES);
    expect(played.events.map((e) => e.data)).toEqual(recorded.map((e) => e.data));
    // Spacing: each event as far from the first as recorded. A loaded machine only ever delays an
    // arrival, so each event's lateness is measured against the earliest one; a steady rate (~530
    // ms apart) would put some events 400 ms early or late, far outside the margin.
    const offsets = recorded.map((e, i) => (arrivals[i] ?? 0) - e.atMs);
    const baseline = Math.min(...offsets);
    offsets.forEach((offset, i) => expect(offset - baseline, `event ${i + 1}: ${Math.round(offset - baseline)} ms off the recorded spacing (recorded at ${recorded[i]?.atMs} ms)`).toBeLessThanOrEqual(250));
  });

  it('refuses to overwrite a file without --force, and bad options with exit 2', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sse-record-')), 'taken.json');
    writeFileSync(file, 'keep me');
    const taken = await runCli(['record', 'http://127.0.0.1:9/x', '--events', '1', '--out', file]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/exists: pick another --out or add --force/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const usage = await runCli(['record', 'http://127.0.0.1:9/x', '--out', file]);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim()).toBe('sse-studio record: Say when to stop: --events <n> or --seconds <s> (or both: whichever comes first).');
  });
});
