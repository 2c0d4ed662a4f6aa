import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { replaceFileAtomic } from './atomic-write.ts';

/**
 * Unsaved editor text, kept outside the project so a crash or a kill never loses it: the editor
 * sends its draft here as the user types (debounced); the next time the document is opened, a draft
 * that differs from the file is offered back. One folder per project, one file per document.
 */
export interface Draft {
  id: string;
  text: string;
  /** Hash of the file text the draft was based on. */
  baseHash: string;
  savedAt: number;
}

const MAX_DRAFT_BYTES = 5 * 1024 * 1024;

export class RecoveryStore {
  private readonly dir: string;

  constructor(dataDir: string, projectRoot: string) {
    const key = createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 16);
    this.dir = path.join(dataDir, 'recovery', key);
  }

  async save(id: string, text: string, baseHash: string): Promise<Draft> {
    if (Buffer.byteLength(text) > MAX_DRAFT_BYTES) throw new RangeError('A draft over 5 MB is not kept.');
    await fs.mkdir(this.dir, { recursive: true });
    const draft: Draft = { id, text, baseHash, savedAt: Date.now() };
    const file = this.fileFor(id);
    await fs.writeFile(file, '', { flag: 'a' }); // replaceFileAtomic keeps an existing file's mode
    await replaceFileAtomic(file, JSON.stringify(draft));
    return draft;
  }

  async get(id: string): Promise<Draft | undefined> {
    try {
      const draft = JSON.parse(await fs.readFile(this.fileFor(id), 'utf8')) as Draft;
      return draft.id === id && typeof draft.text === 'string' ? draft : undefined;
    } catch {
      return undefined;
    }
  }

  async list(): Promise<Draft[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    const drafts: Draft[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      try {
        drafts.push(JSON.parse(await fs.readFile(path.join(this.dir, name), 'utf8')) as Draft);
      } catch {
        // A torn or foreign file: not a draft.
      }
    }
    return drafts;
  }

  async discard(id: string): Promise<boolean> {
    return fs.unlink(this.fileFor(id)).then(
      () => true,
      () => false,
    );
  }

  private fileFor(id: string): string {
    return path.join(this.dir, createHash('sha256').update(id).digest('hex').slice(0, 24) + '.json');
  }
}
