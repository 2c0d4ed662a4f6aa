import { execFileSync } from 'node:child_process';
import { promises as fs, realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockApi } from '../mock-routes.ts';
import { recordedScenario } from './recorded.ts';
import { withRecordingPaths } from './recording-paths.ts';

/** A recorded scenario plays only a regular file inside the document's folder: symlinks cannot lead out. */
let parent: string;
let project: string;
const recording = JSON.stringify({ sseStudioRecording: 1, source: 'x', recordedAt: 'y', events: [{ atMs: 0, event: 'a', data: '1' }] });

beforeAll(async () => {
  parent = realpathSync(await fs.mkdtemp(path.join(os.tmpdir(), 'sse-recording-paths-')));
  project = path.join(parent, 'project');
  await fs.mkdir(path.join(project, 'recordings'), { recursive: true });
  await fs.writeFile(path.join(project, 'recordings', 'ok.json'), recording);
  await fs.writeFile(path.join(parent, 'secret.json'), recording);
  await fs.mkdir(path.join(parent, 'elsewhere'));
  await fs.writeFile(path.join(parent, 'elsewhere', 'r.json'), recording);
  await fs.symlink(path.join(parent, 'secret.json'), path.join(project, 'recordings', 'secret.json'));
  await fs.symlink('/dev/zero', path.join(project, 'recordings', 'zero.json'));
  await fs.symlink(path.join(parent, 'elsewhere'), path.join(project, 'linked'));
  execFileSync('mkfifo', [path.join(project, 'recordings', 'pipe.json')]);
});
afterAll(async () => {
  await fs.rm(parent, { recursive: true, force: true });
});

const fileFor = (file: string) => {
  const api = { mock: { '/t': { scenario: 'recorded', file } } } as unknown as MockApi;
  return withRecordingPaths(api, path.join(project, 'api.asyncapi.yaml')).mock?.['/t']?.file;
};

describe('recording paths', () => {
  it('keep a regular recording inside the folder', () => {
    expect(fileFor('recordings/ok.json')).toBe(path.join(project, 'recordings', 'ok.json'));
  });

  it('drop a recording that is a symlink out of the folder (to a file, to /dev/zero) or sits in a symlinked folder', () => {
    expect(fileFor('recordings/secret.json')).toBeUndefined();
    expect(fileFor('recordings/zero.json')).toBeUndefined();
    expect(fileFor('linked/r.json')).toBeUndefined();
    expect(fileFor('../secret.json')).toBeUndefined();
  });
});

describe('recorded scenario reading', () => {
  it('refuses at once a device (through a symlink) or a FIFO: not a regular file, never read', () => {
    const started = Date.now();
    expect(() => recordedScenario({ file: path.join(project, 'recordings', 'zero.json') }).next(1, 0)).toThrow(/not a regular file/);
    expect(() => recordedScenario({ file: path.join(project, 'recordings', 'pipe.json') }).next(1, 0)).toThrow(/not a regular file/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a recording over 64 MiB from its size, without reading it', async () => {
    const big = path.join(project, 'recordings', 'big.json');
    await fs.writeFile(big, '');
    await fs.truncate(big, 65 * 1024 * 1024);
    await fs.symlink(big, path.join(project, 'recordings', 'big-link.json'));
    expect(() => recordedScenario({ file: path.join(project, 'recordings', 'big-link.json') }).next(1, 0)).toThrow(/larger than 64 MiB/);
  });
});
