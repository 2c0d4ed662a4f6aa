import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** `sse-studio serve <project>` on free ports, as a user runs it; its gateway and UI addresses as printed. */
export interface StudioProcess {
  gatewayUrl: string;
  uiUrl: string;
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
  return {
    gatewayUrl: url('gateway'),
    uiUrl: url('ui'),
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
