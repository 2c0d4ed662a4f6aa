import { afterEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { routeByPreface } from './preface-sniffer.ts';

let server: net.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that only sniffs, counting what it routed; resolves with a connected client. */
async function sniffingServer(idleMs: number): Promise<{ client: net.Socket; routed: string[] }> {
  const routed: string[] = [];
  server = net.createServer((socket) => routeByPreface(socket, (_s, protocol) => routed.push(protocol), idleMs));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  client.on('error', () => undefined);
  return { client, routed };
}

const closed = (socket: net.Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));

describe('routeByPreface', () => {
  it('closes a connection that sends nothing within the idle time (no server owns it yet)', async () => {
    const { client, routed } = await sniffingServer(50);
    await closed(client);
    expect(routed).toEqual([]);
  });

  it('closes a connection that ends in the middle of the preface', async () => {
    const { client, routed } = await sniffingServer(5000);
    client.end('PRI * HT');
    await closed(client);
    expect(routed).toEqual([]);
  });
});
