import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { accepts, NGINX_CANDIDATES, nginxTempPaths, spawnNginx } from '../../test/support/nginx.ts';
import { childPids } from './proc-stats.ts';

/**
 * nginx as the reference SSE proxy: a config in a temp dir (no system files touched), run in the
 * foreground so its master pid is ours, workers found as the master's children.
 */
export interface NginxInstall {
  path: string;
  version: string;
}

export interface RunningNginx {
  port: number;
  masterPid: number;
  workerPids: number[];
  /** Alerts and errors nginx logged (e.g. a refused worker_rlimit_nofile). */
  logProblems(): string[];
  stop(): Promise<void>;
}

export interface NginxOptions {
  backendPort: number;
  workers: number;
  /** Hard open-files limit of this machine; worker_rlimit_nofile cannot go above it. */
  fdHardLimit: number;
}

export function findNginx(explicit?: string): NginxInstall | undefined {
  for (const path of explicit ? [explicit] : NGINX_CANDIDATES) {
    if (!existsSync(path)) continue;
    const out = spawnSync(path, ['-v'], { encoding: 'utf8' });
    const version = /nginx\/(\S+)/.exec(`${out.stderr}${out.stdout}`)?.[1];
    if (version) return { path, version };
  }
  return undefined;
}

export const WORKER_CONNECTIONS = 25_000;

export function nginxConfig(dir: string, port: number, o: NginxOptions): string {
  const rlimit = Math.min(WORKER_CONNECTIONS * 2, o.fdHardLimit);
  const user = process.getuid?.() === 0 ? 'user nobody nogroup;\n' : '';
  return `# SSE reverse proxy for the gateway benchmark (generated).
${user}worker_processes ${o.workers};
worker_rlimit_nofile ${rlimit};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events {
  worker_connections ${WORKER_CONNECTIONS};
  multi_accept on;
}
http {
  access_log off;
  ${nginxTempPaths(dir)}
  server {
    # reuseport: the kernel spreads connections over the workers (each has its own fd limit).
    listen 127.0.0.1:${port} reuseport;
    location / {
      proxy_pass http://127.0.0.1:${o.backendPort};
      proxy_http_version 1.1;
      proxy_set_header Connection '';
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

export async function startNginx(install: NginxInstall, o: NginxOptions): Promise<RunningNginx> {
  const nginx = await spawnNginx(install.path, 'sse-bench-nginx-', (dir, port) => nginxConfig(dir, port, o));
  // nginx has no IPC channel to notice that the bench died: stop it when this process exits.
  const onExit = () => {
    nginx.killNow();
    rmSync(nginx.dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  let workerPids: number[] = [];
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (nginx.exitCode() !== null) throw new Error(`nginx exited at start: ${nginx.startProblem()}`);
    workerPids = childPids(nginx.pid);
    if (workerPids.length >= o.workers && (await accepts(nginx.port))) break;
    if (Date.now() > deadline) {
      process.off('exit', onExit);
      const problem = nginx.startProblem();
      await nginx.stop();
      throw new Error(`nginx did not start within 10 s: ${problem}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port: nginx.port,
    masterPid: nginx.pid,
    workerPids,
    logProblems: () =>
      nginx
        .errorLog()
        .split('\n')
        .filter((l) => /\[(alert|emerg|crit|error)\]/.test(l))
        .map((l) => l.replace(/^\S+ \S+ /, '')),
    async stop() {
      process.off('exit', onExit);
      await nginx.stop();
    },
  };
}
