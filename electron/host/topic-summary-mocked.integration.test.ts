import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioHost } from './studio-host.ts';

/** The topic summaries say which topics have an x-mock of their own (the viewer's "Mock streams" hint depends on it for catch-alls). */
let studio: StudioHost;

function catchAll(context: string, xMock: string): string {
  return `asyncapi: 2.6.0
info: { title: ${context}, version: 1.0.0 }
x-context: /${context}
servers:
  mock: { url: "http://127.0.0.1:8080", protocol: sse }
channels:
  /*:
    ${xMock}
    subscribe:
      message: { name: tick, payload: { type: object } }
  /prices:
    subscribe:
      message: { name: price, payload: { type: object } }
`;
}

beforeEach(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-topic-mocked-'));
  await fs.writeFile(path.join(dir, 'own.yaml'), catchAll('own', 'x-mock: { scenario: schema, rate: 5 }'));
  await fs.writeFile(path.join(dir, 'plain.yaml'), catchAll('plain', 'description: built-in streams'));
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-topic-mocked-data-'));
  studio = await StudioHost.start({ project: dir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', dataDir });
});
afterEach(() => studio.stop());

describe('TopicSummary.mocked', () => {
  it('is true only for a topic with its own x-mock', async () => {
    const listed = await studio.handlers['apis.list']({});
    if (!listed.ok) throw new Error(listed.error.message);
    const flags = Object.fromEntries(listed.value.apis.map((a) => [a.id, Object.fromEntries(a.topics.map((t) => [t.path, t.mocked]))]));
    expect(flags).toEqual({ 'own.yaml': { '/*': true, '/prices': false }, 'plain.yaml': { '/*': false, '/prices': false } });
  });
});
