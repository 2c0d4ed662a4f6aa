import type { Locator, Page } from '@playwright/test';

/** The selected API's page: its tabs, the Runtime form and the Metrics panel, as a user sees them. */
export class ApiDetailPage {
  constructor(readonly page: Page) {}

  readonly tab = (name: 'overview' | 'runtime' | 'metrics'): Locator => this.page.getByTestId(`tab-${name}`);
  /** A runtime setting's input, by its x-gateway name (`security.keys` -> `runtime-security-keys`). */
  readonly setting = (field: string): Locator => this.page.getByTestId(`runtime-${field.replace(/\./g, '-')}`);
  readonly settingHelp = (field: string): Locator => this.page.getByTestId(`runtime-${field.replace(/\./g, '-')}-helper`);
  readonly apiKey = (index: number): Locator => this.page.getByTestId(`runtime-security-keys-${index}`);
  readonly preview = (): Locator => this.page.getByTestId('runtime-preview');
  readonly saveButton = (): Locator => this.page.getByTestId('runtime-save');
  readonly savedNotice = (): Locator => this.page.getByTestId('runtime-saved');
  readonly metricsPanel = (): Locator => this.page.getByTestId('metrics-panel');

  async openTab(name: 'overview' | 'runtime' | 'metrics'): Promise<void> {
    await this.tab(name).click();
    const panel = { overview: 'overview-panel', runtime: 'runtime-form', metrics: 'metrics-panel' }[name];
    await this.page.getByTestId(panel).waitFor();
  }

  async chooseSecurity(type: 'none' | 'apiKey' | 'jwt' | 'basic'): Promise<void> {
    await this.page.getByTestId('runtime-security-type').selectOption(type);
  }

  async save(): Promise<void> {
    await this.saveButton().click();
    await this.savedNotice().waitFor();
  }

  /** A counter of one topic in the Metrics panel, as the exact number behind the short display. */
  async metric(topic: string, key: string): Promise<number> {
    const cell = this.metricsPanel().locator(`[data-testid="metrics-topic"][data-topic="${topic}"] [data-testid="metric-${key}"]`);
    if ((await cell.count()) === 0) return Number.NaN;
    return Number(await cell.getAttribute('data-value'));
  }
}
