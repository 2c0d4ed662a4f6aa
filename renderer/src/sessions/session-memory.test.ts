import { describe, expect, it } from 'vitest';
import { numericIdsChoice, rememberNumericIdsChoice, rememberSlotSession, rememberViewerSlots, slotSession, viewerSlots, type KeyValueStore } from './session-memory.ts';

function memory(): KeyValueStore {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('session memory', () => {
  it('remembers which session a viewer slot shows, and the slots of an API', () => {
    const store = memory();
    expect(slotSession('a.yaml#1', store)).toBeUndefined();
    rememberSlotSession('a.yaml#1', 'sub-1', store);
    expect(slotSession('a.yaml#1', store)).toBe('sub-1');
    expect(viewerSlots('a.yaml', store)).toEqual([1]);
    rememberViewerSlots('a.yaml', [1, 3], store);
    expect(viewerSlots('a.yaml', store)).toEqual([1, 3]);
  });

  it('keeps the numeric-id rule choice per API (off unless turned on)', () => {
    const store = memory();
    expect(numericIdsChoice('a.yaml', store)).toBe(false);
    rememberNumericIdsChoice('a.yaml', true, store);
    expect(numericIdsChoice('a.yaml', store)).toBe(true);
    rememberNumericIdsChoice('a.yaml', false, store);
    expect(numericIdsChoice('a.yaml', store)).toBe(false);
  });

  it('a broken store only loses the memory', () => {
    const broken: KeyValueStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); }, removeItem: () => undefined };
    expect(() => rememberSlotSession('x', 'y', broken)).not.toThrow();
    expect(slotSession('x', broken)).toBeUndefined();
  });
});
