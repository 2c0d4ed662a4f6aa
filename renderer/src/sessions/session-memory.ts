/**
 * What the UI remembers about sessions, so a view finds its session on the host again after a tab
 * switch, another API or a page reload: which subscription each viewer slot shows and which slots
 * an API's viewer has (sessionStorage: per window, survives a reload), and the tester's numeric-id
 * rule choice per API (localStorage: it must not reset on each Subscribe). Sessions themselves live
 * on the host. Storage failures (private mode, quota) only lose the memory, never the session.
 */
const SLOT = 'sse-studio.session.';
const SLOTS = 'sse-studio.viewer-slots.';
const NUMERIC_IDS = 'sse-studio.numeric-ids.';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const session = (): KeyValueStore | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
const local = (): KeyValueStore | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

function read(store: KeyValueStore | undefined, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | undefined, key: string, value: string | undefined): void {
  try {
    if (value === undefined) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Memory only: the session still runs on the host and shows in the session list.
  }
}

export function slotSession(slot: string, store = session()): string | undefined {
  return read(store, SLOT + slot) ?? undefined;
}

export function rememberSlotSession(slot: string, subscriptionId: string | undefined, store = session()): void {
  write(store, SLOT + slot, subscriptionId);
}

/** The viewer slots an API's page had open (at least one). */
export function viewerSlots(apiId: string, store = session()): number[] {
  let slots: unknown;
  try {
    slots = JSON.parse(read(store, SLOTS + apiId) ?? 'null');
  } catch {
    slots = undefined;
  }
  return Array.isArray(slots) && slots.length && slots.every((s) => Number.isInteger(s)) ? (slots as number[]) : [1];
}

export function rememberViewerSlots(apiId: string, slots: number[], store = session()): void {
  write(store, SLOTS + apiId, JSON.stringify(slots));
}

export function numericIdsChoice(apiId: string, store = local()): boolean {
  return read(store, NUMERIC_IDS + apiId) === 'on';
}

export function rememberNumericIdsChoice(apiId: string, on: boolean, store = local()): void {
  write(store, NUMERIC_IDS + apiId, on ? 'on' : undefined);
}
