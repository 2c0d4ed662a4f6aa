import type { DesignEdit } from './design-edits.ts';

/**
 * Channel keys renamed by form edits that the forms' model has not caught up with yet. A 2.x topic's
 * key is its path, so typing a path renames the key at every keystroke, while the model is re-read
 * a moment later (off the page's thread); the next keystroke's edit still names the old key.
 */
export class TopicKeys {
  private readonly renamed = new Map<string, string>();

  /** The key as it is in the text now. */
  current(key: string): string {
    let at = key;
    for (let hops = 0; hops < 64 && this.renamed.has(at); hops++) at = this.renamed.get(at) as string;
    return at;
  }

  /** The edit with its topic key brought up to date. */
  resolve(edit: DesignEdit): DesignEdit {
    return 'key' in edit ? { ...edit, key: this.current(edit.key) } : edit;
  }

  /** After an edit: a rename is remembered; a key that exists again (re-added, renamed to) is no alias. */
  applied(edit: DesignEdit, renamed: { from: string; to: string } | undefined): void {
    if (renamed) {
      for (const [from, to] of this.renamed) if (to === renamed.from) this.renamed.set(from, renamed.to);
      this.renamed.set(renamed.from, renamed.to);
      this.renamed.delete(renamed.to);
    }
    if (edit.kind === 'addTopic') this.renamed.delete(edit.path);
  }

  /** The text was replaced from elsewhere (load, reload, restore): old keys mean nothing. */
  clear(): void {
    this.renamed.clear();
  }
}
