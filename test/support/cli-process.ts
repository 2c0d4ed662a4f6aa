import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO_ROOT, 'bin/sse-studio.js');
/** App data (the generated TLS certificate) goes to a temp folder, never the tester's home. */
export const TEST_HOME = mkdtempSync(path.join(os.tmpdir(), 'sse-studio-home-'));
const ENV = { ...process.env, SSE_STUDIO_HOME: TEST_HOME };

/** A running `sse-studio serve`, with the URLs it printed. */
export interface ServeProcess {
  child: ChildProcess;
  urls: { gateway?: string; https?: string; mock?: string; ui?: string; apis: string[] };
  stdout: () => string;
  stderr: () => string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startServe(args: string[], timeoutMs = 20_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd: REPO_ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not print "Ready." in ${timeoutMs} ms.\nstdout:\n${out}\nstderr:\n${err}`));
    }, timeoutMs);
    const exitedEarly = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before it was ready.\nstdout:\n${out}\nstderr:\n${err}`));
    };
    child.on('exit', exitedEarly);
    const onData = () => {
      if (!out.includes('Ready.')) return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      child.stdout.off('data', onData);
      const field = (name: string) => out.match(new RegExp(`^${name}\\s+(\\S+)`, 'm'))?.[1];
      resolve({
        child,
        urls: { gateway: field('gateway'), https: field('https'), mock: field('mock'), ui: field('ui'), apis: [...out.matchAll(/^api\s+(\S+)/gm)].map((m) => m[1] as string) },
        stdout: () => out,
        stderr: () => err,
        stop: async (signal = 'SIGINT') => {
          if (child.exitCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
  });
}

/** Runs the CLI to completion (for commands and errors that end by themselves). */
export function runCli(args: string[], timeoutMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI ${args.join(' ')} did not end in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
