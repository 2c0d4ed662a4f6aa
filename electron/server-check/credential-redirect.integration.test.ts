import { afterAll, describe, expect, it } from 'vitest';
import { startScriptedBackend, type ScriptedBackend } from '../../test/support/scripted-backend.ts';
import { runServerCheck } from './run-server-check.ts';
import { startRuleBreakingBackend } from './testing/rule-breaking-backends.ts';

// Real sockets: a redirect to another port of the same host is another origin, so no login headers go there.
const started: Array<{ close(): Promise<void> }> = [];
afterAll(async () => Promise.all(started.map((b) => b.close())));

describe('server check: login headers across a redirect', () => {
  it('sends Authorization, Cookie and Proxy-Authorization only to the origin given, and says so', async () => {
    const elsewhere = await startRuleBreakingBackend('honours-last-event-id');
    started.push(elsewhere);
    const given: ScriptedBackend = await startScriptedBackend((_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/events` });
      res.end();
    });
    started.push(given);
    const headers = { Authorization: 'Bearer secret', cookie: 'session=secret', 'proxy-authorization': 'Basic secret', 'x-trace': 'kept' };
    const report = await runServerCheck({ url: `${given.url}/events`, headers, http2: false, insecure: false, durationSeconds: 2, drops: 1, origin: 'http://app.example', allowHosts: [] });

    expect(given.requests[0]?.headers.authorization).toBe('Bearer secret');
    expect(elsewhere.requests.length).toBeGreaterThan(1); // the stream, the resume probe and the probes all went there
    for (const r of elsewhere.requests) {
      expect(r.headers.authorization).toBeUndefined();
      expect(r.headers.cookie).toBeUndefined();
      expect(r.headers['proxy-authorization']).toBeUndefined();
      expect(r.headers['x-trace']).toBe('kept');
    }
    const response = report.checks.find((c) => c.id === 'response');
    expect(response?.evidence.join('\n')).toContain(`Authorization, cookie, proxy-authorization not sent to ${elsewhere.url}`);
  });
});
