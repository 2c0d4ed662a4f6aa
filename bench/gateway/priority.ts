import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Children (backend, gateway, drivers, nginx) inherit the nice value. With autogroup scheduling
 * (sched_autogroup_enabled) nice only ranks processes within one session's group, so the group's
 * own nice (/proc/self/autogroup) is set too: that is what weighs against other sessions' work.
 */
export function applyNice(nice: number, notes: string[]): void {
  try {
    os.setPriority(nice);
  } catch (err) {
    notes.push(`--nice=${nice}: could not set the process priority (${err instanceof Error ? err.message : String(err)})`);
  }
  const autogroup = '/proc/self/autogroup';
  if (existsSync(autogroup)) {
    try {
      // The group is the whole session (the shell that started the bench, too): put it back after.
      const before = /nice\s+(-?\d+)/.exec(readFileSync(autogroup, 'utf8'))?.[1];
      writeFileSync(autogroup, String(nice));
      if (before !== undefined) process.once('exit', () => writeFileSync(autogroup, before));
    } catch (err) {
      notes.push(`--nice=${nice}: could not set the autogroup priority (${err instanceof Error ? err.message : String(err)})`);
    }
  }
}

