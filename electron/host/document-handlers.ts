import type { DocumentView, HostInfo, ProjectProblem, StudioHandlers } from '../../shared/api/contract.ts';
import { fail, ok, type Result } from '../../shared/result.ts';
import type { ProjectDocument, ProjectStore } from '../project/project-store.ts';
import type { RecentProjects } from '../project/recent-projects.ts';
import type { RecoveryStore } from '../project/recovery-store.ts';
import { createProjectFolder } from '../project/project-settings.ts';

/**
 * The Studio API for documents and projects: what the AsyncAPI editor needs (read, save with
 * conflict detection, crash-recovery drafts) and opening other projects.
 */
export type DocumentMethods =
  | 'documents.list'
  | 'documents.get'
  | 'documents.save'
  | 'documents.create'
  | 'documents.delete'
  | 'documents.saveDraft'
  | 'documents.discardDraft'
  | 'documents.resolved'
  | 'project.open'
  | 'project.recent'
  | 'project.create';

/** What the handlers need from the host; project and recovery are read per call (opening a project swaps them). */
export interface DocumentHandlerDeps {
  readonly project: ProjectStore;
  readonly recovery: RecoveryStore;
  readonly recent: RecentProjects;
  redeployChanged(ids: string[]): void;
  changed(): void;
  openProject(path: string): Promise<void>;
  hostInfo(): Promise<Result<HostInfo>>;
  /** Problems the host sees across documents (e.g. two APIs mocking the same topic path). */
  hostProblems?(id: string): ProjectProblem[];
}

export function documentHandlers(host: DocumentHandlerDeps): Pick<StudioHandlers, DocumentMethods> {
  const view = async (doc: ProjectDocument): Promise<DocumentView> => {
    const draft = await host.recovery.get(doc.id);
    // A draft equal to the file is not worth offering.
    const useful = draft && draft.text !== doc.text ? { text: draft.text, baseHash: draft.baseHash, savedAt: draft.savedAt } : null;
    return { id: doc.id, apiName: doc.apiName ?? null, problems: problemsOf(doc), hasDraft: useful !== null, text: doc.text, hash: doc.hash, draft: useful };
  };
  const problemsOf = (doc: ProjectDocument) => [...doc.problems, ...(host.hostProblems?.(doc.id) ?? [])];

  return {
    'documents.list': async () => {
      const drafts = new Set((await host.recovery.list()).map((d) => d.id));
      return ok({ documents: host.project.documents().map((d) => ({ id: d.id, apiName: d.apiName ?? null, problems: problemsOf(d), hasDraft: drafts.has(d.id) })) });
    },
    'documents.get': async ({ id }) => {
      const doc = host.project.document(id);
      return doc ? ok(await view(doc)) : fail('not_found', `There is no document "${id}" in the project.`);
    },
    'documents.save': async ({ id, text, baseHash }) => {
      const saved = await host.project.saveDocument(id, text, baseHash);
      if (!saved.ok) return saved;
      await host.recovery.discard(id);
      host.redeployChanged([id]);
      host.changed();
      return ok(await view(saved.value));
    },
    'documents.create': async ({ fileName, text }) => {
      const created = await host.project.createDocument(fileName, text);
      if (!created.ok) return created;
      host.changed();
      return ok(await view(created.value));
    },
    'documents.delete': async ({ id, baseHash }) => {
      const deleted = await host.project.deleteDocument(id, baseHash);
      if (!deleted.ok) return deleted;
      await host.recovery.discard(id);
      // The file is gone: the gateway stops serving it.
      host.redeployChanged([id]);
      host.changed();
      return deleted;
    },
    'documents.saveDraft': async ({ id, text, baseHash }) => {
      if (!host.project.document(id)) return fail('not_found', `There is no document "${id}" in the project.`);
      try {
        return ok({ savedAt: (await host.recovery.save(id, text, baseHash)).savedAt });
      } catch (err) {
        return fail('draft_failed', `Could not keep a recovery copy: ${(err as Error).message}`);
      }
    },
    'documents.discardDraft': async ({ id }) => ok({ discarded: await host.recovery.discard(id) }),
    'documents.resolved': async ({ id }) => {
      const doc = host.project.document(id);
      if (!doc) return fail('not_found', `There is no document "${id}" in the project.`);
      // The loader inlined the other files when it read the document (ProjectApi.resolved): nothing to read again.
      const api = host.project.get(id);
      if (!api) return fail('not_resolved', `${id} is not a valid SSE API yet: fix its problems (${doc.problems[0]?.message ?? 'see the Problems panel'}) and save.`);
      return ok({ id, hash: doc.hash, document: api.resolved });
    },
    'project.open': async ({ path }) => {
      try {
        await host.openProject(path);
      } catch (err) {
        return fail('open_failed', (err as Error).message);
      }
      return host.hostInfo();
    },
    'project.recent': async () => ok({ projects: await host.recent.list() }),
    'project.create': async ({ path }) => {
      try {
        await createProjectFolder(path);
        await host.openProject(path);
      } catch (err) {
        return fail('create_failed', (err as Error).message);
      }
      return host.hostInfo();
    },
  };
}
