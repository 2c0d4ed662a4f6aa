import type { Locator, Page } from '@playwright/test';

/** The studio window as a user sees it: named regions and the actions on them. */
export class StudioPage {
  constructor(readonly page: Page) {}

  readonly apiList = () => this.page.getByTestId('api-list');
  readonly apiItem = (name: string): Locator => this.apiList().getByRole('button', { name: new RegExp(name) });
  readonly field = (name: 'name' | 'context' | 'version' | 'endpoint' | 'topic'): Locator => this.page.getByTestId(`field-${name}`);
  readonly fieldHelp = (name: 'name' | 'context' | 'version' | 'endpoint' | 'topic'): Locator => this.page.getByTestId(`field-${name}-helper`);
  readonly eventRows = () => this.page.getByTestId('event-row');

  async openNewApiForm(): Promise<void> {
    await this.page.getByTestId('new-api-button').click();
    await this.page.getByTestId('new-api-form').waitFor();
  }

  async fillApi(values: Partial<Record<'name' | 'context' | 'version' | 'endpoint', string>>): Promise<void> {
    for (const [field, value] of Object.entries(values) as Array<['name' | 'context' | 'version' | 'endpoint', string]>) {
      await this.field(field).fill(value);
    }
  }

  /** The event table as plain data, read in one go (rows keep arriving while a test looks). */
  async readEvents(): Promise<Array<{ time: string; id: string; type: string; data: string }>> {
    return this.eventRows().evaluateAll((rows) =>
      rows.map((row) => {
        const text = (id: string) => row.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        return { time: text('event-time'), id: text('event-id'), type: text('event-type'), data: text('event-data') };
      }),
    );
  }

  /** Errors the page logged (CSP violations, failed requests, exceptions): a clean run has none. */
  collectPageErrors(): string[] {
    const errors: string[] = [];
    this.page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    this.page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    return errors;
  }
}
