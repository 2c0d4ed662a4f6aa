import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudioClient } from '../../../../shared/api/contract.ts';
import { dispatch } from '../../../../electron/host/dispatch.ts';
import { StudioHost } from '../../../../electron/host/studio-host.ts';
import { createEventCheck, messagesFor } from './contract-check.ts';
import { readTopicContracts } from './topic-contracts.ts';

/** A payload schema in ./schemas.json: the contract check follows it through the host (the page cannot read files). */
let studio: StudioHost;
let projectDir: string;
let dataDir: string;
let client: StudioClient;

beforeAll(async () => {
  projectDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-contract-refs-'));
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-contract-refs-data-'));
  const price = { type: 'object', required: ['symbol', 'price'], properties: { symbol: { type: 'string' }, price: { type: 'number', minimum: 0 } } };
  await fs.writeFile(path.join(projectDir, 'schemas.json'), JSON.stringify({ Price: price }, null, 2));
  await fs.writeFile(
    path.join(projectDir, 'prices.asyncapi.yaml'),
    `asyncapi: 3.0.0
info: { title: Prices, version: 1.0.0 }
x-context: /prices
servers: { backend: { host: "127.0.0.1:9", protocol: sse } }
channels:
  prices:
    address: /prices
    messages:
      price: { name: price, payload: { $ref: './schemas.json#/Price' } }
operations:
  sendPrices: { action: send, channel: { $ref: '#/channels/prices' } }
`,
  );
  studio = await StudioHost.start({ project: projectDir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', dataDir });
  // The host end of every transport, params checked against the contract.
  client = { call: (method, params) => dispatch(studio.handlers, method, params) as never, onEvent: () => () => {} };
});
afterAll(async () => {
  await studio.stop();
  await fs.rm(projectDir, { recursive: true, force: true });
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the contract check with a payload schema in another file', () => {
  it('gets the schema inlined from documents.resolved, the $ref gone', async () => {
    const resolved = await client.call('documents.resolved', { id: 'prices.asyncapi.yaml' });
    expect(resolved.ok && JSON.stringify(resolved.value.document)).not.toContain('schemas.json');
    const contracts = await readTopicContracts(client, 'prices.asyncapi.yaml');
    expect(contracts.error).toBeUndefined();
    expect(messagesFor(contracts.messages ?? {}, '/prices')[0]?.payloadSchema).toMatchObject({ required: ['symbol', 'price'] });
  });

  it('reports an event that violates the other file\'s schema and passes one that fits', async () => {
    const contracts = await readTopicContracts(client, 'prices.asyncapi.yaml');
    const check = createEventCheck(messagesFor(contracts.messages ?? {}, '/prices'), '/prices');
    if (!check) throw new Error('no check for /prices');
    expect(check({ type: 'price', data: '{"symbol":"ACME","price":12.5}' })).toBeUndefined();
    expect(check({ type: 'price', data: '{"symbol":"ACME","price":"high"}' })).toEqual(['payload.price: expected number, got string "high"']);
    expect(check({ type: 'price', data: '{"price":-1}' })).toEqual(['payload: missing required property "symbol"', 'payload.price: must be >= 0, got -1']);
  });

  it('says why when the document is not a valid API', async () => {
    await fs.writeFile(path.join(projectDir, 'broken.yaml'), 'asyncapi: 3.0.0\ninfo: [oops\n');
    await studio.project.reload();
    const contracts = await readTopicContracts(client, 'broken.yaml');
    expect(contracts.messages).toBeUndefined();
    expect(contracts.error).toMatch(/broken\.yaml is not a valid SSE API yet/);
  });
});
