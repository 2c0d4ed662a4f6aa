import { afterEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCheck } from './check-command.ts';
import { startLiveBackend, type LiveBackend } from '../../test/support/live-backend.ts';

/**
 * `sse-studio check` in-process, against real sockets: the stock-ticker example on the mock, and a
 * scripted backend that ignores Last-Event-ID behind the gateway in per-client and shared modes.
 */
let live: LiveBackend | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await live?.close();
  live = undefined;
  for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

const notTTY = { stdout: { isTTY: false, write: () => undefined }, stderr: { isTTY: false, write: () => undefined } };

async function check(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheck(argv, (l) => out.push(l), (l) => err.push(l), notTTY);
  return { code, out, err, text: out.join('\n') };
}

async function tempProject(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-check-test-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  return dir;
}

/**
 * Per-client upstream with no linger: the backend connection closes with its client, so nothing is
 * recorded while the client is away (WSO2's gateway). The default keeps recording for the replay window.
 */
const WSO2_PER_CLIENT = '  upstream: per-client\n  lingerSeconds: 0';

/** An API on the scripted backend with the given x-gateway block. */
function ticksApi(backendUrl: string, gateway: string): string {
  return `asyncapi: 3.0.0
info:
  title: Ticks
  version: 1.0.0
x-context: /ticks
servers:
  backend:
    host: ${new URL(backendUrl).host}
    protocol: sse
channels:
  ticks:
    address: /ticks
    messages:
      tick:
        name: tick
operations:
  receiveTicks:
    action: receive
    channel:
      $ref: '#/channels/ticks'
x-gateway:
${gateway}
`;
}

describe('sse-studio check', () => {
  it('checks the stock-ticker example green: both topics, a client drop and a mock restart, a readable report', async () => {
    const example = await fs.readFile(path.join(import.meta.dirname, '../../examples/stock-ticker/stock-ticker.asyncapi.yaml'), 'utf8');
    const dir = await tempProject({ 'stock-ticker.asyncapi.yaml': example });
    const { code, text, out } = await check([dir, '--events', '9', '--rate', '100']);
    expect(code, text).toBe(0);
    expect(out).toContain(`SSE Studio check: ${dir} (1 API, 2 topics)`);
    expect(text).toMatch(/^ {2}GREEN {2}\/prices -> \/stocks\/1\.0\.0\/prices\?rate=100$/m);
    expect(text).toMatch(/^ {2}GREEN {2}\/prices\/\{symbol\} -> \/stocks\/1\.0\.0\/prices\/ACME\?rate=100$/m);
    expect(text).toMatch(/path: the first mock stream matching \/prices\/\{symbol\}/);
    // Issue 10: lost events are judged by the mock's record of what it produced, not by a guess about its numbering.
    expect(text.match(/ids: .*judged by the mock's record of every event it produced on this stream/g)).toHaveLength(2);
    expect(text).toMatch(/drop 1 {2}client drop after \d+ events \(last id \d+\): reconnected in \d+ ms with Last-Event-ID \d+; missed [\d, -]+; replayed [\d, -]+/);
    expect(text).toMatch(/drop 2 {2}backend drop: the mock backend restarted after \d+ events/);
    expect(text).toMatch(/progress {2}backend drop: the mock backend restarted/);
    expect(out.at(-1)).toMatch(/^Result: GREEN, 2 of 2 topics green; mock restarted 1x; [\d.]+ s$/);
  });

  it('the mock with the gateway\'s replay off and resume off: RED, the lost ids named from the mock\'s record — as the Studio API judges it', async () => {
    const example = await fs.readFile(path.join(import.meta.dirname, '../../examples/stock-ticker/stock-ticker.asyncapi.yaml'), 'utf8');
    const noResume = example
      .replace(/x-mock:\n {6}scenario: stock-ticker\n {6}rate: 2/g, 'x-mock:\n      scenario: stock-ticker\n      rate: 2\n      resume: false')
      .replace('x-context: /stocks', 'x-context: /stocks\nx-gateway:\n  replay:\n    maxEvents: 0');
    const dir = await tempProject({ 'stock-ticker.asyncapi.yaml': noResume });
    const { code, text } = await check([dir, '--events', '9', '--rate', '50', '--no-backend-drop']);
    expect(code, text).toBe(1);
    expect(text).toMatch(/^ {2}RED {4}\/prices -> /m);
    expect(text).toMatch(/ids: judged by the mock's record of every event it produced on this stream/);
    expect(text).toMatch(/! drop 1 \(client drop\): \d+ events lost, never received: \d+-\d+/);
  });

  it('per-client upstream without linger (WSO2\'s behaviour), a backend that ignores Last-Event-ID: what was produced during a drop is lost — exit 1, the lost ids named', async () => {
    live = await startLiveBackend({ intervalMs: 20, honourLastEventId: false });
    const dir = await tempProject({ 'ticks.yaml': ticksApi(live.url, WSO2_PER_CLIENT) });
    // Not the mock: no source record, so the numeric-id rule is asked for (issue 10: only when turned on).
    const { code, text } = await check([dir, '--events', '9', '--numeric-ids']);
    expect(code, text).toBe(1);
    expect(text).toMatch(/^ {2}RED {4}\/ticks -> \/ticks\/1\.0\.0\/ticks$/m);
    // Each client drop closes the gateway's backend connection; the backend resumes at its live position.
    const lost = text.match(/! drop 1 \(client drop\): (\d+) events lost, never received: (\d+)-(\d+)/);
    expect(lost, text).not.toBeNull();
    const [, count, from, to] = lost!.map(Number) as [number, number, number, number];
    expect(to - from + 1).toBe(count);
    expect(count).toBeGreaterThanOrEqual(10); // ~1 s away at 50 events/s
    expect(text).toMatch(/drop 1 {2}client drop .*; LOST \d+-\d+/);
    expect(text).toMatch(/^Result: RED, 0 of 1 topic green/m);
  });

  it('shared upstream with linger: the gateway kept the stream and replays what the client missed — exit 0', async () => {
    live = await startLiveBackend({ intervalMs: 20, honourLastEventId: false });
    const dir = await tempProject({ 'ticks.yaml': ticksApi(live.url, '  upstream: shared\n  lingerSeconds: 10') });
    const { code, text } = await check([dir, '--events', '9', '--numeric-ids']);
    expect(code, text).toBe(0);
    expect(text).toMatch(/^ {2}GREEN {2}\/ticks/m);
    expect(text).toMatch(/drop 1 {2}client drop .*: reconnected in \d+ ms with Last-Event-ID \d+; missed \d+-\d+; replayed \d+-\d+/);
    expect(text).toMatch(/drop 2 {2}client drop/);
    expect(live.requests).toHaveLength(1); // one backend connection served the whole check
  });

  it('--json prints one JSON document with the verdicts; progress goes to stderr', async () => {
    live = await startLiveBackend({ intervalMs: 20, honourLastEventId: false });
    const dir = await tempProject({ 'ticks.yaml': ticksApi(live.url, WSO2_PER_CLIENT) });
    const { code, out, err } = await check([dir, '--events', '6', '--json', '--numeric-ids']);
    expect(code).toBe(1);
    const result = JSON.parse(out.join('\n'));
    expect(result).toMatchObject({ status: 'red', exitCode: 1, settings: { events: 6 }, targets: [{ topic: '/ticks', path: '/ticks', status: 'red', mockBacked: false }] });
    expect(result.targets[0].verdict.lost.length).toBeGreaterThan(0);
    expect(result.targets[0].verdict.windows[0]).toMatchObject({ kind: 'reconnect', cause: 'client-drop' });
    expect(err.some((l) => l.startsWith('progress  /ticks/1.0.0/ticks: client drop'))).toBe(true);
  });

  it('an external backend without --numeric-ids: UNKNOWN, saying why; --junit writes one test case per topic', async () => {
    live = await startLiveBackend({ intervalMs: 20, honourLastEventId: true });
    const dir = await tempProject({ 'ticks.yaml': ticksApi(live.url, '  upstream: per-client') });
    const junit = path.join(dir, 'results', '..', 'check.xml');
    const { code, text } = await check([dir, '--events', '6', '--junit', junit]);
    expect(code, text).toBe(1);
    expect(text).toMatch(/^ {2}UNKNOWN \/ticks -> \/ticks\/1\.0\.0\/ticks$/m);
    expect(text).toMatch(/unknown: no source record: 2 drops could not be checked for lost events/);
    expect(text).toMatch(/^Result: UNKNOWN, 0 of 1 topic green/m);
    const xml = await fs.readFile(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="sse-studio check" tests="1" failures="0" errors="1" skipped="0"/);
    expect(xml).toContain('<testsuite name="Ticks 1.0.0" id="ticks.yaml" tests="1" failures="0" errors="1" skipped="0">');
    expect(xml).toMatch(/<testcase classname="Ticks 1.0.0" name="\/ticks" file="ticks.yaml">\n {6}<error message="no source record: 2 drops could not be checked/);
    expect(text).toContain(`JUnit XML: ${junit}`);
  });

  it('--junit: a red topic is a <failure> naming the lost ids', async () => {
    live = await startLiveBackend({ intervalMs: 20, honourLastEventId: false });
    const dir = await tempProject({ 'ticks.yaml': ticksApi(live.url, WSO2_PER_CLIENT) });
    const junit = path.join(dir, 'check.xml');
    const { code } = await check([dir, '--events', '6', '--numeric-ids', '--junit', junit, '--json']);
    expect(code).toBe(1);
    const xml = await fs.readFile(junit, 'utf8');
    expect(xml).toMatch(/<failure message="red: \d+ lost[^"]*" type="red">[^<]*drop 1 \(client drop\): \d+ events lost, never received: \d+-\d+/);
    expect(xml).toMatch(/tests="1" failures="1" errors="0"/);
  });

  it('stops at --duration and says how far it got', async () => {
    live = await startLiveBackend({ intervalMs: 200, honourLastEventId: true });
    const dir = await tempProject({ 'ticks.yaml': ticksApi(live.url, '  upstream: per-client') });
    const { code, text } = await check([dir, '--events', '300', '--duration', '1']);
    expect(text).toMatch(/time limit \(--duration 1\) reached: \/ticks\/1\.0\.0\/ticks at \d+ events/);
    expect(text).toMatch(/note: stopped by the time limit after \d+ events, 0 of 2 drops made/);
    expect(code).toBe(0);
  });

  it('is red when a topic cannot be subscribed to, and says why', async () => {
    const dir = await tempProject({ 'ticks.yaml': ticksApi('http://127.0.0.1:9', '  upstream: per-client') });
    const { code, text } = await check([dir, '--events', '3', '--duration', '3']);
    expect(code).toBe(1);
    expect(text).toMatch(/! the subscription failed: HTTP 502/);
  });

  it('exits 2 on usage errors and on a path that is not a project; 0 for --help', async () => {
    expect((await check([])).code).toBe(2);
    expect((await check(['x', '--events', 'many'])).err[0]).toMatch(/^sse-studio check: --events must be a whole number/);
    const missing = await check([path.join(os.tmpdir(), 'no-such-project-here')]);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toMatch(/no such file or folder/);
    const help = await check(['--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^Usage: sse-studio check/);
  });
});
