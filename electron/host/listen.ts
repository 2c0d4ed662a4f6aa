import type { Server } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A listen failure a person can act on: which service, which address, what to do. */
export class ListenError extends Error {
  constructor(
    readonly service: string,
    readonly host: string,
    readonly port: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

const HINTS: Record<string, string> = {
  EADDRINUSE: 'is already in use; stop the program using it or pick another port',
  EACCES: 'needs privileges to bind; pick a port above 1023',
  EADDRNOTAVAIL: 'is not an address of this machine; use 127.0.0.1 or an address this machine has',
  ENOTFOUND: 'is not a known host name',
};

export function listen(server: Server, service: string, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const hint = (err.code && HINTS[err.code]) ?? err.message;
      reject(new ListenError(service, host, port, err.code, `${service}: ${host}:${port} ${hint}.`));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** `http://127.0.0.1:8280`, with IPv6 hosts bracketed. */
export function baseUrl(scheme: 'http' | 'https', host: string, port: number): string {
  const shown = host.includes(':') ? `[${host}]` : host;
  return `${scheme}://${shown}:${port}`;
}
