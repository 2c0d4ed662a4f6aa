#!/usr/bin/env node
// `npm start [-- <project-folder> [serve options]]`: the desktop app when Electron can run here,
// otherwise the same Studio in web mode (`sse-studio serve`), so `npm start` always opens something.
//
//   1. Is Electron available? `require('electron')` answers its binary's path, downloading it on first
//      use; on machines that cannot download it, it throws within a second or two.
//   2. Build what that mode needs and is missing (the renderer; the Electron bundles are rebuilt every
//      time because that takes well under a second and a stale main.cjs is a confusing bug).
//   3. Run Electron (or the CLI) in the foreground; signals go to it, its exit code is ours.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ELECTRON_TIMEOUT_MS = 120_000;
const RENDERER_INDEX = path.join(root, 'dist', 'renderer', 'index.html');

/** The running child (detection, build, app), which receives our signals. */
let current;
let interrupted = false;
let lastForward = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted = true;
    if (!current) process.exit(130);
    // Ctrl+C reaches us twice (from the terminal and again from npm, which forwards it). The child
    // runs in its own process group so it hears only us: pass one signal per burst, or it would take
    // the duplicate for an impatient second Ctrl+C and exit without cleaning up.
    const now = Date.now();
    if (now - lastForward < 1000) return;
    lastForward = now;
    // The servers stop cleanly on SIGINT/SIGTERM; a closed terminal (SIGHUP) means the same.
    signalChild(current, signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}

/** After a step a signal interrupted, stop instead of going on to the next. */
function exitIfInterrupted() {
  if (interrupted) process.exit(130);
}

function signalChild(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

/** Runs a command in the foreground (own process group, see above); resolves with its exit status. */
function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: process.platform !== 'win32', ...options });
    current = child;
    child.on('error', (err) => {
      current = undefined;
      resolve({ code: 1, error: err });
    });
    child.on('exit', (code, signal) => {
      current = undefined;
      resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 1), signal });
    });
  });
}

/** The Electron executable, or undefined when Electron cannot run here. */
function findElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    current = child;
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.resume();
    // Only a slow answer is a download worth mentioning; a quick failure prints nothing.
    const notice = setTimeout(() => console.log('Downloading Electron (first run only)...'), 3000);
    const timeout = setTimeout(() => signalChild(child, 'SIGTERM'), ELECTRON_TIMEOUT_MS);
    const done = (value) => {
      clearTimeout(notice);
      clearTimeout(timeout);
      current = undefined;
      resolve(value);
    };
    child.on('error', () => done(undefined));
    child.on('exit', (code) => {
      // The package logs "Downloading Electron binary..." before the path: the path is the last line.
      const executable = stdout.trim().split('\n').pop()?.trim();
      done(code === 0 && executable && existsSync(executable) ? executable : undefined);
    });
  });
}

async function build(script) {
  const result = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], { shell: process.platform === 'win32' });
  exitIfInterrupted();
  if (result.code !== 0) {
    console.error(`npm start: "npm run ${script}" failed (see above); fix it, then run npm start again.`);
    process.exit(result.code);
  }
}

async function defaultProject() {
  const { tsImport } = await import('tsx/esm/api');
  const { ensureDefaultProject } = await tsImport('../electron/host/default-project.ts', import.meta.url);
  const project = await ensureDefaultProject({ examplesDir: path.join(root, 'examples') });
  return project.dir;
}

const electron = await findElectron();
exitIfInterrupted();

if (electron) {
  if (!existsSync(RENDERER_INDEX)) await build('build:renderer');
  await build('build:electron');
  const result = await run(electron, ['.', ...args]);
  process.exit(result.error ? (console.error(`npm start: could not run Electron: ${result.error.message}`), 1) : result.code);
} else {
  console.log('Electron is not available on this machine (its binary could not be downloaded); starting SSE Studio in web mode instead.');
  if (!existsSync(RENDERER_INDEX)) await build('build:renderer');
  // `npm start -- <folder> [--gateway-port 0 ...]`: the folder first, options after, as for `serve`.
  const [first, ...rest] = args;
  const serveArgs = first !== undefined && !first.startsWith('-') ? [first, ...rest] : [await defaultProject(), ...args];
  const result = await run(process.execPath, [path.join(root, 'bin', 'sse-studio.js'), 'serve', ...serveArgs]);
  process.exit(result.code);
}
