import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', '/usr/bin/nginx'];

export function findNginx(explicit?: string): NginxInstall | undefined {
  for (const path of explicit ? [explicit] : CANDIDATES) {
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
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
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
  const dir = mkdtempSync(join(tmpdir(), 'sse-bench-nginx-'));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  const errorLog = join(dir, 'error.log');
  writeFileSync(conf, nginxConfig(dir, port, o));
  const child = spawn(install.path, ['-p', `${dir}/`, '-c', conf, '-e', errorLog, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // nginx has no IPC channel to notice that the bench died: stop it when this process exits.
  const onExit = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const masterPid = child.pid as number;
  let workerPids: number[] = [];
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited at start: ${stderr.trim() || readLog(errorLog)}`);
    workerPids = childPids(masterPid);
    if (workerPids.length >= o.workers && (await accepts(port))) break;
    if (Date.now() > deadline) {
      process.off('exit', onExit);
      await stopChild(child, exited);
      throw new Error(`nginx did not start within 10 s: ${stderr.trim() || readLog(errorLog)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    masterPid,
    workerPids,
    logProblems: () =>
      readLog(errorLog)
        .split('\n')
        .filter((l) => /\[(alert|emerg|crit|error)\]/.test(l))
        .map((l) => l.replace(/^\S+ \S+ /, '')),
    async stop() {
      process.off('exit', onExit);
      await stopChild(child, exited);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); // fast shutdown
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
