import { useSyncExternalStore } from 'react';

/**
 * Which open Design pages hold unsaved edits, and a pending "leave the page?" question. The
 * workspace asks before it replaces a page that holds them (another API, New API, an import).
 */
const unsaved = new Set<string>();
let pending: { ids: string[]; go(): void } | undefined;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

export function markUnsaved(id: string, dirty: boolean): void {
  if (dirty) unsaved.add(id);
  else unsaved.delete(id);
}

/** Runs `go` at once when nothing is unsaved; otherwise asks first (see LeaveDialog). */
export function leavePage(go: () => void, keepOpen: readonly string[] = []): void {
  const ids = [...unsaved].filter((id) => !keepOpen.includes(id));
  if (ids.length === 0) return go();
  pending = { ids, go };
  notify();
}

export function answerLeave(leave: boolean): { ids: string[] } | undefined {
  const question = pending;
  pending = undefined;
  notify();
  if (!question) return undefined;
  if (!leave) return undefined;
  for (const id of question.ids) unsaved.delete(id);
  question.go();
  return { ids: question.ids };
}

export function usePendingLeave(): { ids: string[] } | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
  );
}
