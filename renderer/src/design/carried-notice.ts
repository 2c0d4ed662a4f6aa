import type { DesignNotice } from './useDesignDocument.ts';

/**
 * A notice for the next Design page of a document. Saving a text that does not parse turns the
 * API page into the document's page (a new Design page): what happened is told there.
 */
const carried = new Map<string, DesignNotice>();

export function carryNotice(id: string, notice: DesignNotice): void {
  carried.set(id, notice);
}

export function takeCarriedNotice(id: string): DesignNotice | undefined {
  const notice = carried.get(id);
  carried.delete(id);
  return notice;
}
