import { useSyncExternalStore } from 'react';

/** One undoable action: what happened, and how to take it back. */
export interface UndoOffer {
  message: string;
  undo(): Promise<string | undefined>;
}

/**
 * The last undoable action, offered until the next action. Kept outside React components: the
 * page that deleted an API is gone by the time its Undo is shown.
 */
let current: UndoOffer | undefined;
const listeners = new Set<() => void>();

export function offerUndo(offer: UndoOffer | undefined): void {
  current = offer;
  for (const listener of listeners) listener();
}

export function useUndoOffer(): UndoOffer | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
