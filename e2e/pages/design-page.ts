import { expect, type Locator, type Page } from '@playwright/test';

type Field = 'name' | 'context' | 'version' | 'endpoint' | 'description';

interface MonacoMarker {
  owner: string;
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
}

/**
 * The Design tab as a user sees it (forms, editor, problems), plus read access to Monaco through the
 * page's `window.monaco` test hook: the editor's model is the in-memory text both sides share.
 */
export class DesignPage {
  constructor(readonly page: Page) {}

  readonly pane = (): Locator => this.page.getByTestId('design-pane');
  readonly field = (name: Field): Locator => this.page.getByTestId(`design-${name}`);
  readonly fieldHelp = (name: Field): Locator => this.page.getByTestId(`design-${name}-helper`);
  readonly topicPath = (index: number): Locator => this.page.getByTestId(`design-topic-${index}-path`);
  readonly editor = (): Locator => this.page.getByTestId('design-editor');
  readonly problems = (): Locator => this.page.getByTestId('design-problem');
  readonly invalidBanner = (): Locator => this.page.getByTestId('design-invalid-banner');
  readonly saveButton = (): Locator => this.page.getByTestId('design-save');
  readonly savedNotice = (): Locator => this.page.getByTestId('design-saved');

  async open(): Promise<void> {
    await this.page.getByTestId('tab-design').click();
    await this.field('name').waitFor();
    await expect.poll(() => this.modelUri(), { message: 'the Monaco model should load' }).not.toBe('');
  }

  async modelUri(): Promise<string> {
    return (await this.editor().getAttribute('data-model-uri')) ?? '';
  }

  /** The editor's text, read from its Monaco model. */
  async text(): Promise<string> {
    const uri = await this.modelUri();
    return this.page.evaluate((u) => {
      const monaco = (globalThis as unknown as { monaco: { editor: { getModels(): Array<{ uri: { toString(): string }; getValue(): string }> } } }).monaco;
      return monaco.editor.getModels().find((m) => m.uri.toString() === u)?.getValue() ?? '';
    }, uri);
  }

  async markers(): Promise<MonacoMarker[]> {
    const uri = await this.modelUri();
    return this.page.evaluate((u) => {
      const monaco = (globalThis as unknown as { monaco: { Uri: { parse(s: string): unknown }; editor: { getModelMarkers(f: { resource: unknown }): MonacoMarker[] } } }).monaco;
      return monaco.editor.getModelMarkers({ resource: monaco.Uri.parse(u) }).map((m) => ({ owner: m.owner, severity: m.severity, message: m.message, startLineNumber: m.startLineNumber, startColumn: m.startColumn }));
    }, uri);
  }

  /** 1-based line of the first line of the text that contains `needle`. */
  async lineOf(needle: string): Promise<number> {
    const lines = (await this.text()).split('\n');
    const index = lines.findIndex((l) => l.includes(needle));
    if (index < 0) throw new Error(`No line contains "${needle}"`);
    return index + 1;
  }

  /** Puts the cursor in the editor at a 1-based line and column (through Monaco), then focuses it for typing. */
  async placeCursor(line: number, column: number): Promise<void> {
    await this.page.evaluate(
      ([l, c]) => {
        const monaco = (globalThis as unknown as { monaco: { editor: { getEditors(): Array<{ setPosition(p: object): void; focus(): void; revealLine(n: number): void }> } } }).monaco;
        const editor = monaco.editor.getEditors()[0];
        editor?.setPosition({ lineNumber: l, column: c });
        editor?.revealLine(l as number);
        editor?.focus();
      },
      [line, column],
    );
  }

  /** Selects from a 1-based line/column to another, then focuses the editor: typing replaces the selection. */
  async select(line: number, startColumn: number, endColumn: number): Promise<void> {
    await this.page.evaluate(
      ([l, s, e]) => {
        const monaco = (globalThis as unknown as { monaco: { editor: { getEditors(): Array<{ setSelection(r: object): void; focus(): void; revealLine(n: number): void }> } } }).monaco;
        const editor = monaco.editor.getEditors()[0];
        editor?.setSelection({ startLineNumber: l, startColumn: s, endLineNumber: l, endColumn: e });
        editor?.revealLine(l as number);
        editor?.focus();
      },
      [line, startColumn, endColumn],
    );
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+s');
    await this.savedNotice().waitFor();
  }
}

/** Calls the Studio API from the page with its own token (web mode), for checks a user would see elsewhere. */
export async function studioCall<T>(page: Page, method: string, params: object): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ([m, p]) => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const token = storage.getItem('sse-studio.token') ?? '';
      const response = await fetch(`/api/call/${m as string}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(p) });
      return (await response.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } };
    },
    [method, params] as const,
  );
}
