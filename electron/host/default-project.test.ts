import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_DIR, ensureDefaultProject, studioHome } from './default-project.ts';

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples');
const SEED = 'stock-ticker.asyncapi.yaml';

let tmp: string;
let home: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-default-project-'));
  home = path.join(tmp, 'home', '.sse-studio');
});

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('ensureDefaultProject', () => {
  it('creates the home and project folders on first use, seeded with the stock-ticker example', async () => {
    const project = await ensureDefaultProject({ examplesDir: EXAMPLES, home });

    expect(project).toEqual({ dir: path.join(home, DEFAULT_PROJECT_DIR), created: true, missingSeeds: [] });
    expect(await fs.readdir(project.dir)).toEqual([SEED]);
    const original = await fs.readFile(path.join(EXAMPLES, 'stock-ticker', SEED), 'utf8');
    expect(await fs.readFile(path.join(project.dir, SEED), 'utf8')).toBe(original);
  });

  it('leaves no staging folder behind in the home folder', async () => {
    await ensureDefaultProject({ examplesDir: EXAMPLES, home });
    expect(await fs.readdir(home)).toEqual([DEFAULT_PROJECT_DIR]);
  });

  it('keeps the user\'s edits to the seeded file on later runs', async () => {
    const { dir } = await ensureDefaultProject({ examplesDir: EXAMPLES, home });
    await fs.writeFile(path.join(dir, SEED), '# my edits\n');

    const again = await ensureDefaultProject({ examplesDir: EXAMPLES, home });

    expect(again).toEqual({ dir, created: false, missingSeeds: [] });
    expect(await fs.readFile(path.join(dir, SEED), 'utf8')).toBe('# my edits\n');
  });

  it('seeds once: a deleted example is not brought back', async () => {
    const { dir } = await ensureDefaultProject({ examplesDir: EXAMPLES, home });
    await fs.rm(path.join(dir, SEED));

    await ensureDefaultProject({ examplesDir: EXAMPLES, home });

    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('never writes into a project folder the user already has', async () => {
    const dir = path.join(home, DEFAULT_PROJECT_DIR);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'orders.asyncapi.yaml'), 'asyncapi: 3.0.0\n');

    const project = await ensureDefaultProject({ examplesDir: EXAMPLES, home });

    expect(project.created).toBe(false);
    expect(await fs.readdir(dir)).toEqual(['orders.asyncapi.yaml']);
  });

  it('gives every concurrent caller the same folder and seeds it once', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => ensureDefaultProject({ examplesDir: EXAMPLES, home })));

    expect(new Set(results.map((r) => r.dir)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await fs.readdir(home)).toEqual([DEFAULT_PROJECT_DIR]);
    expect(await fs.readdir(path.join(home, DEFAULT_PROJECT_DIR))).toEqual([SEED]);
  });

  it('still creates an (empty) project when the examples are missing, and says which seed was missing', async () => {
    const project = await ensureDefaultProject({ examplesDir: path.join(tmp, 'no-examples'), home });

    expect(project.created).toBe(true);
    expect(project.missingSeeds).toEqual(['stock-ticker/stock-ticker.asyncapi.yaml']);
    expect(await fs.readdir(project.dir)).toEqual([]);
  });
});

describe('studioHome', () => {
  it('uses SSE_STUDIO_HOME when set', () => {
    expect(studioHome({ SSE_STUDIO_HOME: path.join(tmp, 'custom') })).toBe(path.join(tmp, 'custom'));
  });

  it('resolves a relative SSE_STUDIO_HOME against the working folder', () => {
    expect(studioHome({ SSE_STUDIO_HOME: 'rel/home' })).toBe(path.resolve('rel/home'));
  });

  it('falls back to ~/.sse-studio when SSE_STUDIO_HOME is unset or blank', () => {
    expect(studioHome({})).toBe(path.join(os.homedir(), '.sse-studio'));
    expect(studioHome({ SSE_STUDIO_HOME: '  ' })).toBe(path.join(os.homedir(), '.sse-studio'));
  });

  it('is where ensureDefaultProject goes when no home is given', async () => {
    const previous = process.env.SSE_STUDIO_HOME;
    process.env.SSE_STUDIO_HOME = home;
    try {
      const project = await ensureDefaultProject({ examplesDir: EXAMPLES });
      expect(project.dir).toBe(path.join(home, DEFAULT_PROJECT_DIR));
    } finally {
      if (previous === undefined) delete process.env.SSE_STUDIO_HOME;
      else process.env.SSE_STUDIO_HOME = previous;
    }
  });
});
