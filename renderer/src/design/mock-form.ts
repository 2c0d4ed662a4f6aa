import { validateMockConfig } from '../../../shared/model/mock-validate.ts';

/** A setting of a topic's x-mock block, as a path inside it: ['rate'], ['burst', 'events']. */
export type MockSetting = string[];

/** The setting's value as the form shows it ('' when not set). */
export function mockText(mock: Record<string, unknown> | undefined, setting: MockSetting): string {
  let node: unknown = mock;
  for (const key of setting) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node === undefined || node === null ? '' : String(node);
}

/** What a typed value is written as: a number for numeric settings, the text otherwise; undefined removes it. */
export function mockValue(setting: MockSetting, text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (!NUMERIC.has(setting.join('.'))) return text;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}

const NUMERIC = new Set(['rate', 'burst.events', 'burst.everyMs', 'retryMs', 'backlog']);

/**
 * The fix-it message for one setting's typed value, from the mock's own validation
 * (shared/model/mock-validate.ts), so the form refuses exactly what the mock would.
 */
export function checkMockSetting(mock: Record<string, unknown> | undefined, setting: MockSetting, text: string): string | undefined {
  const value = mockValue(setting, text);
  if (value === undefined) return undefined;
  const candidate = structuredClone(mock ?? {});
  let node = candidate as Record<string, unknown>;
  for (const key of setting.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[setting[setting.length - 1] as string] = value;
  const at = setting.join('.');
  return validateMockConfig(candidate).problems.find((p) => p.path.join('.') === at)?.message;
}
