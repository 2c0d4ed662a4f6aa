import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioHost } from './studio-host.ts';
import type { StudioEvent } from '../../shared/api/contract.ts';
import { waitFor } from '../../test/support/scripted-backend.ts';

let studio: StudioHost;
let projectDir: string;
let dataDir: string;
const events: StudioEvent[] = [];

const DOC = (title: string, note = '') => `${note}asyncapi: 3.0.0
info: { title: ${title}, version: 1.0.0 }
x-context: /feed
servers:
  b: { host: "127.0.0.1:8080", protocol: sse }
channels:
  all: { address: "/*" }
`;

beforeEach(async () => {
  projectDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-docs-'));
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-data-'));
  await fs.writeFile(path.join(projectDir, 'feed.yaml'), DOC('Feed', '# keep me\n'));
  await fs.writeFile(path.join(projectDir, 'broken.yaml'), 'asyncapi: 3.0.0\ninfo: [oops\n');
  studio = await StudioHost.start({ project: projectDir, gatewayPort: 0, gatewayHttpsPort: null, mockPort: 0, mode: 'web', dataDir, deployAll: true });
  events.length = 0;
  studio.onEvent((e) => events.push(e));
});
afterEach(() => studio.stop());

const h = () => studio.handlers;

describe('documents through the Studio API', () => {
  it('lists every AsyncAPI document, valid or not, and reads one with its hash', async () => {
    const list = await h()['documents.list']({});
    expect(list.ok && list.value.documents.map((d) => [d.id, d.apiName, d.problems.length > 0])).toEqual([
      ['broken.yaml', null, true],
      ['feed.yaml', 'Feed', false],
    ]);
    const broken = await h()['documents.get']({ id: 'broken.yaml' });
    expect(broken.ok && broken.value.text).toContain('[oops');
  });

  it('saves (even an invalid text), keeps drafts for recovery, and refuses to overwrite a file changed on disk', async () => {
    const opened = await h()['documents.get']({ id: 'feed.yaml' });
    if (!opened.ok) throw new Error('not opened');
    // Typing: a draft is kept outside the project and offered back on the next open.
    await h()['documents.saveDraft']({ id: 'feed.yaml', text: DOC('Feed Draft'), baseHash: opened.value.hash });
    const reopened = await h()['documents.get']({ id: 'feed.yaml' });
    expect(reopened.ok && reopened.value.draft?.text).toContain('Feed Draft');
    expect(await fs.readdir(projectDir)).toEqual(['broken.yaml', 'feed.yaml']);

    const saved = await h()['documents.save']({ id: 'feed.yaml', text: DOC('Feed Two', '# keep me\n'), baseHash: opened.value.hash });
    expect(saved.ok && saved.value).toMatchObject({ apiName: 'Feed Two', draft: null });
    expect(studio.project.get('feed.yaml')?.api.name).toBe('Feed Two');

    // Another program edits the file; a save based on the old hash must not overwrite it.
    await fs.writeFile(path.join(projectDir, 'feed.yaml'), DOC('Edited Elsewhere'));
    const stale = await h()['documents.save']({ id: 'feed.yaml', text: DOC('Mine'), baseHash: opened.value.hash });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await fs.readFile(path.join(projectDir, 'feed.yaml'), 'utf8')).toContain('Edited Elsewhere');
  });

  it('notices a change made by another program and says which document', async () => {
    await fs.writeFile(path.join(projectDir, 'feed.yaml'), DOC('Changed By Git'));
    await waitFor(() => events.some((e) => e.type === 'documents.changedOnDisk'), 'a changedOnDisk event', 5000);
    expect(events.find((e) => e.type === 'documents.changedOnDisk')).toEqual({ type: 'documents.changedOnDisk', ids: ['feed.yaml'] });
    expect(studio.project.get('feed.yaml')?.api.name).toBe('Changed By Git');
  });

  it('does not report our own saves as changes on disk', async () => {
    const opened = await h()['documents.get']({ id: 'feed.yaml' });
    if (!opened.ok) throw new Error('not opened');
    await h()['documents.save']({ id: 'feed.yaml', text: DOC('Ours'), baseHash: opened.value.hash });
    await new Promise((r) => setTimeout(r, 500));
    expect(events.filter((e) => e.type === 'documents.changedOnDisk')).toEqual([]);
  });

  it('creates documents from an import without overwriting, and opens other projects, remembering them', async () => {
    expect(await h()['documents.create']({ fileName: 'feed.yaml', text: DOC('X') })).toMatchObject({ ok: false, error: { code: 'file_exists' } });
    expect(await h()['documents.create']({ fileName: '../escape.yaml', text: DOC('X') })).toMatchObject({ ok: false, error: { code: 'bad_file_name' } });
    const created = await h()['documents.create']({ fileName: 'other.yaml', text: DOC('Other').replace('/feed', '/other') });
    expect(created.ok && created.value.apiName).toBe('Other');

    const second = await fs.mkdtemp(path.join(os.tmpdir(), 'sse-studio-second-'));
    await fs.writeFile(path.join(second, 'a.yaml'), DOC('Second'));
    const info = await h()['project.open']({ path: second });
    expect(info.ok && info.value.projectRoot).toBe(second);
    expect(studio.project.list().apis.map((a) => a.api.name)).toEqual(['Second']);
    expect(studio.gateway?.isDeployed('a.yaml')).toBe(true);
    expect(studio.gateway?.isDeployed('other.yaml')).toBe(false);
    const recent = await h()['project.recent']({});
    expect(recent.ok && recent.value.projects.map((p) => p.path).slice(0, 2)).toEqual([second, projectDir]);
    expect(await h()['project.open']({ path: '/no/such/folder' })).toMatchObject({ ok: false, error: { code: 'open_failed' } });
  });
});
