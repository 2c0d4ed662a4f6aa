import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { announceReady, serveRpc } from './rpc.ts';

/**
 * The floor for a proxy written in Node: a plain TCP relay, one backend connection per client,
 * that copies bytes and understands nothing. Backend reads use the gateway's own way (`onread` into
 * one shared buffer, then a copy of what arrived) and client writes a plain `socket.write`. Whatever
 * the per-client gateway costs above this column is its own work (parsing, replay, metrics); what
 * this column costs above nginx is Node's (event loop, JS callbacks, stream objects) per read.
 * Usage: node-relay.ts <backend port>.
 */
export interface RelayReady {
  port: number;
}
const backendPort = Number(process.argv[2]);
const shared = Buffer.allocUnsafe(64 * 1024);
const sockets = new Set<net.Socket>();

const server = net.createServer({ noDelay: true }, (client) => {
  sockets.add(client);
  const upstream = net.connect({
    host: '127.0.0.1',
    port: backendPort,
    onread: {
      buffer: shared,
      callback: (n: number, buf: Uint8Array) => {
        const copy = Buffer.allocUnsafe(n);
        (buf as Buffer).copy(copy, 0, 0, n);
        client.write(copy);
        return true;
      },
    },
  } as net.NetConnectOpts);
  upstream.setNoDelay(true);
  client.on('data', (request) => upstream.write(request));
  const close = () => {
    sockets.delete(client);
    client.destroy();
    upstream.destroy();
  };
  client.on('close', close);
  client.on('error', close);
  upstream.on('close', close);
  upstream.on('error', close);
});

server.listen(0, '127.0.0.1', () => {
  serveRpc({}, async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  announceReady({ port: (server.address() as AddressInfo).port } satisfies RelayReady);
});
