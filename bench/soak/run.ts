/**
 * `npm run soak` — a bounded soak of the gateway's reconnect promises with real clients: Chromium's
 * EventSource, the `eventsource` package and the viewer's subscriber, through client, gateway,
 * backend-drop, backend-restart and outage drops, against a backend that ignores Last-Event-ID and
 * one that honours it, with default settings (no x-gateway block) and with `upstream: per-client`.
 *
 *   npm run soak -- [--drops N] [--settings default,per-client] [--backend ignores,honours]
 *                   [--drop client,gateway,...] [--clients chromium,eventsource,viewer] [--json file]
 *
 * Prints one line per cell and client: drops, expected, received, lost (never reached the gateway /
 * reached it), duplicated, out of order, whether the client gave up, and the gaps announced.
 */
import { writeFile } from 'node:fs/promises';
import type { Browser } from '@playwright/test';
import { CLIENT_KINDS, launchChromium, type ClientKind } from './soak-clients.ts';
import { DROP_KINDS, runCell, type BackendKind, type CellResult, type DropKind, type Settings } from './soak-cell.ts';
import { formatTable } from './soak-table.ts';

function listArg<T extends string>(name: string, all: readonly T[]): T[] {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return [...all];
  const picked = (process.argv[at + 1] ?? '').split(',').filter(Boolean) as T[];
  const wrong = picked.filter((p) => !all.includes(p));
  if (wrong.length || picked.length === 0) throw new Error(`--${name} takes a comma-separated list of: ${all.join(', ')}`);
  return picked;
}

function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number, 1 or more`);
  return value;
}

const drops = numberArg('drops', 10);
const settingsList = listArg<Settings>('settings', ['default', 'per-client']);
const backends = listArg<BackendKind>('backend', ['ignores', 'honours']);
const dropKinds = listArg<DropKind>('drop', DROP_KINDS);
const clients = listArg<ClientKind>('clients', CLIENT_KINDS);
const jsonAt = process.argv.indexOf('--json');

const browser: Browser | undefined = clients.includes('chromium') ? await launchChromium() : undefined;
const results: CellResult[] = [];
try {
  for (const settings of settingsList) {
    for (const backend of backends) {
      for (const drop of dropKinds) {
        const result = await runCell({ settings, backend, drop, drops, clients, ...(browser ? { browser } : {}) });
        results.push(result);
        process.stdout.write(formatTable([result], results.length === 1) + '\n');
      }
    }
  }
} finally {
  await browser?.close();
}
if (jsonAt !== -1) await writeFile(process.argv[jsonAt + 1] as string, JSON.stringify(results, null, 2) + '\n');
process.stdout.write('\n' + formatTable(results, true) + '\n');
