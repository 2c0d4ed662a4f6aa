import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temp project with one API, "Fast Ticks", whose `/ticks/{rate}` topic is the fast backend, with a payload schema the contract check runs. */
export const API_NAME = 'Fast Ticks';

export function writeBenchProject(backendUrl: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sse-studio-bench-viewer-'));
  const host = new URL(backendUrl).host;
  writeFileSync(
    path.join(dir, 'fast-ticks.asyncapi.yaml'),
    `asyncapi: 3.0.0
info:
  title: ${API_NAME}
  version: 1.0.0
x-context: /fast
servers:
  backend:
    host: ${host}
    protocol: sse
channels:
  ticks:
    address: /ticks/{rate}
    parameters:
      rate:
        description: Events per second.
    messages:
      tick:
        name: tick
        payload:
          type: object
          required: [n, sentAt]
          properties:
            n: { type: integer }
            sentAt: { type: integer }
            note: { type: string }
operations:
  receiveTicks:
    action: receive
    channel:
      $ref: '#/channels/ticks'
`,
  );
  return dir;
}
