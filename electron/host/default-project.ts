import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The project SSE Studio opens when it is given none: `~/.sse-studio/default-project`
 * (or `$SSE_STUDIO_HOME/default-project`). It is created on first use with a copy of the bundled
 * stock-ticker example, once: after that the folder is the user's, and nothing here writes to it
 * again, even if they delete or change the example.
 */
export const DEFAULT_PROJECT_DIR = 'default-project';
export const SEED_FILES = ['stock-ticker/stock-ticker.asyncapi.yaml'] as const;

export interface DefaultProjectOptions {
  /** The app's `examples` folder (the seed's source). The app and scripts pass their own. */
  examplesDir: string;
  /** Where SSE Studio keeps its files; defaults to `studioHome()`. */
  home?: string;
}

export interface DefaultProject {
  dir: string;
  /** True when this call made the folder. */
  created: boolean;
  /** Seed files that were missing from `examplesDir` (a packaging mistake); empty normally. */
  missingSeeds: string[];
}

/** `$SSE_STUDIO_HOME`, else `~/.sse-studio`. */
export function studioHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.SSE_STUDIO_HOME?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(os.homedir(), '.sse-studio');
}

export async function ensureDefaultProject(options: DefaultProjectOptions): Promise<DefaultProject> {
  const home = path.resolve(options.home ?? studioHome());
  const dir = path.join(home, DEFAULT_PROJECT_DIR);
  if (await exists(dir)) return { dir, created: false, missingSeeds: [] };

  // Build the seeded folder beside its final place and rename it in: the project appears whole or
  // not at all, so a crash mid-copy never leaves a half-seeded project that is then never re-seeded.
  await fs.mkdir(home, { recursive: true });
  const staging = await fs.mkdtemp(path.join(home, `.${DEFAULT_PROJECT_DIR}-`));
  try {
    const missingSeeds: string[] = [];
    for (const seed of SEED_FILES) {
      let text: Buffer;
      try {
        // readFile + writeFile rather than copyFile: in a packaged app the examples sit inside app.asar.
        text = await fs.readFile(path.join(options.examplesDir, seed));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        missingSeeds.push(seed);
        continue;
      }
      await fs.writeFile(path.join(staging, path.basename(seed)), text, { flag: 'wx' });
    }
    try {
      await fs.rename(staging, dir);
    } catch (err) {
      // Another instance (or the user) made the folder meanwhile: theirs wins, untouched.
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'EPERM') && (await exists(dir))) {
        return { dir, created: false, missingSeeds: [] };
      }
      throw err;
    }
    return { dir, created: true, missingSeeds };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}
