import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The tester's half of an API page as a user sees it: a subscriber panel (subscribe form, reconnect
 * buttons, event list, timeline, verdict) and the test lab tools (faults, load). Scoped to one
 * subscriber panel (the first by default).
 */
export class TesterLab {
  readonly panel: Locator;

  constructor(
    readonly page: Page,
    index = 0,
  ) {
    this.panel = page.getByTestId('subscriber-panel').nth(index);
  }

  readonly get = (testId: string): Locator => this.panel.getByTestId(testId);
  readonly rows = (): Locator => this.get('event-row');
  readonly verdictStatus = (): Locator => this.get('verdict-status');
  readonly verdictLost = (): Locator => this.get('verdict-lost');

  async openApi(name: string): Promise<void> {
    await this.page
      .getByTestId('api-list')
      .getByRole('button', { name: new RegExp(name) })
      .click();
    await this.get('subscribe-button').waitFor();
  }

  async subscribe(path?: string): Promise<void> {
    if (path !== undefined) await this.get('viewer-path').fill(path);
    await this.get('subscribe-button').click();
    await expect(this.get('viewer-state')).toHaveText('open');
  }

  async stop(): Promise<void> {
    await this.get('unsubscribe-button').click();
    await expect(this.get('viewer-state')).toHaveText('closed');
  }

  /** A number shown in the panel (`data-value` when the display is shortened, else the text). */
  async number(testId: string): Promise<number> {
    const el = this.get(testId);
    const raw = (await el.getAttribute('data-value')) ?? (await el.textContent()) ?? '';
    return Number(raw.replace(/,/g, ''));
  }

  /** The ids of the event rows in the DOM (the visible part of the list), newest first. */
  async visibleIds(): Promise<string[]> {
    return this.rows().evaluateAll((rows) => rows.map((r) => r.querySelector('[data-testid="event-id"]')?.textContent ?? ''));
  }
}

/** Calls the Studio API from the page with its own token (web mode), for setup a user would do in another tab. */
export async function callStudio<T>(page: Page, method: string, params: object): Promise<T> {
  const result = await page.evaluate(
    async ([m, p]) => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const token = storage.getItem('sse-studio.token') ?? '';
      const response = await fetch(`/api/call/${m as string}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(p) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    [method, params] as const,
  );
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.code}: ${result.error?.message}`);
  return result.value as T;
}

/** `58-70, 75, 80` (the verdict's id lists) back into ids; `by N` steps too. */
export function expandIds(text: string): string[] {
  return text
    .replace(/, \.\.\. \(\d+ in all\)$/, '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const run = /^(\d+)-(\d+)(?: by (\d+))?$/.exec(part);
      if (!run) return [part];
      const [from, to, step] = [Number(run[1]), Number(run[2]), Number(run[3] ?? 1)];
      const ids: string[] = [];
      for (let n = from; n <= to; n += step) ids.push(String(n));
      return ids;
    });
}
