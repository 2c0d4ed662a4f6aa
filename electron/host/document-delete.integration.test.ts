import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioHost } from './studio-host.ts';

let studio: StudioHost;
let projectDir: string;
let dataDir: string;

const DOC = `# my feed
asyncapi: 3.0.0
info: { title: Feed, version: 1.0.0 }
x-context: /feed
servers:
  b: { host: "127.0.0.1:8080", protocol: sse }
channels:
  all: { address: "/*" }
`;

beforeEach(async () => {
  projectDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-delete-'));
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-data-'));
  await fs.writeFile(path.join(projectDir, 'feed.yaml'), DOC);
  studio = await StudioHost.start({ project: projectDir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', dataDir, deployAll: true });
});
afterEach(() => studio.stop());

describe('documents.delete', () => {
  it('removes the file and its draft, stops serving it, and gives the text back for Undo', async () => {
    const h = studio.handlers;
    const opened = await h['documents.get']({ id: 'feed.yaml' });
    if (!opened.ok) throw new Error('not opened');
    await h['documents.saveDraft']({ id: 'feed.yaml', text: DOC.replace('Feed', 'Draft'), baseHash: opened.value.hash });
    const listed = await h['apis.list']({});
    expect(listed.ok && listed.value.apis.map((a) => [a.id, a.deployed])).toEqual([['feed.yaml', true]]);
    const info = await h['host.info']({});
    const gateway = info.ok ? info.value.gatewayUrl : '';

    const deleted = await h['documents.delete']({ id: 'feed.yaml', baseHash: opened.value.hash });
    expect(deleted.ok && deleted.value).toEqual({ id: 'feed.yaml', text: DOC });
    expect(await fs.readdir(projectDir)).toEqual([]);
    const after = await h['apis.list']({});
    expect(after.ok && after.value.apis).toEqual([]);
    expect((await fetch(`${gateway}/feed/1.0.0/x`)).status).toBe(404);

    // Undo: the same file comes back with the same text, and no old draft is offered.
    const restored = await h['documents.create']({ fileName: 'feed.yaml', text: DOC });
    expect(restored.ok && restored.value).toMatchObject({ apiName: 'Feed', draft: null });
    expect(await fs.readFile(path.join(projectDir, 'feed.yaml'), 'utf8')).toBe(DOC);
  });

  it('refuses to delete a file another program changed since it was opened, and an unknown one', async () => {
    const h = studio.handlers;
    const opened = await h['documents.get']({ id: 'feed.yaml' });
    if (!opened.ok) throw new Error('not opened');
    await fs.writeFile(path.join(projectDir, 'feed.yaml'), DOC.replace('# my feed', '# edited elsewhere'));
    const refused = await h['documents.delete']({ id: 'feed.yaml', baseHash: opened.value.hash });
    expect(!refused.ok && refused.error.code).toBe('conflict');
    expect(await fs.readdir(projectDir)).toEqual(['feed.yaml']);
    const unknown = await h['documents.delete']({ id: 'nope.yaml' });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
  });
});
