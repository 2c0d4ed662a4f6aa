import { existsSync } from 'node:fs';
import { accepts, NGINX_CANDIDATES, nginxTempPaths, spawnNginx } from '../../../test/support/nginx.ts';

/**
 * nginx as a reverse proxy in front of an SSE backend, for the check suite's tests: a config in a
 * temp folder on a free 127.0.0.1 port, run in the foreground (its pid is ours), stopped with TERM.
 * `sse` is the setup SSE needs (proxy_buffering off, HTTP/1.1 upstream, no Connection header);
 * `gzip-buffered` is the common mistake (gzip for event streams, proxy buffering on).
 */
export type NginxSetup = 'sse' | 'gzip-buffered';

export interface NginxProxy {
  url: string;
  stop(): Promise<void>;
}

export function findNginxBinary(): string | undefined {
  return NGINX_CANDIDATES.find((p) => existsSync(p));
}

export async function startNginxProxy(binary: string, backendPort: number, setup: NginxSetup): Promise<NginxProxy> {
  const location =
    setup === 'sse'
      ? `proxy_buffering off;`
      : `proxy_buffering on;
      gzip on;
      gzip_types text/event-stream;`;
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const nginx = await spawnNginx(
    binary,
    'sse-check-nginx-',
    (dir, port) => `${user}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  ${nginxTempPaths(dir)}
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://127.0.0.1:${backendPort};
      proxy_http_version 1.1;
      proxy_set_header Connection '';
      proxy_read_timeout 1h;
      ${location}
    }
  }
}
`,
  );
  const deadline = Date.now() + 10_000;
  while (!(await accepts(nginx.port))) {
    if (nginx.exitCode() !== null || Date.now() > deadline) {
      const problem = nginx.startProblem();
      await nginx.stop();
      throw new Error(`nginx did not start: ${problem}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${nginx.port}`, stop: () => nginx.stop() };
}
