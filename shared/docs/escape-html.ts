/**
 * Text made safe for HTML element content and double-quoted attribute values: every character
 * that could open a tag, an entity or end an attribute is written as an entity. Everything the
 * docs page prints from a document passes through here.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
