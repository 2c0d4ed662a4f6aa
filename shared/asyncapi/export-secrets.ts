import type { SecurityConfig } from '../model/runtime.ts';
import { isRecord, type DocPath } from './plain-data.ts';

export const REDACTED = '<redacted>';

/** The secret values an API's gateway settings hold: API keys, the HS256 secret, Basic passwords. */
export function securitySecrets(security: SecurityConfig): string[] {
  switch (security.type) {
    case 'apiKey':
      return security.keys;
    case 'jwt':
      return security.algorithm === 'HS256' ? [security.secret] : [];
    case 'basic':
      return security.users.map((u) => u.password);
    default:
      return [];
  }
}

/**
 * Replaces every copy of a secret that sits outside `x-gateway` (a key pasted into a description, a
 * server variable's default, an example) in a document to share, and names each place. Works on the
 * data, never on the printed text, so the document's structure cannot break. Short values (under 4
 * characters) are not searched: they would match ordinary words.
 */
export function redactSecrets(doc: unknown, secrets: string[], warn: (path: DocPath, message: string) => void): void {
  const wanted = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  if (!wanted.length) return;
  const walk = (node: unknown, path: DocPath) => {
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : isRecord(node) ? Object.entries(node) : [];
    for (const [key, value] of entries) {
      if (typeof value === 'string') {
        const clean = wanted.reduce((text, secret) => text.split(secret).join(REDACTED), value);
        if (clean !== value) {
          (node as Record<string | number, unknown>)[key] = clean;
          warn([...path, key], 'A secret from the gateway settings (an API key, JWT secret or password) is written here; it is left out of this export.');
        }
      } else walk(value, [...path, key]);
    }
  };
  walk(doc, []);
}
