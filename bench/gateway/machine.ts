import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { NginxInstall } from './nginx.ts';
import { cpuMicros, machineBusyMicros, openFilesLimit } from './proc-stats.ts';
import type { MachineFacts } from './results.ts';
import { REPO_ROOT } from './rpc.ts';

/** The facts a reader needs to judge the numbers: cores, versions, limits, and which code ran. */
export function machineFacts(nginx: NginxInstall | undefined, nginxWorkers: number, otherLoadBeforePct: number): MachineFacts {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trimEnd();
    } catch {
      return '';
    }
  };
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    node: process.versions.node,
    nginx: nginx?.version,
    nginxWorkers,
    fdLimit: openFilesLimit(),
    otherLoadBeforePct,
    gitCommit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    gatewayTreeDirty: git('status', '--porcelain', '--', 'electron/gateway', 'electron/host', 'shared/sse', 'shared/model/runtime.ts')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3)),
  };
}

/** CPU % (100 = one core) used by everything but this process over one second. */
export async function otherLoad(): Promise<number> {
  const busy = machineBusyMicros();
  const own = cpuMicros(process.pid);
  await new Promise((r) => setTimeout(r, 1_000));
  return ((machineBusyMicros() - busy - (cpuMicros(process.pid) - own)) / 1e6) * 100;
}

