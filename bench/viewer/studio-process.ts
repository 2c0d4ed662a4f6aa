import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `sse-studio serve <project>` on free ports, as a user runs it; its gateway and UI addresses as printed. */
export interface StudioProcess {
  gatewayUrl: string;
  uiUrl: string;
  /** Calls the Studio API (web mode) with the run's token, as the page does. */
  call<T>(method: string, params?: object): Promise<T>;
  pid: number;
  stop(): Promise<void>;
}

const READY_MS = 30_000;

/** `profileDir`: write a V8 CPU profile of the host there when it exits (node --cpu-prof). */
export async function startStudio(repoRoot: string, projectDir: string, profileDir?: string): Promise<StudioProcess> {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...profile, 'bin/sse-studio.js', 'serve', projectDir, '--gateway-port', '0', '--no-https', '--mock-port', '0', '--ui-port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', SSE_STUDIO_HOME: mkdtempSync(path.join(tmpdir(), 'sse-studio-bench-home-')) },
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sse-studio serve was not ready in ${READY_MS / 1000} s:\n${output}`)), READY_MS);
    const check = () => {
      if (!/^Ready\./m.test(output)) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sse-studio serve exited with ${code}:\n${output}`));
    });
  });
  const url = (label: string) => {
    const match = new RegExp(`^${label}\\s+(http://\\S+)`, 'm').exec(output);
    if (!match?.[1]) throw new Error(`sse-studio serve printed no ${label} URL:\n${output}`);
    return match[1];
  };
  const uiUrl = url('ui');
  const token = new URL(uiUrl).hash.replace(/^#token=/, '');
  const call = async <T>(method: string, params: object = {}): Promise<T> => {
    const response = await fetch(new URL(`/api/call/${method}`, uiUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
    if (!result.ok) throw new Error(`${method}: ${result.error?.message ?? response.status}`);
    return result.value as T;
  };
  return {
    gatewayUrl: url('gateway'),
    uiUrl,
    call,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
