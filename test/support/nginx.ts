import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * nginx from a generated config in a temp folder (no system files touched), run in the foreground
 * so its master pid is ours, stopped with TERM (fast shutdown). The server-check tests and the
 * gateway benchmark each write their own config around the pieces here.
 */
export const NGINX_CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx', '/usr/bin/nginx'];

/** The http-block lines that keep nginx's temp files in our folder (the compiled-in ones may not be writable). */
export function nginxTempPaths(dir: string): string {
  return `client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;`;
}

export interface NginxProcess {
  dir: string;
  port: number;
  pid: number;
  /** Exit code once the master exited, else null. */
  exitCode(): number | null;
  /** What it printed on stderr, else its error log: why it did not start. */
  startProblem(): string;
  errorLog(): string;
  /** TERM without waiting, for a process 'exit' hook. */
  killNow(): void;
  /** Stops it (KILL after 5 s) and removes its folder. */
  stop(): Promise<void>;
}

/** Writes config(dir, port) for a free 127.0.0.1 port into a new temp folder and starts nginx on it. */
export async function spawnNginx(binary: string, prefix: string, config: (dir: string, port: number) => string): Promise<NginxProcess> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  const logFile = join(dir, 'error.log');
  writeFileSync(conf, config(dir, port));
  const child = spawn(binary, ['-p', `${dir}/`, '-c', conf, '-e', logFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  return {
    dir,
    port,
    pid: child.pid as number,
    exitCode: () => child.exitCode,
    startProblem: () => stderr.trim() || errorLog().trim(),
    errorLog,
    killNow: () => child.kill('SIGTERM'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
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

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
