import { readFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli-process.ts';
import { startScriptedBackend, sseHeaders } from '../../test/support/scripted-backend.ts';
import { runServerCheck } from './run-server-check.ts';
import { startRuleBreakingBackend, type Misbehaviour, type RuleBreakingBackend } from './testing/rule-breaking-backends.ts';
import type { CheckId, ServerCheckOptions, ServerCheckReport } from './types.ts';

// Real sockets: small backends on 127.0.0.1 that each break one rule, checked by the real suite.
const started: RuleBreakingBackend[] = [];
afterAll(async () => Promise.all(started.map((b) => b.close())));

async function backend(kind: Misbehaviour): Promise<RuleBreakingBackend> {
  const b = await startRuleBreakingBackend(kind);
  started.push(b);
  return b;
}

const options = (url: string, more: Partial<ServerCheckOptions> = {}): ServerCheckOptions => ({ url, headers: {}, http2: false, insecure: false, durationSeconds: 4, drops: 3, origin: undefined, allowHosts: [], ...more });
const check = (report: ServerCheckReport, id: CheckId) => report.checks.find((c) => c.id === id) as ServerCheckReport['checks'][number];

describe('sse-studio check --url (CLI, exit codes)', () => {
  it('fails the resume check (exit 1) against a server that ignores Last-Event-ID', async () => {
    const b = await backend('ignores-last-event-id');
    const run = await runCli(['check', '--url', `${b.url}/events`, '--duration', '4', '--drops', '3', '--json'], 30_000);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as ServerCheckReport & { exitCode: number };
    expect(report.exitCode).toBe(1);
    const resume = check(report, 'resume');
    expect(resume.status).toBe('fail');
    expect(resume.summary).toMatch(/starts live/);
    expect((resume.figures?.counts as { lost: number }).lost).toBeGreaterThan(0);
    // Only the resume check fails: the rest of this server is fine.
    expect(report.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['resume']);
  });

  it('passes (exit 0) against a server that honours Last-Event-ID, and writes JUnit', async () => {
    const b = await backend('honours-last-event-id');
    const junit = path.join(mkdtempSync(path.join(os.tmpdir(), 'sse-check-junit-')), 'report.xml');
    const run = await runCli(['check', '--url', `${b.url}/events`, '--duration', '4', '--drops', '3', '--json', '--junit', junit], 30_000);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ServerCheckReport;
    const resume = check(report, 'resume');
    expect(resume.status).toBe('pass');
    expect(resume.summary).toMatch(/^resumes/);
    // A drop between two events misses nothing, so not every drop has something to resend.
    expect((resume.figures?.counts as { replayed: number }).replayed).toBeGreaterThan(0);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="SSE server check [^"]+" tests="10" failures="0"/);
    expect(xml).toContain('<testcase name="Resume (Last-Event-ID)"');
  });

  it('prints the readable report with a line per check', async () => {
    const b = await backend('honours-last-event-id');
    const run = await runCli(['check', '--url', `${b.url}/events`, '--duration', '3', '--drops', '2'], 30_000);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^progress {2}checking http:\/\/127\.0\.0\.1:\d+\/events for 3 s \(2 drops\)/m);
    expect(run.stdout).toMatch(/^PASS +Resume \(Last-Event-ID\) +resumes/m);
    expect(run.stdout).toMatch(/passed, \d+ warnings, 0 failed, \d+ unknown: no check failed$/m);
  });

  it('refuses bad options with one line and exit 2', async () => {
    const run = await runCli(['check', '--url', 'ftp://127.0.0.1/x'], 10_000);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('sse-studio check: --url must be http: or https:, not ftp:');
  });
});

describe('each rule broken on purpose is flagged', () => {
  it.concurrent('a server that replays from the beginning fails resume', async () => {
    const b = await backend('replays-from-start');
    const resume = check(await runServerCheck(options(`${b.url}/events`)), 'resume');
    expect(resume.status).toBe('fail');
    expect(resume.summary).toMatch(/replays from the beginning/);
  });

  it.concurrent('a buffering server fails delivery, proven by the send times in the data', async () => {
    const b = await backend('buffers');
    const report = await runServerCheck(options(`${b.url}/events`));
    const delivery = check(report, 'delivery');
    expect(delivery.status).toBe('fail');
    expect(delivery.summary).toMatch(/buffered/);
    expect(delivery.evidence.join('\n')).toMatch(/events sent over \d+ ms \(by the time in their data\) arrived within \d+ ms/);
    expect(check(report, 'resume').status).toBe('pass');
  });

  it.concurrent('a gzip stream is warned about and its held-back events are flagged', async () => {
    const b = await backend('gzip');
    const report = await runServerCheck(options(`${b.url}/events`));
    expect(check(report, 'response').status).toBe('warn');
    expect(check(report, 'response').summary).toMatch(/Content-Encoding: gzip/);
    expect(check(report, 'delivery').status).toBe('warn');
    expect(check(report, 'delivery').summary).toMatch(/compressed stream \(gzip\) is being held back/);
  });

  it.concurrent('a server that never sends ids is warned: no resume possible', async () => {
    const b = await backend('no-ids');
    const report = await runServerCheck(options(`${b.url}/events`));
    expect(check(report, 'ids').status).toBe('warn');
    expect(check(report, 'resume').status).toBe('warn');
    expect(check(report, 'resume').summary).toMatch(/no Last-Event-ID to send/);
    expect(report.ok).toBe(true);
  });

  it.concurrent('a server without keep-alive is warned', async () => {
    const b = await backend('no-keep-alive');
    const keepAlive = check(await runServerCheck(options(`${b.url}/events`, { durationSeconds: 3 })), 'keep-alive');
    expect(keepAlive.status).toBe('warn');
    expect(keepAlive.summary).toMatch(/no heartbeat: silent for [\d.]+ s/);
  });

  it.concurrent('a broken stream fails framing: mid-stream BOM, invalid UTF-8, merged events; CR-only lines and a bad retry warn', async () => {
    const b = await startScriptedBackend((_req, res) => {
      sseHeaders(res);
      res.write('retry: soon\n\nid: 1\ndata: a\n\n');
      res.write(Buffer.from([0xef, 0xbb, 0xbf]));
      res.write('id: 2\ndata: b\n\n');
      res.write(Buffer.concat([Buffer.from('id: 3\ndata: c'), Buffer.from([0xff]), Buffer.from('\n\n')]));
      res.write('id: 4\r' + 'data: d\r\r');
      res.write('id: 5\ndata: e\nid: 6\ndata: f\n\n');
    });
    try {
      const framing = check(await runServerCheck(options(`${b.url}/`, { durationSeconds: 2, drops: 1 })), 'framing');
      expect(framing.status).toBe('fail');
      const text = framing.evidence.join('\n');
      expect(text).toMatch(/1 UTF-8 BOM after the start \(first at byte 28\)/);
      expect(text).toMatch(/bytes that are not UTF-8/);
      expect(text).toMatch(/a second "id:" after data in one block/);
      expect(text).toMatch(/3 lines end with CR alone/);
      expect(text).toMatch(/1 retry: value not a number \("soon"\)/);
    } finally {
      await b.close();
    }
  });

  it.concurrent('CORS for --origin: missing Access-Control-Allow-Origin fails, the right one passes', async () => {
    const b = await startScriptedBackend((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...(req.url === '/open' ? { 'access-control-allow-origin': 'http://app.test' } : {}) });
      res.write('id: 1\ndata: x\n\n');
    });
    try {
      const [closed, open] = await Promise.all([
        runServerCheck(options(`${b.url}/closed`, { durationSeconds: 2, drops: 1, origin: 'http://app.test' })),
        runServerCheck(options(`${b.url}/open`, { durationSeconds: 2, drops: 1, origin: 'http://app.test' })),
      ]);
      expect(check(closed, 'cors').status).toBe('fail');
      expect(check(open, 'cors').status).toBe('pass');
    } finally {
      await b.close();
    }
  });

  it.concurrent('sends nothing to a host the user did not name: a redirect elsewhere is not followed', async () => {
    const elsewhere = await startScriptedBackend((_req, res) => sseHeaders(res));
    const b = await startScriptedBackend((_req, res) => {
      res.writeHead(302, { location: elsewhere.url.replace('127.0.0.1', 'localhost') + '/stream' });
      res.end();
    });
    try {
      const report = await runServerCheck(options(`${b.url}/`, { durationSeconds: 2, drops: 1 }));
      const response = check(report, 'response');
      expect(response.status).toBe('fail');
      expect(response.evidence.join('\n')).toMatch(/302 to http:\/\/localhost:\d+\/stream: not followed, localhost:\d+ is not an allowed host/);
      expect(elsewhere.requests).toHaveLength(0);
      expect(report.ok).toBe(false);
    } finally {
      await Promise.all([b.close(), elsewhere.close()]);
    }
  });
});
