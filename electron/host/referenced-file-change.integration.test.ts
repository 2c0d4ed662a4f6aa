import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudioEvent } from '../../shared/api/contract.ts';
import { readEvents } from '../../test/support/parser-client.ts';
import { waitFor, waitForAsync } from '../../test/support/scripted-backend.ts';
import { StudioHost } from './studio-host.ts';

/**
 * Editing the file a payload schema lives in (./schemas.json) changes no API document, yet the mock,
 * the contract check and the Design forms read it: the host re-syncs the mock and announces apis.changed.
 */
let studio: StudioHost;
let projectDir: string;
let dataDir: string;
const events: StudioEvent[] = [];
const schema = (symbol: string) => JSON.stringify({ Tick: { type: 'object', required: ['symbol'], properties: { symbol: { type: 'string', enum: [symbol] } } } });

beforeEach(async () => {
  projectDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-referenced-file-'));
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-referenced-file-data-'));
  await fs.writeFile(path.join(projectDir, 'schemas.json'), schema('ACME'));
  await fs.writeFile(
    path.join(projectDir, 'ticks.asyncapi.yaml'),
    `asyncapi: 3.0.0
info: { title: Ticks, version: 1.0.0 }
x-context: /ticks
servers: { mock: { host: "127.0.0.1:8080", protocol: sse } }
channels:
  ticks:
    address: /ticks
    x-mock: { scenario: schema, rate: 50 }
    messages:
      tick: { name: tick, payload: { $ref: './schemas.json#/Tick' } }
operations:
  sendTicks: { action: send, channel: { $ref: '#/channels/ticks' } }
`,
  );
  studio = await StudioHost.start({ project: projectDir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', dataDir });
  events.length = 0;
  studio.onEvent((e) => events.push(e));
});
afterEach(async () => {
  await studio.stop();
  await fs.rm(projectDir, { recursive: true, force: true });
  await fs.rm(dataDir, { recursive: true, force: true });
});

const symbols = async (): Promise<string[]> => {
  // The API's own mount on the mock (the URL the gateway would stream from).
  const listed = await studio.handlers['apis.list']({});
  const endpoint = listed.ok ? listed.value.apis[0]?.endpointInUse : undefined;
  if (!endpoint) throw new Error('the API is not served by the mock');
  const { events: got } = await readEvents(`${endpoint}/ticks`, 3);
  return got.map((e) => (JSON.parse(e.data) as { symbol: string }).symbol);
};

describe('a change to a referenced file', () => {
  it('reaches documents.resolved and the mock, and is announced as apis.changed', async () => {
    expect(await symbols()).toEqual(['ACME', 'ACME', 'ACME']);
    await fs.writeFile(path.join(projectDir, 'schemas.json'), schema('BOLT'));
    await waitFor(() => events.some((e) => e.type === 'apis.changed'), 'apis.changed after schemas.json changed', 15_000);
    await waitForAsync(async () => {
      const resolved = await studio.handlers['documents.resolved']({ id: 'ticks.asyncapi.yaml' });
      return resolved.ok && JSON.stringify(resolved.value.document).includes('BOLT');
    }, 'the resolved document to hold the new schema', 15_000);
    expect(await symbols()).toEqual(['BOLT', 'BOLT', 'BOLT']);
    // The API document itself did not change: no changed-on-disk notice for the editor.
    expect(events.some((e) => e.type === 'documents.changedOnDisk')).toBe(false);
  });
});
