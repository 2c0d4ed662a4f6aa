import type { GatewayResponse } from './transports/types.ts';

/** Short text answers (errors the user reads in curl or the viewer), for HTTP/1.1 and HTTP/2 alike. */
interface Out {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
  setHeader(name: string, value: string): unknown;
  headersSent: boolean;
}

export function sendText(res: GatewayResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  const out = res as unknown as Out;
  if (out.headersSent) return;
  const body = text.endsWith('\n') ? text : text + '\n';
  out.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
  out.end(body);
}

export function setHeaders(res: GatewayResponse, headers: Record<string, string>): void {
  const out = res as unknown as Out;
  for (const [name, value] of Object.entries(headers)) out.setHeader(name, value);
}

/** A status without a body (204 must not have one). */
export function sendEmpty(res: GatewayResponse, status: number, headers: Record<string, string>): void {
  const out = res as unknown as Out;
  if (out.headersSent) return;
  out.writeHead(status, headers);
  out.end();
}
