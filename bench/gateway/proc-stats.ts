import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * What Linux says about a process: CPU time (utime + stime from /proc/<pid>/stat, all threads),
 * resident memory (VmRSS, and the high-water mark VmHWM, from /proc/<pid>/status), children.
 * Every target is measured this way, from outside, so nginx and the gateway are comparable.
 */
let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

function statFields(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (comm) may hold spaces and parentheses: split after the last ')'.
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU time used so far (user + system, all threads), in µs; 0 for a process that is gone. */
export function cpuMicros(pid: number): number {
  const f = statFields(pid);
  if (!f) return 0;
  // After comm: [0]=state [1]=ppid ... [11]=utime [12]=stime (fields 14 and 15 of proc(5)).
  return ((Number(f[11]) + Number(f[12])) * 1e6) / clockTicks();
}

export function sumCpuMicros(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + cpuMicros(pid), 0);
}

export interface Memory {
  rssKb: number;
  hwmKb: number;
}

export function memory(pid: number): Memory {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return { rssKb: 0, hwmKb: 0 };
  }
}

export function sumMemory(pids: readonly number[]): Memory {
  return pids.map(memory).reduce((a, b) => ({ rssKb: a.rssKb + b.rssKb, hwmKb: a.hwmKb + b.hwmKb }), { rssKb: 0, hwmKb: 0 });
}

export function childPids(parent: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (f && Number(f[1]) === parent) found.push(Number(name));
  }
  return found;
}

/** The open-files limit of this process: soft and hard. */
export function openFilesLimit(): { soft: number; hard: number } {
  const line = /^Max open files\s+(\S+)\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  const n = (v: string | undefined) => (v === undefined || v === 'unlimited' ? Number.POSITIVE_INFINITY : Number(v));
  return { soft: n(line?.[1]), hard: n(line?.[2]) };
}

export function openFdCount(pid: number | 'self' = 'self'): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}

/** Write-type system calls (write, writev, sendfile ...) so far, from /proc/<pid>/io syscw. */
export function writeSyscalls(pid: number): number {
  try {
    return Number(/^syscw:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** CPU and write-syscall counters of several processes at one moment, for deltas over a window. */
export interface CpuSnapshot {
  at: number;
  micros: Map<number, number>;
  writes: Map<number, number>;
}

export function cpuSnapshot(pids: readonly number[]): CpuSnapshot {
  return {
    at: performance.now(),
    micros: new Map(pids.map((pid) => [pid, cpuMicros(pid)])),
    writes: new Map(pids.map((pid) => [pid, writeSyscalls(pid)])),
  };
}

export function writesDelta(from: CpuSnapshot, to: CpuSnapshot, pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (to.writes.get(pid) ?? 0) - (from.writes.get(pid) ?? 0), 0);
}

/** CPU µs used by `pids` between two snapshots. */
export function cpuDelta(from: CpuSnapshot, to: CpuSnapshot, pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (to.micros.get(pid) ?? 0) - (from.micros.get(pid) ?? 0), 0);
}

/** CPU time all processes of the machine used so far (all CPUs, busy states), in µs. */
export function machineBusyMicros(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu  user nice system idle iowait irq softirq steal ...
  const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number);
  return (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) * 1e6) / clockTicks();
}
