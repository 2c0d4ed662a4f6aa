import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentView, StudioClient } from '../../../shared/api/contract.ts';
import { applyDesignEdit, type DesignEdit } from './design-edits.ts';
import { carryNotice, takeCarriedNotice } from './carried-notice.ts';
import { TopicKeys } from './topic-keys.ts';

/** How long typing must pause before a recovery draft is kept. */
const DRAFT_DELAY_MS = 1000;

export interface DesignNotice {
  severity: 'success' | 'info' | 'warning' | 'error';
  message: string;
  testId: string;
}

/** The file on disk differs from what the editor was based on, and the editor has unsaved edits. */
export interface DiskConflict {
  diskText: string;
  diskHash: string;
  /** 'save': our save was refused; 'disk': another program changed the file while we edited. */
  cause: 'save' | 'disk';
}

export interface DesignDocument {
  id: string;
  format: 'yaml' | 'json';
  loadError: string | undefined;
  loaded: boolean;
  text: string;
  /**
   * The text as last set from outside the editor (load, forms, reload, restore), with a revision:
   * the editor applies it when the revision changes and never echoes its own typing back.
   */
  external: { text: string; rev: number };
  dirty: boolean;
  /** A recovery draft; `stale` when the file changed since the draft was made. */
  draftOffer: { text: string; savedAt: number; baseHash: string; stale: boolean } | null;
  conflict: DiskConflict | null;
  notice: DesignNotice | undefined;
  saving: boolean;
  setText(text: string): void;
  edit(edit: DesignEdit): void;
  save(): Promise<void>;
  /** Saves a text that does not parse, after the user confirmed: the API is undeployed first, and the notice says so. */
  saveUnreadable(problem: string): Promise<void>;
  /** Drops the unsaved edits (and their recovery draft): the editor shows the file again. */
  discardChanges(): Promise<void>;
  /** Discards the editor's text for the file on disk. */
  reload(): Promise<void>;
  /** Writes the editor's text over the changed file (after the user confirmed). */
  keepMine(): Promise<void>;
  restoreDraft(): void;
  discardDraft(): void;
  dismissNotice(): void;
  dismissConflict(): void;
  /**
   * The editor registers how to replace its text at once, so a form edit reaches the editor's
   * model in the same task: a keystroke can never land between the two and be undone.
   */
  bindEditor(apply: ((text: string) => void) | null): void;
}

/**
 * One document open in the Design page: the text the editor and the forms share, what it was based
 * on (so a save never overwrites a change made on disk), recovery drafts and changes on disk. The
 * text is read for the forms off the page's thread (editor/document-check.worker.ts).
 */
export function useDesignDocument(client: StudioClient, id: string): DesignDocument {
  const format: 'yaml' | 'json' = /\.json$/i.test(id) ? 'json' : 'yaml';
  const [text, setTextState] = useState('');
  const [external, setExternal] = useState({ text: '', rev: 0 });
  const [base, setBase] = useState<{ text: string; hash: string } | undefined>();
  const [loadError, setLoadError] = useState<string>();
  const [draftOffer, setDraftOffer] = useState<DesignDocument['draftOffer']>(null);
  const [conflict, setConflict] = useState<DiskConflict | null>(null);
  const [notice, setNotice] = useState<DesignNotice>();
  const [saving, setSaving] = useState(false);
  const textRef = useRef(text);
  const baseRef = useRef(base);
  const draftKept = useRef(false);
  const topicKeys = useRef(new TopicKeys());
  textRef.current = text;
  baseRef.current = base;
  const dirty = base !== undefined && text !== base.text;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const editorSink = useRef<((text: string) => void) | null>(null);
  const setOutside = useCallback((next: string) => {
    editorSink.current?.(next);
    textRef.current = next;
    setTextState(next);
    setExternal((e) => ({ text: next, rev: e.rev + 1 }));
  }, []);
  const bindEditor = useCallback((apply: ((text: string) => void) | null) => {
    editorSink.current = apply;
  }, []);

  const adopt = useCallback(
    (view: DocumentView) => {
      setBase({ text: view.text, hash: view.hash });
      topicKeys.current.clear();
      setOutside(view.text);
    },
    [setOutside],
  );

  // Load, and offer a recovery draft when one was kept.
  useEffect(() => {
    let current = true;
    void client.call('documents.get', { id }).then((result) => {
      if (!current) return;
      if (!result.ok) return setLoadError(result.error.message);
      adopt(result.value);
      const draft = result.value.draft;
      setDraftOffer(draft ? { text: draft.text, savedAt: draft.savedAt, baseHash: draft.baseHash, stale: draft.baseHash !== result.value.hash } : null);
      draftKept.current = Boolean(draft);
      const carried = takeCarriedNotice(id);
      if (carried) setNotice(carried);
    });
    return () => {
      current = false;
    };
  }, [client, id, adopt]);

  // Recovery draft while dirty; dropped again when the text is back to the file's.
  useEffect(() => {
    if (!base) return;
    if (!dirty) {
      if (draftKept.current && !draftOffer) {
        draftKept.current = false;
        void client.call('documents.discardDraft', { id });
      }
      return;
    }
    // An offered draft is not overwritten before the user chose Restore or Discard.
    if (draftOffer) return;
    const timer = setTimeout(() => {
      draftKept.current = true;
      void client.call('documents.saveDraft', { id, text, baseHash: base.hash });
    }, DRAFT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [client, id, text, base, dirty, draftOffer]);

  // Someone else changed the file: follow it when nothing is unsaved, else say so and keep our text.
  const checkDisk = useCallback(
    async (announce: boolean) => {
      const result = await client.call('documents.get', { id });
      const known = baseRef.current;
      if (!result.ok || !known || result.value.hash === known.hash) return;
      // Our own save, announced before its answer arrived: the file holds what the editor holds.
      if (result.value.text === textRef.current) {
        setBase({ text: result.value.text, hash: result.value.hash });
        return;
      }
      if (!dirtyRef.current) {
        adopt(result.value);
        if (announce) setNotice({ severity: 'info', testId: 'design-reloaded', message: `${id} changed on disk; the editor now shows the new version.` });
        return;
      }
      setConflict({ diskText: result.value.text, diskHash: result.value.hash, cause: 'disk' });
    },
    [client, id, adopt],
  );

  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type === 'documents.changedOnDisk' && event.ids.includes(id)) void checkDisk(true);
        // Our own other writes (the Runtime tab's save) change the file too.
        if (event.type === 'apis.changed') void checkDisk(false);
      }),
    [client, id, checkDisk],
  );

  const setText = useCallback((next: string) => {
    textRef.current = next;
    setTextState(next);
  }, []);

  const edit = useCallback(
    (change: DesignEdit) => {
      const current = textRef.current;
      const resolved = topicKeys.current.resolve(change);
      let next: ReturnType<typeof applyDesignEdit>;
      try {
        next = applyDesignEdit(current, format, resolved);
      } catch {
        return; // the text does not parse right now: the forms are read-only then anyway
      }
      topicKeys.current.applied(resolved, next.renamed);
      if (next.text !== current) setOutside(next.text);
    },
    [format, setOutside],
  );

  const saveWith = useCallback(
    async (baseHash: string): Promise<boolean> => {
      const toSave = textRef.current;
      setSaving(true);
      const result = await client.call('documents.save', { id, text: toSave, baseHash });
      setSaving(false);
      if (result.ok) {
        setBase({ text: result.value.text, hash: result.value.hash });
        draftKept.current = false;
        setConflict(null);
        setDraftOffer(null);
        const problems = result.value.problems.length;
        setNotice(
          problems
            ? { severity: 'warning', testId: 'design-saved', message: `Saved ${id}, but it is not a servable SSE API yet: ${result.value.problems[0]?.message ?? ''}` }
            : { severity: 'success', testId: 'design-saved', message: `Saved ${id}.` },
        );
        return true;
      }
      if (result.error.code === 'conflict') {
        const disk = await client.call('documents.get', { id });
        if (disk.ok) setConflict({ diskText: disk.value.text, diskHash: disk.value.hash, cause: 'save' });
        else setNotice({ severity: 'error', testId: 'design-save-error', message: result.error.message });
        return false;
      }
      setNotice({ severity: 'error', testId: 'design-save-error', message: `${result.error.message} Your text is still here.` });
      return false;
    },
    [client, id],
  );

  const save = useCallback(async () => {
    const known = baseRef.current;
    if (!known || saving) return;
    await saveWith(known.hash);
  }, [saveWith, saving]);

  const saveUnreadable = useCallback(
    async (problem: string) => {
      const known = baseRef.current;
      if (!known || saving) return;
      const said: DesignNotice = {
        severity: 'warning',
        testId: 'design-saved-unreadable',
        message: `Saved ${id} as written. It does not parse (${problem}), so it is no longer an SSE API and is not deployed: fix the text, save, then Deploy it again.`,
      };
      // The API page gives way to the document's page once the file is no longer an API: the notice goes along.
      carryNotice(id, said);
      // Saved like this the file is no longer an API: the gateway must not go on serving an old version of it.
      await client.call('apis.undeploy', { id });
      if (!(await saveWith(known.hash))) {
        takeCarriedNotice(id);
        return;
      }
      setNotice(said);
    },
    [client, id, saveWith, saving],
  );

  const discardChanges = useCallback(async () => {
    const result = await client.call('documents.get', { id });
    if (!result.ok) return setNotice({ severity: 'error', testId: 'design-save-error', message: result.error.message });
    adopt(result.value);
    setConflict(null);
    setDraftOffer(null);
    draftKept.current = false;
    void client.call('documents.discardDraft', { id });
    setNotice({ severity: 'info', testId: 'design-discarded', message: `Discarded your changes: the editor shows ${id} as saved.` });
  }, [client, id, adopt]);

  const reload = useCallback(async () => {
    const result = await client.call('documents.get', { id });
    if (!result.ok) return setNotice({ severity: 'error', testId: 'design-save-error', message: result.error.message });
    adopt(result.value);
    setConflict(null);
    setNotice({ severity: 'info', testId: 'design-reloaded', message: `Reloaded ${id} from disk; your edits were discarded.` });
  }, [client, id, adopt]);

  const keepMine = useCallback(async () => {
    if (!conflict) return;
    await saveWith(conflict.diskHash);
  }, [conflict, saveWith]);

  const restoreDraft = useCallback(() => {
    if (!draftOffer) return;
    // A draft made on an older version of the file saves against that version: if the file changed
    // since, the save is refused and the conflict dialog lets the user compare.
    setBase((known) => (known ? { text: known.text, hash: draftOffer.baseHash } : known));
    topicKeys.current.clear();
    setOutside(draftOffer.text);
    setDraftOffer(null);
    setNotice({ severity: 'info', testId: 'design-restored', message: 'Restored your unsaved text. Save to write it to the file.' });
  }, [draftOffer, setOutside]);

  const discardDraft = useCallback(() => {
    setDraftOffer(null);
    draftKept.current = false;
    void client.call('documents.discardDraft', { id });
  }, [client, id]);

  const dismissNotice = useCallback(() => setNotice(undefined), []);
  const dismissConflict = useCallback(() => setConflict(null), []);

  return useMemo(
    () => ({
      id,
      format,
      loadError,
      loaded: base !== undefined,
      text,
      external,
      dirty,
      draftOffer,
      conflict,
      notice,
      saving,
      setText,
      edit,
      save,
      saveUnreadable,
      discardChanges,
      reload,
      keepMine,
      restoreDraft,
      discardDraft,
      dismissNotice,
      dismissConflict,
      bindEditor,
    }),
    [id, format, loadError, base, text, external, dirty, draftOffer, conflict, notice, saving, setText, edit, save, saveUnreadable, discardChanges, reload, keepMine, restoreDraft, discardDraft, dismissNotice, dismissConflict, bindEditor],
  );
}
