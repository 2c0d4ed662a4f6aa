import { watch, type FSWatcher } from 'node:fs';

/**
 * Notices changes another program makes in the project folder (an editor, git checkout) and tells
 * the host after a short quiet period, so bursts of writes become one reload.
 */
export class ProjectWatcher {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly root: string,
    private readonly onChange: () => void,
    private readonly quietMs = 150,
  ) {}

  start(): void {
    try {
      this.watcher = watch(this.root, { recursive: true }, (_event, name) => {
        if (name && /(^|[\\/])(\.|node_modules[\\/])/.test(name)) return; // our temp files, hidden and vendored folders
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.onChange(), this.quietMs);
      });
      this.watcher.on('error', () => this.stop());
    } catch {
      // Watching is a convenience: without it, changes show on the next reload.
      this.watcher = undefined;
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
  }
}
