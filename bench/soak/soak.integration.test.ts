import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { CLIENT_KINDS, launchChromium } from './soak-clients.ts';
import { runCell, type CellSpec } from './soak-cell.ts';
import { formatTable } from './soak-table.ts';

/**
 * The short version of `npm run soak`: one forced drop per cell, Chromium's EventSource, the
 * `eventsource` package and the viewer's subscriber, each the only subscriber of its stream, with
 * default settings (no x-gateway block).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

const cell = (spec: Omit<CellSpec, 'clients' | 'browser' | 'drops' | 'settings'>) => runCell({ ...spec, settings: 'default', drops: 1, clients: CLIENT_KINDS, browser });

describe('short soak, default settings', () => {
  it.each(['client', 'gateway'] as const)('%s drop, backend ignoring Last-Event-ID: nothing lost, doubled or reordered', async (drop) => {
    const result = await cell({ backend: 'ignores', drop });
    const table = formatTable([result], true);
    for (const row of result.rows) {
      expect(row.gaveUp, table).toBe(false);
      expect([row.lostNeverReachedGateway + row.lostReachedGateway, row.duplicated, row.outOfOrder], table).toEqual([0, 0, 0]);
    }
  }, 40_000);

  it.each(['backend-restart', 'outage'] as const)('%s (outage: 1.5 s down while the gateway drops its clients), backend honouring Last-Event-ID: every client stays, nothing lost', async (drop) => {
    const result = await cell({ backend: 'honours', drop });
    const table = formatTable([result], true);
    for (const row of result.rows) {
      expect(row.gaveUp, table).toBe(false);
      expect([row.lostNeverReachedGateway + row.lostReachedGateway, row.duplicated, row.outOfOrder], table).toEqual([0, 0, 0]);
    }
  }, 40_000);

  it('outage, backend ignoring Last-Event-ID: what the backend never sent is lost and announced; nothing the gateway received is', async () => {
    const result = await cell({ backend: 'ignores', drop: 'outage' });
    const table = formatTable([result], true);
    for (const row of result.rows) {
      expect(row.gaveUp, table).toBe(false);
      expect(row.lostReachedGateway, table).toBe(0);
      expect(row.lostNeverReachedGateway, table).toBeGreaterThan(0);
      expect([row.duplicated, row.outOfOrder], table).toEqual([0, 0]);
    }
    expect(result.rows.find((r) => r.kind === 'viewer')?.gapNotices, table).toBe(1);
    expect(result.gatewayGaps, `one hole per stream\n${table}`).toBe(result.rows.length);
  }, 40_000);
});
