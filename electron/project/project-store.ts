import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SseApi, SseApiDraft } from '../../shared/model/sse-api.ts';
import { DEFAULT_TOPIC } from '../../shared/model/sse-api.ts';
import { defaultRuntime } from '../../shared/model/runtime.ts';
import { defaultContext, gatewayBasePath } from '../../shared/model/context.ts';
import { validateDraft } from '../../shared/model/validate.ts';
import { parseDocumentText } from '../../shared/asyncapi/document-text.ts';
import { writeGatewayBlock } from './write-gateway-block.ts';
import { acceptApiDocument } from '../../shared/asyncapi/accept-document.ts';
import { bundleApiDocument, hasExternalRefs, unresolvedExternalRefs } from './external-refs.ts';
import { readSseApi } from '../../shared/asyncapi/read-sse-api.ts';
import { writeAsyncApi3 } from '../../shared/asyncapi/write-sse-api.ts';
import type { ProjectProblem } from '../../shared/api/contract.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import { replaceFileAtomic, writeNewFileAtomic } from './atomic-write.ts';
import { parseDocument } from 'yaml';

/**
 * A project on disk: a folder whose AsyncAPI documents are the APIs (or a single AsyncAPI file).
 * The files are the truth; this class reads them and writes new ones, nothing else.
 */
export interface ProjectApi {
  /** The file path relative to the project root, with forward slashes: the API's id. */
  id: string;
  file: string;
  api: SseApi;
  basePath: string;
  /** The text this entry was read from: a write refuses to go over a file changed since. */
  text: string;
  /** The parsed document, with `$ref`s into other files inlined (what the mock reads). */
  resolved: unknown;
}

const API_FILE = /\.(ya?ml|json)$/i;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build']);
const MAX_DEPTH = 4;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** An AsyncAPI document of the project as it is on disk. */
export interface ProjectDocument {
  id: string;
  file: string;
  text: string;
  /** sha256 of the text: the editor's base version, for conflict detection. */
  hash: string;
  /** The API's name when the document is a valid SSE API. */
  apiName: string | undefined;
  problems: ProjectProblem[];
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class ProjectOpenError extends Error {}

export class ProjectStore {
  private apis: ProjectApi[] = [];
  private problems: ProjectProblem[] = [];
  /** Every AsyncAPI document of the project, valid or not, by id (relative path). */
  private docs = new Map<string, ProjectDocument>();
  /** Files created in single-file mode, which are part of the project from then on. */
  private readonly extraFiles = new Set<string>();

  private constructor(
    readonly root: string,
    /** Set when the project is one file: only that file is read. */
    private readonly singleFile: string | undefined,
  ) {}

  /** Opens a folder or a single AsyncAPI file. Throws ProjectOpenError with a one-line reason. */
  static async open(target: string): Promise<ProjectStore> {
    const absolute = path.resolve(target);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ProjectOpenError(code === 'ENOENT' ? `${target}: no such file or folder.` : `${target}: cannot be read (${code}).`);
    }
    const store = stat.isDirectory() ? new ProjectStore(absolute, undefined) : new ProjectStore(path.dirname(absolute), absolute);
    await store.reload();
    if (store.singleFile && store.apis.length === 0) {
      const first = store.problems[0];
      const where = first?.line ? `:${first.line}:${first.column}` : '';
      throw new ProjectOpenError(`${target}${where}: ${first?.message ?? 'not an SSE API document.'}`);
    }
    return store;
  }

  list(): { apis: ProjectApi[]; problems: ProjectProblem[] } {
    return { apis: [...this.apis], problems: [...this.problems] };
  }

  get(id: string): ProjectApi | undefined {
    return this.apis.find((a) => a.id === id);
  }

  async reload(): Promise<void> {
    const files = this.singleFile ? [this.singleFile, ...this.extraFiles] : await findCandidateFiles(this.root);
    const apis: ProjectApi[] = [];
    const problems: ProjectProblem[] = [];
    const docs = new Map<string, ProjectDocument>();
    for (const file of files) {
      const rel = path.relative(this.root, file).split(path.sep).join('/');
      const loaded = await loadApiFile(file, rel, Boolean(this.singleFile), this.root);
      if (loaded === undefined) continue;
      if ('problems' in loaded) {
        problems.push(...loaded.problems);
        if (loaded.text !== undefined) docs.set(rel, { id: rel, file, text: loaded.text, hash: textHash(loaded.text), apiName: undefined, problems: loaded.problems });
      } else {
        apis.push(loaded);
        docs.set(rel, { id: rel, file, text: loaded.text, hash: textHash(loaded.text), apiName: loaded.api.name, problems: [] });
      }
    }
    this.docs = docs;
    // Two APIs at one gateway path cannot both be served: report both files.
    const byBase = new Map<string, ProjectApi[]>();
    for (const a of apis) byBase.set(a.basePath, [...(byBase.get(a.basePath) ?? []), a]);
    for (const [base, same] of byBase) {
      if (same.length > 1) problems.push({ file: same.map((a) => a.id).join(', '), message: `These APIs share the gateway path ${base}: give each a unique context or version.` });
    }
    this.apis = apis.sort((a, b) => a.api.name.localeCompare(b.api.name));
    this.problems = problems;
  }

  /**
   * Sets the document's `x-gateway` block (removed when empty), keeping the rest of the file as the
   * user wrote it (comments, order, formatting, where the yaml library allows), inside the block too:
   * only the keys whose value changes are touched. Refuses when the
   * file changed on disk since it was read, instead of overwriting someone else's edit.
   */
  async updateRuntime(id: string, block: Record<string, unknown>): Promise<Result<ProjectApi>> {
    const entry = this.get(id);
    if (!entry) return fail('not_found', `There is no API "${id}" in the project.`);
    const onDisk = await fs.readFile(entry.file, 'utf8').catch((err: NodeJS.ErrnoException) => err);
    if (typeof onDisk !== 'string') return fail('read_failed', `Could not read ${id}: ${onDisk.code ?? onDisk.message}.`);
    if (onDisk !== entry.text) {
      await this.reload();
      return fail('conflict', `${id} changed on disk since it was loaded; it has been reloaded. Review it and apply your settings again.`);
    }
    const doc = parseDocument(onDisk);
    writeGatewayBlock(doc, block);
    const text = entry.file.toLowerCase().endsWith('.json') ? JSON.stringify(doc.toJS(), null, 2) + '\n' : doc.toString({ lineWidth: 0 });
    const read = readSseApi(parseDocumentText(text).data);
    if (!read.ok) {
      const fields = read.problems.map((p) => ({ field: p.path[0] === 'x-gateway' ? p.path.slice(1).join('.') : p.path.join('.'), message: p.message }));
      return fail('invalid_runtime', `Fix ${fields.length === 1 ? 'this setting' : `these ${fields.length} settings`}: ${fields.map((f) => f.field).join(', ')}.`, fields);
    }
    try {
      await replaceFileAtomic(entry.file, text);
    } catch (err) {
      return fail('write_failed', `Could not write ${id}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
    this.ownWrites.set(id, textHash(text));
    await this.reload();
    const updated = this.get(id);
    return updated ? ok(updated) : fail('write_failed', `Wrote ${id} but could not read it back.`);
  }

  /** Every AsyncAPI document, valid or not (an invalid one is still the user's to edit). */
  documents(): ProjectDocument[] {
    return [...this.docs.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  document(id: string): ProjectDocument | undefined {
    return this.docs.get(id);
  }

  /**
   * Saves a document's text (valid or not: problems are reported, the text is kept) atomically.
   * `baseHash` is the hash of the text the editor started from: when the file on disk is no longer
   * that text, someone else changed it and nothing is written.
   */
  async saveDocument(id: string, text: string, baseHash: string): Promise<Result<ProjectDocument>> {
    const doc = this.docs.get(id);
    if (!doc) return fail('not_found', `There is no document "${id}" in the project.`);
    const onDisk = await fs.readFile(doc.file, 'utf8').catch((err: NodeJS.ErrnoException) => err);
    if (typeof onDisk !== 'string') return fail('read_failed', `Could not read ${id}: ${onDisk.code ?? onDisk.message}.`);
    if (textHash(onDisk) !== baseHash) {
      return fail('conflict', `${id} was changed on disk by another program since you opened it. Reload it (your edits stay in the editor's recovery copy) or save under another name.`);
    }
    try {
      await replaceFileAtomic(doc.file, text);
    } catch (err) {
      return fail('write_failed', `Could not write ${id}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
    this.ownWrites.set(id, textHash(text));
    await this.reload();
    const saved = this.docs.get(id);
    return saved ? ok(saved) : fail('write_failed', `Wrote ${id} but could not read it back.`);
  }

  /** Adds a new document (an import, a paste); never overwrites an existing file. */
  async createDocument(fileName: string, text: string): Promise<Result<ProjectDocument>> {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\.(ya?ml|json)$/i.test(fileName)) {
      return fail('bad_file_name', `"${fileName}" is not a usable file name: use letters, digits, ".", "-", "_" and end with .yaml, .yml or .json.`, [{ field: 'fileName', message: 'Use letters, digits, ".", "-", "_", ending in .yaml, .yml or .json.' }]);
    }
    // Checked before writing, so a refused import leaves no file behind.
    if (!this.singleFile && !/^\s*["']?asyncapi["']?\s*:/m.test(text)) {
      return fail('not_asyncapi', `${fileName} would not be an AsyncAPI document (no top-level "asyncapi" key): nothing was written.`);
    }
    const file = path.join(this.root, fileName);
    try {
      await writeNewFileAtomic(file, text);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return fail('file_exists', `${fileName} already exists in the project: pick another name.`, [{ field: 'fileName', message: `${fileName} already exists.` }]);
      return fail('write_failed', `Could not write ${fileName}: ${code ?? (err as Error).message}.`);
    }
    if (this.singleFile) this.extraFiles.add(file);
    this.ownWrites.set(fileName, textHash(text));
    await this.reload();
    const created = this.docs.get(fileName);
    return created ? ok(created) : fail('not_asyncapi', `${fileName} was written but is not an AsyncAPI document (no top-level "asyncapi" key).`);
  }

  /**
   * Removes a document's file. `baseHash` (the text the user saw) keeps a delete from removing
   * edits another program made since; the one file of a single-file project is not removed.
   */
  async deleteDocument(id: string, baseHash?: string): Promise<Result<{ id: string; text: string }>> {
    const doc = this.docs.get(id);
    if (!doc) return fail('not_found', `There is no document "${id}" in the project.`);
    if (doc.file === this.singleFile) return fail('is_project', `${id} is the project itself (a single-file project): open a folder to delete it.`);
    const onDisk = await fs.readFile(doc.file, 'utf8').catch((err: NodeJS.ErrnoException) => err);
    if (typeof onDisk !== 'string') return fail('read_failed', `Could not read ${id}: ${onDisk.code ?? onDisk.message}.`);
    if (baseHash !== undefined && textHash(onDisk) !== baseHash) {
      return fail('conflict', `${id} was changed on disk by another program since you opened it: look at the change before deleting it.`);
    }
    try {
      await fs.unlink(doc.file);
    } catch (err) {
      return fail('delete_failed', `Could not delete ${id}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
    this.extraFiles.delete(doc.file);
    this.ownWrites.delete(id);
    await this.reload();
    return ok({ id, text: onDisk });
  }

  /**
   * Reloads from disk and returns the documents that changed because of another program (not
   * because of our own saves), for "changed on disk — reload?" prompts.
   */
  async reloadAndDiff(): Promise<string[]> {
    const before = new Map([...this.docs].map(([id, d]) => [id, d.hash]));
    await this.reload();
    const changed: string[] = [];
    for (const [id, doc] of this.docs) {
      if (before.get(id) === doc.hash) continue;
      if (this.ownWrites.get(id) === doc.hash) continue;
      changed.push(id);
    }
    for (const id of before.keys()) if (!this.docs.has(id) && !changed.includes(id)) changed.push(id);
    return changed;
  }

  /** Hashes of the texts we wrote ourselves, so the watcher does not report our own saves. */
  private readonly ownWrites = new Map<string, string>();

  /** Validates a draft, writes it as a new AsyncAPI 3.0 file and reloads. */
  async create(draft: SseApiDraft): Promise<Result<ProjectApi>> {
    const fields = validateDraft(draft);
    if (fields.length) return fail('invalid_api', `Fix ${fields.length === 1 ? 'this field' : `these ${fields.length} fields`}: ${fields.map((f) => f.field).join(', ')}.`, fields);
    const api: SseApi = {
      name: draft.name.trim(),
      context: draft.context.trim(),
      version: draft.version.trim(),
      endpoint: draft.endpoint.trim().replace(/\/+$/, ''),
      topics: (draft.topics?.length ? draft.topics : [DEFAULT_TOPIC]).map((p) => ({ path: p.trim() })),
      runtime: defaultRuntime(),
      ...(draft.description?.trim() ? { description: draft.description.trim() } : {}),
    };
    const basePath = gatewayBasePath(api.context, api.version);
    const clash = this.apis.find((a) => a.basePath === basePath);
    if (clash) {
      return fail('context_taken', `"${clash.api.name}" already uses ${basePath}.`, [{ field: 'context', message: `"${clash.api.name}" is already served at ${basePath}: pick another context or version.` }]);
    }
    const fileName = `${defaultContext(api.name).slice(1)}-${api.version.replace(/[^A-Za-z0-9.-]/g, '-')}.asyncapi.yaml`;
    const file = path.join(this.root, fileName);
    try {
      await writeNewFileAtomic(file, writeAsyncApi3(api));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return fail('file_exists', `${fileName} already exists in the project: rename the API or change its version.`, [{ field: 'name', message: `A file named ${fileName} already exists.` }]);
      return fail('write_failed', `Could not write ${file}: ${code ?? (err as Error).message}.`);
    }
    if (this.singleFile) this.extraFiles.add(file);
    this.ownWrites.set(fileName, textHash(await fs.readFile(file, 'utf8')));
    await this.reload();
    const created = this.apis.find((a) => a.file === file);
    return created ? ok(created) : fail('write_failed', `Wrote ${fileName} but could not read it back.`);
  }
}

type Loaded = ProjectApi | { problems: ProjectProblem[]; text?: string };

async function loadApiFile(file: string, rel: string, explicit: boolean, root: string): Promise<Loaded | undefined> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_FILE_BYTES) return { problems: [{ file: rel, message: `The file is ${Math.round(stat.size / 1024 / 1024)} MB; AsyncAPI documents over 5 MB are not read.` }] };
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    return { problems: [{ file: rel, message: `Cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).` }] };
  }
  // In a folder, files that are not AsyncAPI documents (package.json, CI files ...) are not ours.
  if (!explicit && !/^\s*["']?asyncapi["']?\s*:/m.test(text)) return undefined;
  // The same gate as validate, import and export: the same documents are refused in the same words.
  const read = acceptApiDocument(text, file);
  const problems = read.ok ? (hasExternalRefs(read.data) ? await unresolvedExternalRefs(text, file, root) : []) : read.problems;
  if (!read.ok || problems.length) return { text, problems: problems.map((p) => ({ file: rel, ...(p.line ? { line: p.line, column: p.column ?? 1 } : {}), message: p.message })) };
  const bundled = hasExternalRefs(read.data) ? await bundleApiDocument(file, root) : undefined;
  if (bundled && !bundled.ok) return { text, problems: [{ file: rel, message: bundled.message }] };
  return { id: rel, file, api: read.api, basePath: gatewayBasePath(read.api.context, read.api.version), text, resolved: bundled?.ok ? bundled.data : read.data };
}

async function findCandidateFiles(root: string, depth = 0): Promise<string[]> {
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(root, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH && !SKIP_DIRS.has(entry.name)) files.push(...(await findCandidateFiles(full, depth + 1)));
    else if (entry.isFile() && API_FILE.test(entry.name)) files.push(full);
  }
  return files;
}
