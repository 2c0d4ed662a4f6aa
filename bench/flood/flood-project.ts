import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The project the flood runs against: the stock-ticker example as shipped (its /prices/{symbol}
 * is the path the hostile requests aim at), plus an API whose topic takes any id
 * (`/items/{id}`, schema-generated payloads that carry the id): a stream per distinct path on the
 * mock and an upstream per distinct URL on the gateway, the worst case for memory.
 */
export const ITEMS_API = `asyncapi: 3.0.0
info: { title: Items, version: 1.0.0 }
x-context: /items
servers:
  mock: { host: "127.0.0.1:8080", protocol: sse }
channels:
  item:
    address: /items/{id}
    parameters: { id: {} }
    x-mock: { scenario: schema, rate: 10 }
    messages:
      item:
        name: item
        payload: { type: object, properties: { id: { type: string }, note: { type: string, minLength: 200, maxLength: 200 } } }
operations:
  receive: { action: receive, channel: { $ref: '#/channels/item' } }
`;

export async function floodProject(repoRoot: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-flood-'));
  await fs.copyFile(path.join(repoRoot, 'examples/stock-ticker/stock-ticker.asyncapi.yaml'), path.join(dir, 'stock-ticker.asyncapi.yaml'));
  await fs.writeFile(path.join(dir, 'items.asyncapi.yaml'), ITEMS_API);
  return dir;
}
