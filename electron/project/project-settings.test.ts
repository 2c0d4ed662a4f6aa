import { describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProjectFolder, DEFAULT_SETTINGS_TEXT, PROJECT_SETTINGS_FILE, readProjectSettings } from './project-settings.ts';

async function project(text?: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-settings-'));
  if (text !== undefined) await fs.writeFile(path.join(dir, PROJECT_SETTINGS_FILE), text);
  return dir;
}

describe('project settings (sse-studio.yaml)', () => {
  it('reads host and ports, with off and 0', async () => {
    expect(await readProjectSettings(await project('host: 127.0.0.2\ngatewayPort: 9280\nhttpsPort: off\nmockPort: 0\n'))).toEqual({ host: '127.0.0.2', gatewayPort: 9280, httpsPort: null, mockPort: 0 });
  });
  it('is empty without a file, and the default file reads back as the defaults', async () => {
    expect(await readProjectSettings(await project())).toEqual({});
    expect(await readProjectSettings(await project(DEFAULT_SETTINGS_TEXT))).toEqual({ host: '127.0.0.1', gatewayPort: 8280, httpsPort: 8243, mockPort: 8080, uiPort: 0 });
  });
  it('names the file, line and column of a bad value', async () => {
    await expect(readProjectSettings(await project('gatewayPort: 8280\nmockPort: eighty\n'))).rejects.toThrow(/sse-studio\.yaml:2:11: mockPort must be a port from 0 to 65535, or off \(got "eighty"\)\./);
    await expect(readProjectSettings(await project('colour: blue\n'))).rejects.toThrow(/unknown setting "colour"/);
  });
  it('creates a new project folder with the settings file, and refuses a folder with files', async () => {
    const parent = await project();
    const dir = path.join(parent, 'new-project');
    await createProjectFolder(dir);
    expect(await fs.readdir(dir)).toEqual([PROJECT_SETTINGS_FILE]);
    await expect(createProjectFolder(dir)).rejects.toThrow(/not empty/);
  });
});
