import { afterEach, describe, expect, it } from 'vitest';
import { Gateway } from './gateway.ts';
import { defaultRuntime } from '../../shared/model/runtime.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { sleep, sseHeaders, startScriptedBackend, type ScriptedBackend } from '../../test/support/scripted-backend.ts';

/**
 * Shared upstream, several clients reconnecting while the gateway is still connecting to the
 * backend (after a gateway restart, a redeploy or a linger that ran out), each with its own
 * Last-Event-ID. The upstream asks for the events after the first one's id; a client that already
 * has more must not get those again, nor a gap notice for events it has.
 */
let gateway: Gateway | undefined;
let backend: ScriptedBackend | undefined;
afterEach(async () => {
  await gateway?.stop();
  await backend?.close();
  gateway = backend = undefined;
});

/** Events from the client's Last-Event-ID + 1, every 20 ms, answered after `delayMs`; ids `n` or `e-n`. */
async function resumingBackend(delayMs: number, prefix = ''): Promise<ScriptedBackend> {
  return startScriptedBackend((req, res) => {
    let next = Number(String(req.headers['last-event-id'] ?? '0').slice(prefix.length)) + 1;
    setTimeout(() => {
      sseHeaders(res);
      const timer = setInterval(() => res.write(`id: ${prefix}${next}\ndata: event ${next++}\n\n`), 20);
      res.on('close', () => clearInterval(timer));
    }, delayMs);
  });
}

async function startGateway(endpoint: string): Promise<string> {
  gateway = new Gateway({ host: '127.0.0.1', port: 0 });
  await gateway.start();
  gateway.deploy({ id: 'j', name: 'J', basePath: '/j/1.0.0', endpoint, topics: [{ path: '/*' }], runtime: defaultRuntime() });
  return `${gateway.url}/j/1.0.0/feed`;
}

describe('shared upstream: clients that join while it connects', () => {
  it('a client ahead of the id sent upstream gets only the events after its own, and no gap notice', async () => {
    backend = await resumingBackend(300);
    const url = await startGateway(backend.url);
    const first = readEvents(url, 8, { headers: { 'last-event-id': '5' } });
    await sleep(50);
    const ahead = readEvents(url, 5, { headers: { 'last-event-id': '8' } });
    const behind = readEvents(url, 5, { headers: { 'last-event-id': '3' } });
    const [a, b, c] = await Promise.all([first, ahead, behind]);
    expect(a.events.map((e) => e.id)).toEqual(['6', '7', '8', '9', '10', '11', '12', '13']);
    expect(b.events.map((e) => e.id)).toEqual(['9', '10', '11', '12', '13']);
    expect(b.raw).not.toMatch(/: gap/);
    // Behind the id sent upstream: 4 and 5 are not coming; that hole is announced.
    expect(c.events[0]?.id).toBe('6');
    expect(c.raw).toMatch(/: gap/);
  });

  it('the same with ids that are not numbers: held until the stream reaches the id', async () => {
    backend = await resumingBackend(300, 'e-');
    const url = await startGateway(backend.url);
    const first = readEvents(url, 6, { headers: { 'last-event-id': 'e-5' } });
    await sleep(50);
    const ahead = readEvents(url, 3, { headers: { 'last-event-id': 'e-8' } });
    const [a, b] = await Promise.all([first, ahead]);
    expect(a.events.map((e) => e.id)).toEqual(['e-6', 'e-7', 'e-8', 'e-9', 'e-10', 'e-11']);
    expect(b.events.map((e) => e.id)).toEqual(['e-9', 'e-10', 'e-11']);
    expect(b.raw).not.toMatch(/: gap/);
  });

  it('a client whose numeric id is ahead of a running stream waits for it instead of getting it twice', async () => {
    // The backend resends a backlog slowly: the shared stream is at 6.. while the client has 12.
    backend = await resumingBackend(0);
    const url = await startGateway(backend.url);
    const first = readEvents(url, 12, { headers: { 'last-event-id': '0' } });
    await sleep(60);
    const ahead = readEvents(url, 3, { headers: { 'last-event-id': '9' } });
    const [a, b] = await Promise.all([first, ahead]);
    expect(a.events.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(b.events.map((e) => e.id)).toEqual(['10', '11', '12']);
    expect(b.raw).not.toMatch(/: gap/);
  });
});
