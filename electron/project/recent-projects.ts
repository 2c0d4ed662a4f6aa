import { promises as fs } from 'node:fs';
import path from 'node:path';
import { replaceFileAtomic } from './atomic-write.ts';

/** The projects opened lately, newest first, in `<dataDir>/recent-projects.json`. */
export interface RecentProject {
  path: string;
  openedAt: number;
}

const MAX_RECENT = 10;

export class RecentProjects {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent-projects.json');
  }

  async list(): Promise<RecentProject[]> {
    try {
      const value = JSON.parse(await fs.readFile(this.file, 'utf8')) as unknown;
      if (!Array.isArray(value)) return [];
      return value.filter((r): r is RecentProject => typeof r?.path === 'string' && typeof r?.openedAt === 'number').slice(0, MAX_RECENT);
    } catch {
      return [];
    }
  }

  async add(projectPath: string): Promise<RecentProject[]> {
    const absolute = path.resolve(projectPath);
    const list = [{ path: absolute, openedAt: Date.now() }, ...(await this.list()).filter((r) => r.path !== absolute)].slice(0, MAX_RECENT);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await fs.writeFile(this.file, '', { flag: 'a' });
    await replaceFileAtomic(this.file, JSON.stringify(list, null, 2));
    return list;
  }
}
