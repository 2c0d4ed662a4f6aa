import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gateway } from './gateway.ts';
import { defaultRuntime } from '../../shared/model/runtime.ts';
import { generateLocalhostCertificate } from './transports/local-certificate.ts';

/**
 * HTTPS backends: the gateway's upstream reader runs over TLS and checks the backend's certificate
 * against the system's trusted CAs (as Node's client did). Trusting a certificate is the process's
 * business (NODE_EXTRA_CA_CERTS), so the trusted case runs the upstream in a child process.
 */
const EVENTS = 'id: 1\ndata: over TLS\n\nid: 2\ndata: second\n\n';
let backend: https.Server;
let backendUrl: string;
let dir: string;

beforeAll(async () => {
  const { cert, key } = await generateLocalhostCertificate(new Date());
  dir = mkdtempSync(join(tmpdir(), 'sse-upstream-tls-'));
  writeFileSync(join(dir, 'cert.pem'), cert);
  backend = https.createServer({ cert, key }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(EVENTS);
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `https://localhost:${(backend.address() as AddressInfo).port}`;
});
afterAll(async () => {
  backend.closeAllConnections();
  await new Promise((resolve) => backend.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('an HTTPS backend', () => {
  it('with a certificate the process trusts: the events arrive, read over TLS', async () => {
    const script = join(dir, 'read-upstream.ts');
    const connection = fileURLToPath(new URL('./stream/upstream-connection.ts', import.meta.url));
    writeFileSync(
      script,
      `import { connectUpstream } from ${JSON.stringify(connection)};
const blocks: string[] = [];
const up = connectUpstream(new URL(process.argv[2]!), undefined, 1 << 20, {
  onStream: () => {},
  onBlock: (block, meaning) => { blocks.push(JSON.stringify([block.toString(), meaning.id])); if (blocks.length === 2) { console.log(blocks.join('\\n')); up.close(); } },
  onOversize: () => {},
  onAnswer: (status) => { console.log('answer ' + status); },
  onClosed: (r) => { if (blocks.length < 2) console.log('closed ' + r.detail); },
});
`,
    );
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', script, `${backendUrl}/feed`], { env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') }, timeout: 20_000 }, (err, out, errOut) =>
        err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out),
      );
    });
    expect(stdout.trim().split('\n')).toEqual([JSON.stringify(['id: 1\ndata: over TLS\n\n', '1']), JSON.stringify(['id: 2\ndata: second\n\n', '2'])]);
  });

  it('with an untrusted certificate: 502 that names the certificate problem', async () => {
    const gateway = new Gateway({ host: '127.0.0.1', port: 0 });
    await gateway.start();
    try {
      gateway.deploy({ id: 'tls.yaml', name: 'tls', basePath: '/tls/1.0.0', endpoint: backendUrl, topics: [{ path: '/*' }], runtime: { ...defaultRuntime(), upstream: 'per-client', lingerSeconds: 0 } });
      const res = await fetch(`${gateway.url}/tls/1.0.0/feed`, { headers: { accept: 'text/event-stream' } });
      expect(res.status).toBe(502);
      expect(await res.text()).toMatch(/the backend https:\/\/localhost:\d+ failed \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)/);
    } finally {
      await gateway.stop();
    }
  });
});
