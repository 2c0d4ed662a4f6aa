import type { ExportProfile } from './export-parts.ts';
import { findExtensions } from './export-extensions.ts';
import { isRecord } from './plain-data.ts';

/** SSE Studio's own extensions: settings for its gateway and mock, meaningless to other tools. */
export const STUDIO_EXTENSIONS = ['x-context', 'x-gateway', 'x-backend-path', 'x-scheme', 'x-mock'];

export interface Removal {
  /** Extension blocks removed, by key (`x-mock` twice = two blocks). */
  extensions: string[];
  apiKeys: number;
  jwtSecrets: number;
  passwords: number;
}

/**
 * What each export profile removes from a document (parsed to plain data), before anything is
 * written: studio nothing; clean every `x-` extension, so every secret (they live in x-gateway);
 * wso2 SSE Studio's own extensions (WSO2 gets its `x-wso2-*` instead). The export itself removes
 * exactly this (exportApiDocument reports the same figures).
 */
export function exportRemovals(doc: unknown): Record<ExportProfile, Removal> {
  const all = findExtensions(doc).map((h) => h.key);
  const studio = all.filter((k) => STUDIO_EXTENSIONS.includes(k));
  const secrets = gatewaySecrets(doc);
  return {
    studio: { extensions: [], apiKeys: 0, jwtSecrets: 0, passwords: 0 },
    clean: { extensions: all, ...secrets },
    wso2: { extensions: studio, ...secrets },
  };
}

/** "3 x- blocks, 1 API key" (or "nothing"). */
export function describeRemoval(r: Removal): string {
  const parts = [
    count(r.extensions.length, 'x- block'),
    count(r.apiKeys, 'API key'),
    count(r.jwtSecrets, 'JWT secret'),
    count(r.passwords, 'password'),
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing';
}

function gatewaySecrets(doc: unknown): Pick<Removal, 'apiKeys' | 'jwtSecrets' | 'passwords'> {
  const gateway = isRecord(doc) && isRecord(doc['x-gateway']) ? doc['x-gateway'] : {};
  const security = isRecord(gateway.security) ? gateway.security : {};
  return {
    apiKeys: Array.isArray(security.keys) ? security.keys.length : 0,
    jwtSecrets: typeof security.secret === 'string' ? 1 : 0,
    passwords: Array.isArray(security.users) ? security.users.length : 0,
  };
}

function count(n: number, noun: string): string {
  return n ? `${n} ${noun}${n === 1 ? '' : 's'}` : '';
}

/** Per profile, what the export dialog says it removes: { studio: 'nothing', clean: '3 x- blocks, 1 API key', ... }. */
export function removalSummaries(doc: unknown): Record<ExportProfile, string> {
  const removals = exportRemovals(doc);
  return { studio: describeRemoval(removals.studio), clean: describeRemoval(removals.clean), wso2: describeRemoval(removals.wso2) };
}
